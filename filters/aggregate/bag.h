/* bag: a multiset of byte strings (value -> number of times seen), the state of every
 * operation that needs the distinct values of a group: countunique, unique, mode, top,
 * median and quantile. Exact and mergeable; memory grows with the distinct values. */
#ifndef AGG_BAG_H
#define AGG_BAG_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "buf.h"
#define XXH_INLINE_ALL
#include <xxhash.h>

struct bent {
	uint64_t hash;
	size_t off, len;           /* the value is bytes.p[off..off+len) */
	unsigned long long count;
};

struct bag {
	struct bent *e;            /* open addressing; hash 0 marks a free slot */
	size_t n, cap;
	unsigned long long total;  /* sum of the counts */
	struct buf bytes;
};

void bag_add(struct bag *b, const char *p, size_t n, unsigned long long count);
/* The entries in byte order of their values (caller frees the array). */
struct bent *bag_sorted(const struct bag *b);
static inline const char *bag_val(const struct bag *b, const struct bent *e)
{
	return b->bytes.p + e->off;
}
void bag_free(struct bag *b);
/* Bytes held by every bag of the process. */
size_t bag_memory(void);

/* XXH3 (libxxhash), inlined: keys are short, and a call would cost as much as the hash.
 * Never 0, which bag and groups use to mark a free slot. */
static inline uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = XXH3_64bits(p, n);
	return h ? h : 1;
}
int bytes_cmp(const char *a, size_t an, const char *b, size_t bn);
static inline uint64_t load8(const char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

/* a[0..n) == b[0..n), without a call for keys of 8 to 16 bytes */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
	if (n >= 8 && n <= 16)
		return load8(a) == load8(b) && load8(a + n - 8) == load8(b + n - 8);
	return memcmp(a, b, n) == 0;
}

#endif
