/* cli: program name, the error vocabulary (fatal, warn), exit statuses and option parsing
 * shared by every program. The option table is the single source for getopt_long and --help. */
#ifndef COMMON_CLI_H
#define COMMON_CLI_H
#include <stddef.h>

enum exit_status {
	EXIT_OK = 0,    /* all went well */
	EXIT_DATA = 1,  /* bad data or an unreadable input; the rest was processed */
	EXIT_USAGE = 2, /* unknown option or bad argument */
	EXIT_SYS = 3    /* output or system failure */
};

extern const char *progname;

/* Remember the program name (basename of argv[0] is ignored: name is given), and ignore
 * SIGXFSZ so that a file size limit is a write error like any other. */
void cli_init(const char *name);

/* Print "prog: msg" on stderr and exit with status. */
_Noreturn void fatal(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print "prog: msg" on stderr and go on. */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "prog: file:line: msg", go on, and remember that bad data was seen (exit status 1).
 * A byte of the name that is not UTF-8, or a control character, is shown as \xHH. */
void warn_at(const char *file, unsigned long long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Remember that something was wrong without printing (already reported). */
void cli_mark_bad(void);
/* EXIT_DATA when bad data was seen, else EXIT_OK. */
int cli_status(void);

/* Allocation that cannot fail: dies with EXIT_SYS on out of memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* One option of a program. key is the short option character or a value >= 256 for
 * long-only options; arg is the argument's name in --help, NULL when it takes none. */
struct cli_opt {
	const char *name;
	int key;
	const char *arg;
	const char *help;
};

struct cli_spec {
	const char *usage;        /* "[OPTION]... [FILE]..." */
	const char *summary;      /* one line said after the usage line */
	const struct cli_opt *opts; /* ends with { NULL, 0, NULL, NULL }; --help/--version are added */
	const char *epilog;       /* examples and notes printed after the options, may be NULL */
};

/* getopt_long over spec: returns the next key (with *arg set for options that take one),
 * -1 when the options end (cli_optind() gives the first operand). --help prints usage on
 * stdout and exits 0, --version prints the version and exits 0, an unknown option or a
 * missing argument prints a one-line message and exits 2. */
int cli_next(int argc, char **argv, const struct cli_spec *spec, const char **arg);
int cli_optind(void);
/* Usage error: "prog: msg" and "Try 'prog --help'." then exit 2. */
_Noreturn void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parse a non-negative integer argument of an option, or die with a usage error. */
unsigned long long cli_ull(const char *opt, const char *s);

#endif
