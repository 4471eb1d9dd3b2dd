/* lex: trie over code points with hashed edges; see lex.h. */
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cli.h"
#include "lex.h"

struct lex *lex_new(int root_table)
{
	struct lex *x = xcalloc(1, sizeof *x);
	if (root_table) {
		x->root = xcalloc(LEX_ROOT_SPAN, sizeof *x->root);
		x->pairs = xcalloc((1u << LEX_PAIR_BITS) / 64, sizeof *x->pairs);
	}
	else
		x->first = xcalloc(LEX_ROOT_SPAN / 64, sizeof *x->first);
	x->cap = 1024;
	x->edges = xcalloc(x->cap, sizeof *x->edges);
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
	free(x->first);
	free(x->pairs);
	free(x->edges);
	free(x->info);
	free(x->infos);
	buf_free(&x->pool);
	free(x);
}

static void grow_edges(struct lex *x)
{
	size_t ncap = x->cap * 2;
	struct lexedge *t = xcalloc(ncap, sizeof *t);
	for (size_t i = 0; i < x->cap; i++) {
		const struct lexedge *e = &x->edges[i];
		if (!e->child)
			continue;
		size_t s = lex_slot(e->parent, (int32_t)e->cp, ncap);
		while (t[s].child)
			s = (s + 1) & (ncap - 1);
		t[s] = *e;
	}
	free(x->edges);
	x->edges = t;
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
	if (parent == 0 && x->root && (uint32_t)cp < LEX_ROOT_SPAN) {
		if (!x->root[cp])
			x->root[cp] = new_node(x);
		return x->root[cp];
	}
	if ((x->used + 1) * 2 > x->cap)
		grow_edges(x);   /* half full at most: a miss stops at an empty slot soon */
	x->info[parent] |= LEX_KIDS;
	if (parent == 0 && (uint32_t)cp < LEX_ROOT_SPAN)
		x->first[cp >> 6] |= 1ULL << (cp & 63);
	size_t s = lex_slot(parent, cp, x->cap);
	for (; x->edges[s].child; s = (s + 1) & (x->cap - 1))
		if (x->edges[s].parent == parent && x->edges[s].cp == (uint32_t)cp)
			return x->edges[s].child;
	uint32_t n = new_node(x);
	x->edges[s] = (struct lexedge){ parent, (uint32_t)cp, n };
	x->used++;
	return n;
}

struct lexinfo *lex_put(struct lex *x, const int32_t *key, size_t n)
{
	uint32_t node = 0;
	for (size_t i = 0; i < n; i++)
		node = child_or_add(x, node, key[i]);
	if (x->pairs && n >= 2) {
		size_t h = lex_pair(key[0], key[1]);
		x->pairs[h >> 6] |= 1ULL << (h & 63);
	}
	if (!(x->info[node] & ~LEX_KIDS)) {
		if (x->ninfo == x->icap) {
			x->icap *= 2;
			x->infos = xrealloc(x->infos, x->icap * sizeof *x->infos);
		}
		memset(&x->infos[x->ninfo], 0, sizeof *x->infos);
		x->info[node] |= (uint32_t)x->ninfo++;
	}
	return &x->infos[x->info[node] & ~LEX_KIDS];
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
