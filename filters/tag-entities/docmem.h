/* docmem: what the current document taught (names found by context, the bare names of
 * its townships and communities, the stems of its divisions), for the segments after it.
 * Bounded whatever the input: the memory lives in two generations, and when the newer
 * one has seen DOCMEM_SEGMENTS segments or holds DOCMEM_WORDS words the older one is
 * dropped, so a word is kept for at least that many segments after it was last taught
 * and --lines input (one document however long) cannot grow it without end. */
#ifndef TAGENT_DOCMEM_H
#define TAGENT_DOCMEM_H
#include <stddef.h>
#include <stdint.h>
#include "lex.h"

#define DOCMEM_SEGMENTS 64
#define DOCMEM_WORDS 1024

/* A segment of document doc starts: a new document forgets everything, and the memory
 * ages by one segment. */
void docmem_segment(const char *doc);
/* Remember key[0..n); returns its payload for editing. */
struct lexinfo *docmem_put(const int32_t *key, size_t n);
/* The longest remembered word at the start of cp[0..n), its length in *len; NULL if none. */
const struct lexinfo *docmem_match(const int32_t *cp, size_t n, size_t *len);
/* Words remembered now (both generations), for tests. */
size_t docmem_size(void);
void docmem_free(void);

#endif
