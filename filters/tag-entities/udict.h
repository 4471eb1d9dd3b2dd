/* udict: the entries of the user's --dict files, kept compact for dictionaries of
 * millions of lines: every surface and value in one byte pool, and a sorted array of
 * small entries, searched by narrowing a range of entries that share a prefix. The
 * longest entry at each position of a segment is found without building a trie. */
#ifndef TAGENT_UDICT_H
#define TAGENT_UDICT_H
#include <stddef.h>
#include <stdint.h>
#include "ctx.h"

#define UDICT_MAX_SURFACE 65535   /* bytes */

/* Add an entry: surface s[0..n) (valid UTF-8, 0 < n <= UDICT_MAX_SURFACE), its entity
 * type and value v[0..vn) (vn 0 = none). A later entry with the same surface replaces an
 * earlier one. */
void udict_add(const char *s, size_t n, int type, const char *v, size_t vn);
/* Number of entries added (before duplicates are folded). */
size_t udict_count(void);
/* The longest entry starting at code point i of segment c: its length in code points,
 * 0 for none, and its index in *idx. Sorts the entries first if any were added since. */
size_t udict_longest(const struct ctx *c, size_t i, uint32_t *idx);
int udict_type(uint32_t idx);
const char *udict_value(uint32_t idx);   /* "" when the entry has none */
void udict_free(void);

#endif
