/* udict: sorted entries over one byte pool; see udict.h. UTF-8 bytes sort in code point
 * order, so the entries that start with a given text form one run of the array, and one
 * more character narrows the run by two binary searches inside it. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "udict.h"
#include "utf8.h"

/* Sixteen bytes. The value follows its surface in the pool (surface NUL value NUL).
 * Surfaces enter the pool in the order they are added, so off also tells which of two
 * equal surfaces came last (and wins). head holds the first eight bytes of the surface
 * (zero-padded, most significant first): most comparisons of the sort end there, without
 * a look into the pool (a cache miss for each, in a large dictionary). */
struct uentry {
	uint64_t head;
	uint32_t off;        /* surface in the pool */
	unsigned len : 24;   /* surface length in bytes (UDICT_MAX_SURFACE at most) */
	unsigned type : 8;
};

static struct uentry *ent;
static size_t nent, cap;
static char *pool;
static size_t npool, pcap;
static int sorted = 1;
static uint32_t maxlen;      /* longest surface in bytes */
static uint64_t *first;      /* a bit per first character below 0x10000 */
#define PAIR_BITS 20
static uint64_t *pairs;      /* a bit per hashed first two characters (entries of 2+) */

/* Append surface s[0..n) and value v[0..vn) to the pool; returns the surface's offset. */
static uint32_t keep(const char *s, size_t n, const char *v, size_t vn)
{
	size_t need = n + vn + 2;
	if (npool + need > UINT32_MAX)
		fatal(3, "--dict: more than 4 GB of dictionary text");
	if (npool + need > pcap) {
		pcap = pcap ? pcap : 1 << 16;
		while (pcap < npool + need)
			pcap *= 2;
		pool = xrealloc(pool, pcap);
	}
	uint32_t at = (uint32_t)npool;
	memcpy(pool + npool, s, n);
	pool[npool + n] = '\0';
	if (vn)
		memcpy(pool + npool + n + 1, v, vn);
	pool[npool + n + 1 + vn] = '\0';
	npool += need;
	return at;
}

/* The code point at p[0..n) (valid UTF-8, n > 0) and its length; ideographs directly. */
static size_t decode(const char *p, size_t n, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)p;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xE0 && u[0] < 0xF0 && n >= 3) {
		*cp = (int32_t)(u[0] & 0x0F) << 12 | (int32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		return 3;
	}
	return u8_decode(p, n, cp);
}

static size_t pair_hash(int32_t a, int32_t b)
{
	uint32_t h = ((uint32_t)a * 0x9E3779B1u) ^ ((uint32_t)b * 0x85EBCA77u);
	return (h ^ (h >> 15)) & ((1u << PAIR_BITS) - 1);
}

void udict_add(const char *s, size_t n, int type, const char *v, size_t vn)
{
	if (n > UDICT_MAX_SURFACE)
		fatal(3, "--dict: a surface of %zu bytes", n);   /* callers check first */
	if (nent == UINT32_MAX)
		fatal(3, "--dict: too many entries");
	if (nent == cap) {
		cap = cap ? cap * 2 : 1024;
		ent = xrealloc(ent, cap * sizeof *ent);
	}
	struct uentry *e = &ent[nent];
	e->off = keep(s, n, v, vn);
	e->len = (unsigned)n;
	e->head = 0;
	for (size_t k = 0; k < 8; k++)
		e->head = e->head << 8 | (k < n ? (unsigned char)s[k] : 0u);
	e->type = (unsigned)type;
	nent++;
	if (n > maxlen)
		maxlen = (uint32_t)n;
	sorted = 0;
	/* the filters, while the surface is still in the cache */
	if (!first) {
		first = xcalloc(0x10000 / 64, sizeof *first);
		pairs = xcalloc((1u << PAIR_BITS) / 64, sizeof *pairs);
	}
	int32_t a, b;
	size_t la = decode(s, n, &a);
	if ((uint32_t)a < 0x10000)
		first[a >> 6] |= 1ULL << (a & 63);
	if (la < n) {
		decode(s + la, n - la, &b);
		size_t h = pair_hash(a, b);
		pairs[h >> 6] |= 1ULL << (h & 63);
	}
}

size_t udict_count(void)
{
	return nent;
}

static int by_surface(const void *a, const void *b)
{
	const struct uentry *x = a, *y = b;
	if (x->head != y->head)
		return x->head < y->head ? -1 : 1;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = n > 8 ? memcmp(pool + x->off + 8, pool + y->off + 8, n - 8) : 0;
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* Sort and keep the last of equal surfaces. */
static void finish(void)
{
	qsort(ent, nent, sizeof *ent, by_surface);
	size_t k = 0;
	for (size_t i = 0; i < nent; i++) {
		if (k > 0 && ent[k - 1].len == ent[i].len && ent[k - 1].head == ent[i].head &&
		    memcmp(pool + ent[k - 1].off, pool + ent[i].off, ent[i].len) == 0)
			k--;   /* the later entry replaces the earlier one */
		ent[k++] = ent[i];
	}
	nent = k;
	sorted = 1;
}

/* Entry e against text t[0..m) at byte depth d, where every entry of the run shares the
 * bytes before d: <0 if e sorts before the run of t, 0 if e continues with t, >0 after. */
static int cmp_at(const struct uentry *e, size_t d, const char *t, size_t m)
{
	if (e->len <= d)
		return -1;   /* e is the prefix itself, shorter than any continuation */
	size_t have = e->len - d, n = have < m ? have : m;
	int c = memcmp(pool + e->off + d, t, n);
	if (c)
		return c;
	return have < m ? -1 : 0;
}

size_t udict_longest(const struct ctx *c, size_t i, uint32_t *idx)
{
	if (!nent)
		return 0;
	if (!sorted)
		finish();
	int32_t a = c->cp[i];
	if ((uint32_t)a < 0x10000 && !(first[a >> 6] >> (a & 63) & 1))
		return 0;
	size_t lo = 0, hi = nent, best = 0, base = c->boff[i];
	for (size_t j = i; j < c->n; j++) {
		if (j == i + 1) {
			size_t h = pair_hash(a, c->cp[j]);
			if (!(pairs[h >> 6] >> (h & 63) & 1))
				break;
		}
		size_t d = c->boff[j] - base, m = c->boff[j + 1] - c->boff[j];
		if (d + m > maxlen)
			break;
		const char *t = c->text + c->boff[j];
		size_t l = lo, h = hi;
		while (l < h) {   /* first entry not before the run */
			size_t mid = l + (h - l) / 2;
			if (cmp_at(&ent[mid], d, t, m) < 0)
				l = mid + 1;
			else
				h = mid;
		}
		size_t start = l;
		h = hi;
		while (l < h) {   /* first entry after the run */
			size_t mid = l + (h - l) / 2;
			if (cmp_at(&ent[mid], d, t, m) <= 0)
				l = mid + 1;
			else
				h = mid;
		}
		if (start == l)
			break;
		lo = start;
		hi = l;
		if (ent[lo].len == d + m) {   /* the text so far is itself an entry */
			best = j - i + 1;
			*idx = (uint32_t)lo;
		}
	}
	return best;
}

int udict_type(uint32_t idx)
{
	return ent[idx].type;
}

const char *udict_value(uint32_t idx)
{
	return pool + ent[idx].off + ent[idx].len + 1;
}

void udict_free(void)
{
	free(ent);
	free(pool);
	free(first);
	free(pairs);
	ent = NULL;
	pool = NULL;
	first = pairs = NULL;
	nent = cap = npool = pcap = 0;
	maxlen = 0;
	sorted = 1;
}
