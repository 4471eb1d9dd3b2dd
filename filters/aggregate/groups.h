/* groups: the groups of a run, found by key in a hash table (hash mode), and the key
 * encoding shared with --sorted mode. A group's states start zeroed, which every state
 * kind takes as empty. Memory grows with the number of groups only. */
#ifndef AGG_GROUPS_H
#define AGG_GROUPS_H
#include <stddef.h>
#include <stdint.h>
#include "bag.h"
#include "buf.h"
#include "table.h"

/* A group is its key's length, then the key (encoded: key_encode) padded to 8 bytes, then
 * the states, laid out by the operations' offsets: no pointers, so that a group of a short
 * key and a sum and a count fits one cache line. */
struct group {
	uint64_t keylen;
};

static inline char *group_key(const struct group *g)
{
	return (char *)(g + 1);
}

static inline unsigned char *group_st(const struct group *g)
{
	return (unsigned char *)(g + 1) + ((g->keylen + 7) & ~(uint64_t)7);
}

struct slot {
	uint64_t hash;          /* 0: free */
	struct group *g;
};

struct chunk;

/* Visible only so that the lookup's usual case can be inline. */
struct groups {
	struct slot *slot;
	size_t cap, n;
	size_t state_bytes;
	struct group **list;
	size_t list_cap;
	struct chunk *chunks;
	size_t chunk_bytes;
};

struct groups *groups_new(size_t state_bytes);
struct group *groups_get_slow(struct groups *g, const char *key, size_t n, uint64_t h);

/* The group of key[0..n) with hash h, added (zeroed states) when new. Inline when the
 * key sits in its first slot, as most do. */
static inline struct group *groups_get(struct groups *g, const char *key, size_t n, uint64_t h)
{
	const struct slot *s = &g->slot[h & (g->cap - 1)];
	if (s->hash == h && s->g->keylen == n && same_bytes(group_key(s->g), key, n))
		return s->g;
	return groups_get_slow(g, key, n, h);
}
/* Hints for a lookup of hash h coming soon: first the slot, then (once the slot is in
 * cache) the group it points to. The hash mode issues them rows ahead. */
static inline void groups_prefetch_slot(const struct groups *g, uint64_t h)
{
	__builtin_prefetch(&g->slot[h & (g->cap - 1)]);
}

static inline void groups_prefetch_group(const struct groups *g, uint64_t h)
{
	/* follow the probe to the slot holding this hash (the slots are in cache by now), so
	 * that a key that does not sit in its first slot is fetched too */
	size_t mask = g->cap - 1, j = h & mask;
	for (; g->slot[j].hash; j = (j + 1) & mask) {
		if (g->slot[j].hash == h) {
			__builtin_prefetch(g->slot[j].g);
			__builtin_prefetch((const char *)g->slot[j].g + 64);
			return;
		}
	}
}
size_t groups_count(const struct groups *g);
/* Bytes held by the table and the groups (not what their states point to). */
size_t groups_memory(const struct groups *g);
/* All groups in the order they were first seen (the array belongs to g). */
struct group **groups_list(struct groups *g);
/* Sort the list by key (key_cmp). */
void groups_sort(struct groups *g, size_t nkeys);
void groups_free(struct groups *g, void (*fini)(unsigned char *st, void *ctx), void *ctx);

/* A key of several fields is each field's length (LEB128) then its bytes; a key of one
 * field is its bytes alone, so the common case costs no copy. */
void key_encode(struct buf *b, const struct field *f, size_t nf);
void key_append(struct buf *b, const struct field *f, size_t nf);   /* b not cleared */
/* Split an encoded key back into nkeys fields (pointing into key). */
void key_decode(const char *key, size_t n, size_t nkeys, struct field *f);
/* Keys are ordered as their fields are written to the stream, escapes included (\t after
 * \\, not before '0'; NUL is \0), so that the output is in LC_ALL=C sort order field by field and a
 * sort of partials' lines puts them in the same order as a direct run. */
int key_cmp(const char *a, size_t an, const char *b, size_t bn, size_t nkeys);
int esc_cmp(const char *a, size_t an, const char *b, size_t bn);

#endif
