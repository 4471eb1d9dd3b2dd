/* lex: trie over code points with hashed edges; see lex.h. */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cli.h"
#include "lex.h"

#define ROOT_SPAN 0x10000u   /* first characters below this use the direct table */

struct lex {
	uint32_t *root;          /* ROOT_SPAN children of the root, or NULL */
	uint64_t *keys;          /* (parent << 32 | cp) + 1; 0 = empty slot */
	uint32_t *vals;
	size_t cap, used;        /* hash slots */
	uint32_t *info;          /* per node: index into infos, 0 = none */
	size_t nodes, ncap;
	struct lexinfo *infos;
	size_t ninfo, icap;
	struct buf pool;
};

static uint64_t edge_key(uint32_t parent, int32_t cp)
{
	return (((uint64_t)parent << 32) | (uint32_t)cp) + 1;
}

static size_t slot_of(uint64_t k, size_t cap)
{
	k ^= k >> 29;
	k *= 0xbf58476d1ce4e5b9ULL;
	k ^= k >> 32;
	return (size_t)k & (cap - 1);
}

struct lex *lex_new(int root_table)
{
	struct lex *x = xcalloc(1, sizeof *x);
	if (root_table)
		x->root = xcalloc(ROOT_SPAN, sizeof *x->root);
	x->cap = 1024;
	x->keys = xcalloc(x->cap, sizeof *x->keys);
	x->vals = xcalloc(x->cap, sizeof *x->vals);
	x->ncap = 1024;
	x->info = xcalloc(x->ncap, sizeof *x->info);
	x->nodes = 1;
	x->icap = 64;
	x->infos = xcalloc(x->icap, sizeof *x->infos);
	x->ninfo = 1;
	buf_addc(&x->pool, '\0');   /* offset 0 means "no string" */
	return x;
}

void lex_free(struct lex *x)
{
	if (!x)
		return;
	free(x->root);
	free(x->keys);
	free(x->vals);
	free(x->info);
	free(x->infos);
	buf_free(&x->pool);
	free(x);
}

static void grow_edges(struct lex *x)
{
	size_t ncap = x->cap * 2;
	uint64_t *k = xcalloc(ncap, sizeof *k);
	uint32_t *v = xcalloc(ncap, sizeof *v);
	for (size_t i = 0; i < x->cap; i++) {
		if (!x->keys[i])
			continue;
		size_t s = slot_of(x->keys[i], ncap);
		while (k[s])
			s = (s + 1) & (ncap - 1);
		k[s] = x->keys[i];
		v[s] = x->vals[i];
	}
	free(x->keys);
	free(x->vals);
	x->keys = k;
	x->vals = v;
	x->cap = ncap;
}

static uint32_t new_node(struct lex *x)
{
	if (x->nodes == x->ncap) {
		x->ncap *= 2;
		x->info = xrealloc(x->info, x->ncap * sizeof *x->info);
	}
	x->info[x->nodes] = 0;
	return (uint32_t)x->nodes++;
}

static uint32_t child_or_add(struct lex *x, uint32_t parent, int32_t cp)
{
	if (parent == 0 && x->root && (uint32_t)cp < ROOT_SPAN) {
		if (!x->root[cp])
			x->root[cp] = new_node(x);
		return x->root[cp];
	}
	if ((x->used + 1) * 4 > x->cap * 3)
		grow_edges(x);
	uint64_t k = edge_key(parent, cp);
	size_t s = slot_of(k, x->cap);
	while (x->keys[s]) {
		if (x->keys[s] == k)
			return x->vals[s];
		s = (s + 1) & (x->cap - 1);
	}
	uint32_t n = new_node(x);
	x->keys[s] = k;
	x->vals[s] = n;
	x->used++;
	return n;
}

uint32_t lex_step(const struct lex *x, uint32_t node, int32_t cp)
{
	if (node == 0 && x->root)
		return (uint32_t)cp < ROOT_SPAN ? x->root[cp] : 0;
	uint64_t k = edge_key(node, cp);
	size_t s = slot_of(k, x->cap);
	while (x->keys[s]) {
		if (x->keys[s] == k)
			return x->vals[s];
		s = (s + 1) & (x->cap - 1);
	}
	return 0;
}

struct lexinfo *lex_put(struct lex *x, const int32_t *key, size_t n)
{
	uint32_t node = 0;
	for (size_t i = 0; i < n; i++)
		node = child_or_add(x, node, key[i]);
	if (!x->info[node]) {
		if (x->ninfo == x->icap) {
			x->icap *= 2;
			x->infos = xrealloc(x->infos, x->icap * sizeof *x->infos);
		}
		memset(&x->infos[x->ninfo], 0, sizeof *x->infos);
		x->info[node] = (uint32_t)x->ninfo++;
	}
	return &x->infos[x->info[node]];
}

const struct lexinfo *lex_info(const struct lex *x, uint32_t node)
{
	uint32_t i = x->info[node];
	return i ? &x->infos[i] : NULL;
}

const struct lexinfo *lex_get(const struct lex *x, const int32_t *key, size_t n)
{
	uint32_t node = 0;
	for (size_t i = 0; i < n; i++)
		if (!(node = lex_step(x, node, key[i])))
			return NULL;
	return n ? lex_info(x, node) : NULL;
}

uint32_t lex_intern(struct lex *x, const char *s, size_t n)
{
	uint32_t at = (uint32_t)x->pool.n;
	buf_add(&x->pool, s, n);
	buf_addc(&x->pool, '\0');
	return at;
}

const char *lex_string(const struct lex *x, uint32_t off)
{
	return off ? x->pool.p + off : "";
}

size_t lex_size(const struct lex *x)
{
	return x->ninfo - 1;
}
