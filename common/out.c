/* out: buffered standard output with every error checked. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "out.h"

#define OUT_CAP (256 * 1024)

static char obuf[OUT_CAP];
static size_t olen;
static int ofd = 1;

void out_set_fd(int fd)
{
	ofd = fd;
}

static _Noreturn void write_failed(int err)
{
	if (err == EPIPE) {
		/* The reader went away (| head): end as an unhandled SIGPIPE would, quietly
		 * and with the status shells expect, even when SIGPIPE was ignored. */
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
		_exit(EXIT_SYS);
	}
	fatal(EXIT_SYS, "write error: %s", strerror(err));
}

static void write_all(const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(ofd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			write_failed(errno);
		}
		p += w;
		n -= (size_t)w;
	}
}

void out_flush(void)
{
	if (olen) {
		size_t n = olen;
		olen = 0;
		write_all(obuf, n);
	}
}

void out_write(const void *p, size_t n)
{
	if (n == 0)   /* empty fields often come as { NULL, 0 }: memcpy wants a pointer */
		return;
	if (n <= OUT_CAP - olen) {
		memcpy(obuf + olen, p, n);
		olen += n;
		return;
	}
	out_flush();
	if (n >= OUT_CAP) {
		write_all(p, n);
		return;
	}
	memcpy(obuf, p, n);
	olen = n;
}

void out_putc(char c)
{
	if (olen == OUT_CAP)
		out_flush();
	obuf[olen++] = c;
}

void out_puts(const char *s)
{
	out_write(s, strlen(s));
}

void out_printf(const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatal(EXIT_SYS, "formatting failed");
	if ((size_t)n < sizeof small) {
		out_write(small, (size_t)n);
		return;
	}
	char *big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out_write(big, (size_t)n);
	free(big);
}

void out_finish(void)
{
	out_flush();
	/* fsync is not wanted (pipes), but close reports errors of delayed writes (NFS). */
	if (close(ofd) != 0 && errno != EINTR && errno != EBADF)
		write_failed(errno);
	ofd = -1;
}
