/* meter: progress and notes on stderr. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "meter.h"

static int on, tty, shown;
static double t0, last;
static unsigned long long files, checked;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void meter_start(int wanted)
{
	on = wanted;
	tty = on && isatty(2);
	t0 = last = now();
}

int meter_on(void)
{
	return on;
}

static void show(unsigned long long bytes, double t, const char *end)
{
	double mb = (double)bytes / 1e6, dt = t - t0;
	fprintf(stderr, "%s%s: %.1f MB, %llu file%s, %.1f MB/s%s", tty ? "\r" : "", progname, mb, files,
	        files == 1 ? "" : "s", dt > 0 ? mb / dt : 0.0, end);
}

void meter_tick(unsigned long long bytes)
{
	/* The clock is read once per 256 KB, not per row. */
	if (!tty || bytes - checked < 256 * 1024)
		return;
	checked = bytes;
	double t = now();
	if (t - last < 0.5)
		return;
	last = t;
	shown = 1;
	show(bytes, t, " ");
}

void meter_file_done(void)
{
	files++;
}

void meter_note(const char *fmt, ...)
{
	if (!on)
		return;
	char *msg = NULL;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	fprintf(stderr, "%s%s: %s\n", shown ? "\n" : "", progname, msg ? msg : fmt);
	shown = 0;
	free(msg);
}

void meter_done(unsigned long long bytes)
{
	if (!tty)   /* logs of cron jobs stay clean: notes only */
		return;
	show(bytes, now(), "\n");
}
