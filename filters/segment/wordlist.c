/* wordlist: small lists searched linearly; they hold tens of entries and the lines they
 * are matched against are short (only lines short enough to be titles or credits). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "wordlist.h"

void wl_load(struct wordlist *wl, const char *data, size_t n)
{
	memset(wl, 0, sizeof *wl);
	size_t cap = 0;
	const char *p = data, *e = data + n;
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *le = nl ? nl : e;
		const char *q = le;
		while (q > p && (q[-1] == '\r' || q[-1] == ' ' || q[-1] == '\t'))
			q--;
		if (q > p && *p != '#') {
			if (wl->n == cap) {
				cap = cap ? cap * 2 : 32;
				wl->w = xrealloc(wl->w, cap * sizeof *wl->w);
				wl->len = xrealloc(wl->len, cap * sizeof *wl->len);
			}
			size_t l = (size_t)(q - p);
			wl->w[wl->n] = xmalloc(l + 1);
			memcpy(wl->w[wl->n], p, l);
			wl->w[wl->n][l] = '\0';
			wl->len[wl->n++] = l;
			if (l > wl->maxlen)
				wl->maxlen = l;
		}
		p = le + 1;
	}
}

void wl_free(struct wordlist *wl)
{
	for (size_t i = 0; i < wl->n; i++)
		free(wl->w[i]);
	free(wl->w);
	free(wl->len);
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
	size_t best = 0;
	for (size_t i = 0; i < wl->n; i++)
		if (wl->len[i] <= n && wl->len[i] > best && memcmp(wl->w[i], p, wl->len[i]) == 0)
			best = wl->len[i];
	return best;
}

int wl_within(const struct wordlist *wl, const char *p, size_t n)
{
	for (size_t i = 0; i < wl->n; i++)
		if (memmem(p, n, wl->w[i], wl->len[i]))
			return 1;
	return 0;
}
