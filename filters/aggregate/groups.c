/* groups: open-addressing hash table over groups allocated from an arena. */
#include <stdlib.h>
#include <string.h>
#include "bag.h"
#include "cli.h"
#include "groups.h"

#define CHUNK (1 << 20)

static struct field next_field(const char *key, size_t *pos);

struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t mem[];
};

struct groups *groups_new(size_t state_bytes)
{
	struct groups *g = xcalloc(1, sizeof *g);
	g->state_bytes = (state_bytes + 7) & ~(size_t)7;
	g->cap = 1024;
	g->slot = xcalloc(g->cap, sizeof *g->slot);
	return g;
}

/* Zeroed memory from the arena: one group's header, key and states live together, on a
 * cache line boundary, so that the two lines the lookup prefetches hold all of a small
 * group (a group across three lines stalled on its states). */
static void *arena_alloc(struct groups *g, size_t n)
{
	n = (n + 63) & ~(size_t)63;
	struct chunk *c = g->chunks;
	if (!c || c->cap - c->used < n) {
		size_t cap = (n > CHUNK ? n : CHUNK) + 64;
		c = xcalloc(1, sizeof *c + cap);
		c->cap = cap;
		g->chunk_bytes += sizeof *c + cap;
		c->used = (size_t)(-(uintptr_t)c->mem & 63);
		c->next = g->chunks;
		g->chunks = c;
	}
	void *p = (char *)c->mem + c->used;
	c->used += n;
	return p;
}

static void grow(struct groups *g)
{
	size_t cap = g->cap * 2;
	struct slot *s = xcalloc(cap, sizeof *s);
	for (size_t i = 0; i < g->cap; i++) {
		if (!g->slot[i].hash)
			continue;
		size_t j = g->slot[i].hash & (cap - 1);
		while (s[j].hash)
			j = (j + 1) & (cap - 1);
		s[j] = g->slot[i];
	}
	free(g->slot);
	g->slot = s;
	g->cap = cap;
}

static struct group *add(struct groups *g, const char *key, size_t n)
{
	struct group *gr = arena_alloc(g, sizeof *gr + ((n + 7) & ~(size_t)7) + g->state_bytes);
	gr->keylen = n;
	if (n)
		memcpy(group_key(gr), key, n);
	if (g->n == g->list_cap) {
		g->list_cap = g->list_cap ? g->list_cap * 2 : 1024;
		g->list = xrealloc(g->list, g->list_cap * sizeof *g->list);
	}
	g->list[g->n++] = gr;
	return gr;
}

struct group *groups_get_slow(struct groups *g, const char *key, size_t n, uint64_t h)
{
	size_t mask = g->cap - 1, j = h & mask;
	for (; g->slot[j].hash; j = (j + 1) & mask) {
		struct group *gr = g->slot[j].g;
		if (g->slot[j].hash == h && gr->keylen == n && same_bytes(group_key(gr), key, n))
			return gr;
	}
	struct group *gr = add(g, key, n);
	g->slot[j].hash = h;
	g->slot[j].g = gr;
	if (2 * g->n > g->cap)
		grow(g);
	return gr;
}

size_t groups_memory(const struct groups *g)
{
	return g->chunk_bytes + g->cap * sizeof *g->slot + g->list_cap * sizeof *g->list;
}

size_t groups_count(const struct groups *g)
{
	return g->n;
}

struct group **groups_list(struct groups *g)
{
	return g->list;
}

static size_t sort_nkeys;

/* Output order without comparing whole keys: an MSD radix sort on 8-byte pieces of the
 * "sort key", the fields as written (escaped, so with no 0 byte: NUL is written \0)
 * joined by a 0 byte, which orders keys as key_cmp does. Each level is an
 * LSD radix sort of the pieces, skipping the byte positions where all are alike (the common
 * prefix of keys such as 城市123); groups with equal pieces go one level deeper, and small
 * runs take an insertion sort with key_cmp. */
struct sitem {
	uint64_t k;           /* sort-key bytes [d, d+8), big-endian, zero-padded */
	struct group *g;
};

static inline unsigned char esc_byte(unsigned char c)
{
	static const unsigned char esc[256] = { ['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\0'] = '0' };
	return esc[c];
}

/* Sort-key bytes [d, d+8) of g; *over set when the sort key is d bytes or shorter. */
static uint64_t piece_at(const struct group *g, size_t d, int *over)
{
	uint64_t k = 0;
	size_t pos = 0, got = 0, kp = 0;
	for (size_t f = 0; f < sort_nkeys || (f == 0 && sort_nkeys == 0); f++) {
		struct field x;
		if (sort_nkeys <= 1) {
			x.p = group_key(g);
			x.n = g->keylen;
		} else {
			x = next_field(group_key(g), &kp);
		}
		if (f) {   /* the 0 byte between fields */
			if (pos++ >= d) {
				k = k << 8;
				if (++got == 8)
					return k;
			}
		}
		for (size_t i = 0; i < x.n; i++) {
			unsigned char c = (unsigned char)x.p[i], e = esc_byte(c);
			unsigned char out[2] = { e ? '\\' : c, e };
			for (int j = 0; j < 1 + !!e; j++) {
				if (pos++ >= d) {
					k = k << 8 | out[j];
					if (++got == 8)
						return k;
				}
			}
		}
	}
	*over = pos <= d;
	return got ? k << (8 * (8 - got)) : 0;
}

static void insertion(struct sitem *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct sitem x = v[i];
		size_t j = i;
		while (j && key_cmp(group_key(x.g), x.g->keylen, group_key(v[j - 1].g), v[j - 1].g->keylen, sort_nkeys) < 0) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
}

static int cmp_sitem(const void *x, const void *y)
{
	const struct group *a = ((const struct sitem *)x)->g, *b = ((const struct sitem *)y)->g;
	return key_cmp(group_key(a), a->keylen, group_key(b), b->keylen, sort_nkeys);
}

/* v[0..n) have their pieces at depth d in k; tmp has room for n. */
static void radix(struct sitem *v, struct sitem *tmp, size_t n, size_t d)
{
	if (n <= 24) {
		insertion(v, n);
		return;
	}
	size_t count[8][256];
	memset(count, 0, sizeof count);
	for (size_t i = 0; i < n; i++)
		for (int b = 0; b < 8; b++)
			count[b][(v[i].k >> (8 * b)) & 0xff]++;
	struct sitem *src = v, *dst = tmp;
	for (int b = 0; b < 8; b++) {
		size_t sum = 0, *c = count[b];
		if (c[(src[0].k >> (8 * b)) & 0xff] == n)
			continue;   /* every piece has the same byte here */
		for (int j = 0; j < 256; j++) {
			size_t t = c[j];
			c[j] = sum;
			sum += t;
		}
		for (size_t i = 0; i < n; i++)
			dst[c[(src[i].k >> (8 * b)) & 0xff]++] = src[i];
		struct sitem *t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	/* runs of equal pieces: the next 8 bytes decide */
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && v[j].k == v[i].k)
			j++;
		if (j - i > 1) {
			int over = 1;
			for (size_t t = i; t < j; t++) {
				int o = 0;
				v[t].k = piece_at(v[t].g, d + 8, &o);
				over &= o;
			}
			if (over)   /* equal sort keys: cannot be, as escaping is one to one */
				qsort(v + i, j - i, sizeof *v, cmp_sitem);
			else
				radix(v + i, tmp + i, j - i, d + 8);
		}
		i = j;
	}
}

void groups_sort(struct groups *g, size_t nkeys)
{
	sort_nkeys = nkeys;
	if (g->n < 2)
		return;
	struct sitem *v = xmalloc(g->n * sizeof *v), *tmp = xmalloc(g->n * sizeof *tmp);
	int over = 0;
	for (size_t i = 0; i < g->n; i++) {
		v[i].g = g->list[i];
		if (i + 8 < g->n)
			__builtin_prefetch(g->list[i + 8]);
		v[i].k = piece_at(g->list[i], 0, &over);
	}
	radix(v, tmp, g->n, 0);
	for (size_t i = 0; i < g->n; i++)
		g->list[i] = v[i].g;
	free(v);
	free(tmp);
}

void groups_free(struct groups *g, void (*fini)(unsigned char *st, void *ctx), void *ctx)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n; i++)
		if (fini)
			fini(group_st(g->list[i]), ctx);
	while (g->chunks) {
		struct chunk *c = g->chunks;
		g->chunks = c->next;
		free(c);
	}
	free(g->slot);
	free(g->list);
	free(g);
}

void key_encode(struct buf *b, const struct field *f, size_t nf)
{
	buf_clear(b);
	key_append(b, f, nf);
}

void key_append(struct buf *b, const struct field *f, size_t nf)
{
	for (size_t i = 0; i < nf; i++) {
		size_t n = f[i].n;
		do {
			buf_addc(b, (char)((n & 0x7f) | (n > 0x7f ? 0x80 : 0)));
			n >>= 7;
		} while (n);
		buf_add(b, f[i].p, f[i].n);
	}
}

/* Read one field of a multi-field key at *pos. */
static struct field next_field(const char *key, size_t *pos)
{
	size_t n = 0;
	unsigned shift = 0;
	unsigned char c;
	do {
		c = (unsigned char)key[(*pos)++];
		n |= (size_t)(c & 0x7f) << shift;
		shift += 7;
	} while (c & 0x80);
	struct field f = { (char *)key + *pos, n };
	*pos += n;
	return f;
}

void key_decode(const char *key, size_t n, size_t nkeys, struct field *f)
{
	if (nkeys == 1) {
		f[0].p = (char *)key;
		f[0].n = n;
		return;
	}
	size_t pos = 0;
	for (size_t i = 0; i < nkeys; i++)
		f[i] = next_field(key, &pos);
}

/* The second byte of the stream's escape of c (\\ \t \n \r), 0 when c is written as is. */
static inline unsigned char esc_second(unsigned char c)
{
	static const unsigned char esc[256] = { ['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\0'] = '0' };
	return esc[c];
}

int esc_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n = an < bn ? an : bn, i = 0;
	while (i < n && a[i] == b[i])
		i++;
	if (i == n)
		return (an > bn) - (an < bn);
	unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
	unsigned char ex = esc_second(x), ey = esc_second(y);
	unsigned char fx = ex ? '\\' : x, fy = ey ? '\\' : y;
	if (fx != fy)
		return fx < fy ? -1 : 1;
	return ex < ey ? -1 : 1;   /* both escaped, and different */
}

int key_cmp(const char *a, size_t an, const char *b, size_t bn, size_t nkeys)
{
	if (nkeys <= 1)
		return esc_cmp(a, an, b, bn);
	size_t pa = 0, pb = 0;
	for (size_t i = 0; i < nkeys; i++) {
		struct field x = next_field(a, &pa), y = next_field(b, &pb);
		int c = esc_cmp(x.p, x.n, y.p, y.n);
		if (c)
			return c;
	}
	return 0;
}
