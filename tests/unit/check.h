/* check: the few macros unit tests use. Each CHECK prints "ok NAME" or "FAIL NAME: where"
 * (the protocol tests/run.sh counts); check_done() gives the exit status. */
#ifndef TESTS_CHECK_H
#define TESTS_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_failed;
static const char *check_suite = "unit";

#define CHECK(name, cond) do { \
	if (cond) printf("ok %s: %s\n", check_suite, (name)); \
	else { printf("FAIL %s: %s (%s:%d: %s)\n", check_suite, (name), __FILE__, __LINE__, #cond); \
	       check_failed++; } \
} while (0)

#define CHECK_MEM(name, got, gotn, want, wantn) \
	CHECK(name, (gotn) == (wantn) && memcmp((got), (want), (wantn)) == 0)

#define CHECK_STR(name, got, want) \
	CHECK(name, strcmp((got), (want)) == 0)

static inline int check_done(void)
{
	fflush(stdout);
	return check_failed ? 1 : 0;
}

#endif
