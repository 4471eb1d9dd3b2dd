/* feed: the plumbing every harness shares. Fuzz input reaches the library the way real
 * input does, through a file descriptor, but cut into reads of a chosen size so that lines
 * and escapes straddle read blocks (a 256 KB block never splits a small input otherwise). */
#ifndef FUZZ_FEED_H
#define FUZZ_FEED_H
#include <stddef.h>
#include <stdint.h>

/* Make data[0..n) the whole of standard input, delivered chunk bytes per read(). */
void feed_stdin(const uint8_t *data, size_t n, size_t chunk);
/* Send the library's stderr messages and stdout writes to /dev/null (FUZZ_VERBOSE=1 keeps
 * stderr), so the fuzzer's own report stays readable. Idempotent. */
void feed_quiet(const char *progname);
/* Stop the run with a message when a harness invariant fails: a crash libFuzzer keeps. */
_Noreturn void feed_fail(const char *what);

#endif
