/* progress: a self-overwriting status line. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "progress.h"

static int on;
static double t0, last;
static unsigned long long files;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(int wanted)
{
	on = wanted && isatty(2);
	t0 = last = now();
}

static void show(unsigned long long bytes, unsigned long long files, double t)
{
	double mb = (double)bytes / 1e6, dt = t - t0;
	fprintf(stderr, "\rsegment: %.1f MB, %llu file%s, %.1f MB/s ", mb, files,
	        files == 1 ? "" : "s", dt > 0 ? mb / dt : 0.0);
}

void progress_file_done(void)
{
	files++;
}

void progress_tick(unsigned long long bytes)
{
	if (!on)
		return;
	double t = now();
	if (t - last < 0.5)
		return;
	last = t;
	show(bytes, files, t);
}

void progress_done(unsigned long long bytes)
{
	if (!on)
		return;
	show(bytes, files, now());
	fputc('\n', stderr);
}
