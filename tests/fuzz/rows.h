/* rows: capture what a program writes through common/out.h and check it is a well-formed
 * annotation stream, for harnesses whose stage writes rows itself (segment). */
#ifndef FUZZ_ROWS_H
#define FUZZ_ROWS_H
#include <stddef.h>

/* Send out.h's writes to a memory file from now on (emptied). */
void rows_capture(void);
/* Flush, then check every line captured: ten fields, valid UTF-8, escapes that unescape,
 * seg rows with start <= end <= src_len bytes and at most max_cp code points of text.
 * Calls feed_fail on the first bad line. Returns the number of rows. */
size_t rows_check(size_t src_len, size_t max_cp);

#endif
