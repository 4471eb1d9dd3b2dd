/* charset: the charset of a document from its first block, for --encoding=auto: a
 * byte-order mark decides; else text that is UTF-8 (allowing a little damage), or that has
 * fewer than eight non-ASCII bytes, stays UTF-8, the fast path; else uchardet (libuchardet)
 * names it. */
#ifndef COMMON_CHARSET_H
#define COMMON_CHARSET_H
#include <stddef.h>

/* p[0..n): the start of the input (the whole input when it is shorter than a block).
 * Returns a name iconv knows, "UTF-8" for UTF-8 and ASCII (and when nothing could be
 * told: invalid bytes are then repaired and reported as usual). The name stays valid
 * until the next call. */
const char *charset_detect(const char *p, size_t n);
/* Is name UTF-8 (any spelling iconv takes)? */
int charset_is_utf8(const char *name);
/* Is enc "auto" (or NULL: the default)? */
int charset_is_auto(const char *enc);
/* The value of an --encoding option: "auto", or a charset iconv can convert to UTF-8; anything
 * else (the empty string too) is a usage error, said before any input is read. */
void charset_check_option(const char *enc);

#endif
