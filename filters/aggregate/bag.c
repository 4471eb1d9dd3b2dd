/* bag: a small open-addressing hash table per group. */
#include <stdlib.h>
#include <string.h>
#include "bag.h"
#include "cli.h"

int bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	if (c)
		return c < 0 ? -1 : 1;
	return (an > bn) - (an < bn);
}

/* Bytes held by all bags, for --memory (several threads may add to it). */
static size_t bag_mem;

size_t bag_memory(void)
{
	return __atomic_load_n(&bag_mem, __ATOMIC_RELAXED);
}

static void count_mem(size_t add, size_t sub)
{
	if (add != sub)
		__atomic_add_fetch(&bag_mem, add - sub, __ATOMIC_RELAXED);
}

static void grow(struct bag *b)
{
	size_t cap = b->cap ? b->cap * 2 : 4;   /* most bags of a group hold a value or two */
	count_mem(cap * sizeof *b->e, b->cap * sizeof *b->e);
	struct bent *e = xcalloc(cap, sizeof *e);
	for (size_t i = 0; i < b->cap; i++) {
		if (!b->e[i].hash)
			continue;
		size_t j = b->e[i].hash & (cap - 1);
		while (e[j].hash)
			j = (j + 1) & (cap - 1);
		e[j] = b->e[i];
	}
	free(b->e);
	b->e = e;
	b->cap = cap;
}

void bag_add(struct bag *b, const char *p, size_t n, unsigned long long count)
{
	if (2 * (b->n + 1) > b->cap)
		grow(b);
	uint64_t h = hash_bytes(p, n);
	size_t j = h & (b->cap - 1);
	for (; b->e[j].hash; j = (j + 1) & (b->cap - 1)) {
		struct bent *e = &b->e[j];
		if (e->hash == h && e->len == n && same_bytes(b->bytes.p + e->off, p, n))
			break;
	}
	struct bent *e = &b->e[j];
	if (!e->hash) {
		e->hash = h;
		e->off = b->bytes.n;
		e->len = n;
		size_t had = b->bytes.cap;
		buf_add(&b->bytes, p, n);
		count_mem(b->bytes.cap, had);
		b->n++;
	}
	if (__builtin_add_overflow(e->count, count, &e->count) ||
	    __builtin_add_overflow(b->total, count, &b->total))
		fatal(EXIT_SYS, "a count exceeds %llu", (unsigned long long)-1);
}

static const char *sort_base;

static int cmp_ent(const void *x, const void *y)
{
	const struct bent *a = x, *b = y;
	return bytes_cmp(sort_base + a->off, a->len, sort_base + b->off, b->len);
}

struct bent *bag_sorted(const struct bag *b)
{
	struct bent *v = xmalloc((b->n ? b->n : 1) * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < b->cap; i++)
		if (b->e[i].hash)
			v[k++] = b->e[i];
	sort_base = b->bytes.p;
	qsort(v, k, sizeof *v, cmp_ent);
	return v;
}

void bag_free(struct bag *b)
{
	count_mem(0, b->cap * sizeof *b->e + b->bytes.cap);
	free(b->e);
	buf_free(&b->bytes);
	memset(b, 0, sizeof *b);
}
