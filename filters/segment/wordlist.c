/* wordlist: small lists searched linearly; they hold tens of entries and the lines they
 * are matched against are short (only lines short enough to be titles or credits). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "wordlist.h"

/* Hash of three bytes into the 65536 bits of wordlist.head: for a three-byte UTF-8
 * character, its code point's low bits. */
static unsigned head_hash(const char *p)
{
	const unsigned char *s = (const unsigned char *)p;
	return ((unsigned)s[0] << 12 ^ (unsigned)s[1] << 6 ^ s[2]) & 0xFFFF;
}

/* Group the entries by the low byte of their head hash, so that a position whose hash
 * matches is compared with the few entries of its bucket only. */
static void index_buckets(struct wordlist *wl)
{
	free(wl->order);
	wl->order = xmalloc((wl->n + 1) * sizeof *wl->order);
	memset(wl->bucket, 0, sizeof wl->bucket);
	for (size_t j = 0; j < wl->n; j++)
		if (wl->len[j] >= 3)
			wl->bucket[(wl->hash[j] & 255) + 1]++;
	for (int b = 0; b < 256; b++)
		wl->bucket[b + 1] += wl->bucket[b];
	unsigned short fill[256];
	memcpy(fill, wl->bucket, sizeof fill);
	for (size_t j = 0; j < wl->n; j++)
		if (wl->len[j] >= 3)
			wl->order[fill[wl->hash[j] & 255]++] = (unsigned short)j;
	/* The short entries go after the bucketed ones. */
	wl->nshort = 0;
	for (size_t j = 0; j < wl->n; j++)
		if (wl->len[j] < 3)
			wl->order[wl->bucket[256] + wl->nshort++] = (unsigned short)j;
}

void wl_load(struct wordlist *wl, const char *data, size_t n)
{
	memset(wl, 0, sizeof *wl);
	wl_add_list(wl, data, n, 1);
}

void wl_add_list(struct wordlist *wl, const char *data, size_t n, unsigned tag)
{
	const char *p = data, *e = data + n;
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *le = nl ? nl : e;
		const char *q = le;
		while (q > p && (q[-1] == '\r' || q[-1] == ' ' || q[-1] == '\t'))
			q--;
		if (q > p && *p != '#') {
			size_t i = wl->n++;
			wl->w = xrealloc(wl->w, wl->n * sizeof *wl->w);
			wl->len = xrealloc(wl->len, wl->n * sizeof *wl->len);
			wl->hash = xrealloc(wl->hash, wl->n * sizeof *wl->hash);
			wl->tag = xrealloc(wl->tag, wl->n * sizeof *wl->tag);
			size_t l = (size_t)(q - p);
			wl->w[i] = xmalloc(l + 1);
			memcpy(wl->w[i], p, l);
			wl->w[i][l] = '\0';
			wl->len[i] = l;
			wl->tag[i] = tag;
			wl->hash[i] = l >= 3 ? head_hash(p) : ~0u;
			if (l > wl->maxlen)
				wl->maxlen = l;
			if (l < wl->minlen || wl->n == 1)
				wl->minlen = l;
			if (l >= 3) {
				unsigned k = head_hash(p);
				wl->head[k >> 3] |= (unsigned char)(1u << (k & 7));
			}
		}
		p = le + 1;
	}
	index_buckets(wl);
}

void wl_free(struct wordlist *wl)
{
	for (size_t i = 0; i < wl->n; i++)
		free(wl->w[i]);
	free(wl->w);
	free(wl->len);
	free(wl->hash);
	free(wl->tag);
	free(wl->order);
	memset(wl, 0, sizeof *wl);
}

int wl_has(const struct wordlist *wl, const char *p, size_t n)
{
	for (size_t i = 0; i < wl->n; i++)
		if (wl->len[i] == n && memcmp(wl->w[i], p, n) == 0)
			return 1;
	return 0;
}

size_t wl_prefix(const struct wordlist *wl, const char *p, size_t n)
{
	if (wl->minlen >= 3) {
		if (n < 3)
			return 0;
		unsigned k = head_hash(p);
		if (!(wl->head[k >> 3] & (1u << (k & 7))))
			return 0;
	}
	size_t best = 0;
	for (size_t i = 0; i < wl->n; i++)
		if (wl->len[i] <= n && wl->len[i] > best && memcmp(wl->w[i], p, wl->len[i]) == 0)
			best = wl->len[i];
	return best;
}

/* Does p[0..n) contain the entry w of fewer than three bytes? */
static int has_short(const char *p, size_t n, const char *w, size_t l)
{
	if (l == 0)
		return 0;
	const char *e = p + n;
	while ((p = memchr(p, w[0], (size_t)(e - p)))) {
		if ((size_t)(e - p) >= l && (l == 1 || p[1] == w[1]))
			return 1;
		p++;
	}
	return 0;
}

/* One pass over the text: at each character start, entries are compared only when the
 * next three bytes hash like an entry's start (memmem entry by entry costs more than the
 * short lines themselves). */
unsigned wl_tags_within(const struct wordlist *wl, const char *p, size_t n, unsigned want)
{
	unsigned seen = 0;
	for (size_t s = 0; s < wl->nshort; s++) {
		size_t j = wl->order[wl->bucket[256] + s];
		if (!(seen & wl->tag[j]) && has_short(p, n, wl->w[j], wl->len[j]))
			seen |= wl->tag[j];
	}
	size_t step;
	for (size_t i = 0; i + 2 < n && (seen & want) != want; i += step) {
		unsigned char b = (unsigned char)p[i];
		step = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		unsigned k = head_hash(p + i);
		if (!(wl->head[k >> 3] & (1u << (k & 7))))
			continue;
		for (unsigned b = wl->bucket[k & 255]; b < wl->bucket[(k & 255) + 1]; b++) {
			size_t j = wl->order[b];
			if (wl->hash[j] == k && wl->len[j] <= n - i && memcmp(wl->w[j], p + i, wl->len[j]) == 0)
				seen |= wl->tag[j];
		}
	}
	return seen;
}
