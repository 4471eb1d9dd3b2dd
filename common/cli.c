/* cli: program name, fatal/warn, exit statuses, allocation and option parsing. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cli.h"
#include "out.h"
#include "utf8.h"

#ifndef TOOLKIT_VERSION
#define TOOLKIT_VERSION "0"
#endif

const char *progname = "toolkit";
static int bad_seen;

void cli_init(const char *name)
{
	progname = name;
	/* Past `ulimit -f` a write should fail with EFBIG, reported as a write error (status
	 * 3), not kill the program silently with SIGXFSZ. */
	signal(SIGXFSZ, SIG_IGN);
}

static void vsay(const char *where, const char *fmt, va_list ap)
{
	/* One fprintf per message would interleave badly with other processes' stderr;
	 * building the line first keeps it whole. */
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	fprintf(stderr, "%s: %s%s\n", progname, where ? where : "", msg ? msg : fmt);
	free(msg);
}

_Noreturn void fatal(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(NULL, fmt, ap);
	va_end(ap);
	exit(status);
}

void warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(NULL, fmt, ap);
	va_end(ap);
}

/* A file name as messages show it: invalid UTF-8 and control characters as \xHH, so a
 * name cannot break a message into two lines or forge one in a log. */
static const char *shown_name(const char *file, struct buf *b)
{
	const char *id = u8_name_id(file, b);
	const char *c = id;
	while (*c && (unsigned char)*c >= 0x20 && *c != 0x7F)
		c++;
	if (!*c)
		return id;
	struct buf out = BUF_INIT;
	for (c = id; *c; c++) {
		unsigned char u = (unsigned char)*c;
		if (u < 0x20 || u == 0x7F)
			buf_addf(&out, "\\x%02X", u);
		else
			buf_addc(&out, (char)u);
	}
	buf_clear(b);
	buf_add(b, out.p, out.n);
	buf_free(&out);
	return b->p;
}

void warn_at(const char *file, unsigned long long line, const char *fmt, ...)
{
	struct buf name = BUF_INIT;
	file = shown_name(file, &name);
	char *msg = NULL;
	va_list ap;
	bad_seen = 1;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (line)
		fprintf(stderr, "%s: %s:%llu: %s\n", progname, file, line, msg ? msg : fmt);
	else
		fprintf(stderr, "%s: %s: %s\n", progname, file, msg ? msg : fmt);
	free(msg);
	buf_free(&name);
}

void cli_mark_bad(void)
{
	bad_seen = 1;
}

int cli_status(void)
{
	return bad_seen ? EXIT_DATA : EXIT_OK;
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		fatal(EXIT_SYS, "out of memory");
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		fatal(EXIT_SYS, "out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		fatal(EXIT_SYS, "out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

_Noreturn void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(NULL, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	exit(EXIT_USAGE);
}

enum { KEY_HELP = 0x10000, KEY_VERSION };

static void print_help(const struct cli_spec *spec)
{
	out_printf("Usage: %s %s\n%s\n\n", progname, spec->usage, spec->summary);
	for (const struct cli_opt *o = spec->opts; o && o->name; o++) {
		struct buf b = BUF_INIT;
		if (o->key > 0 && o->key < 256)
			buf_addf(&b, "  -%c, --%s", o->key, o->name);
		else
			buf_addf(&b, "      --%s", o->name);
		if (o->arg)
			buf_addf(&b, "=%s", o->arg);
		if (b.n < 28)
			out_printf("%-28s%s\n", b.p, o->help);
		else
			out_printf("%s\n%-28s%s\n", b.p, "", o->help);
		buf_free(&b);
	}
	out_printf("%-28s%s\n%-28s%s\n", "      --help", "display this help and exit",
	           "      --version", "output version information and exit");
	if (spec->epilog)
		out_printf("\n%s", spec->epilog);
	out_printf("\nExit status: 0 all went well, 1 bad data or an unreadable input (the rest was\n"
	           "processed), 2 usage error, 3 output or system failure.\n");
}

static struct option *long_options(const struct cli_spec *spec, struct buf *shorts)
{
	size_t n = 0;
	for (const struct cli_opt *o = spec->opts; o && o->name; o++)
		n++;
	struct option *lo = xcalloc(n + 3, sizeof *lo);
	size_t i = 0;
	buf_addc(shorts, ':');
	for (const struct cli_opt *o = spec->opts; o && o->name; o++, i++) {
		lo[i].name = o->name;
		lo[i].has_arg = o->arg ? required_argument : no_argument;
		lo[i].val = o->key;
		if (o->key > 0 && o->key < 256) {
			buf_addc(shorts, (char)o->key);
			if (o->arg)
				buf_addc(shorts, ':');
		}
	}
	lo[i++] = (struct option){ "help", no_argument, NULL, KEY_HELP };
	lo[i++] = (struct option){ "version", no_argument, NULL, KEY_VERSION };
	return lo;
}

int cli_next(int argc, char **argv, const struct cli_spec *spec, const char **arg)
{
	static struct option *lo;
	static struct buf shorts;
	if (!lo)
		lo = long_options(spec, &shorts);
	int prev = optind;
	int c = getopt_long(argc, argv, shorts.p, lo, NULL);
	*arg = optarg;
	switch (c) {
	case -1:
		free(lo);
		lo = NULL;
		buf_free(&shorts);
		return -1;
	case KEY_HELP:
		print_help(spec);
		out_finish();
		exit(EXIT_OK);
	case KEY_VERSION:
		out_printf("%s (news-facts toolkit) %s\n", progname, TOOLKIT_VERSION);
		out_finish();
		exit(EXIT_OK);
	case ':':
		usage_error("option '%s' requires an argument", argv[optind - 1 > prev ? optind - 1 : prev]);
	case '?':
		if (optopt && optopt < 256)
			usage_error("invalid option -- '%c'", optopt);
		usage_error("unrecognized option '%s'", argv[optind - 1]);
	default:
		return c;
	}
}

int cli_optind(void)
{
	return optind;
}

unsigned long long cli_ull(const char *opt, const char *s)
{
	char *end;
	errno = 0;
	if (!*s || *s == '-' || *s == '+')
		usage_error("invalid number for %s: '%s'", opt, s);
	unsigned long long v = strtoull(s, &end, 10);
	if (*end || errno)
		usage_error("invalid number for %s: '%s'", opt, s);
	return v;
}
