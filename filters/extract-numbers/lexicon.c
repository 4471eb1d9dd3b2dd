/* lexicon: longest-match word lists over embedded TSV data. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "lexicon.h"
#include "utf8.h"

struct lex_slot {
	int32_t key;   /* -1: empty */
	size_t at, cnt;
};

void lex_each_line(const char *data, size_t len, const char *name, size_t max,
                   lex_line_fn fn, void *ctx)
{
	char **f = xcalloc(max ? max : 1, sizeof *f);
	char *copy = xmalloc(len + 1);
	memcpy(copy, data, len);
	copy[len] = '\0';
	unsigned long line = 0;
	char *p = copy, *end = copy + len;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *e = nl ? nl : end;
		line++;
		if (e > p && e[-1] == '\r')
			e[-1] = '\0';
		*e = '\0';
		if (*p && *p != '#') {
			size_t nf = 0;
			char *q = p;
			while (nf < max) {
				f[nf++] = q;
				char *t = strchr(q, '\t');
				if (!t)
					break;
				*t = '\0';
				q = t + 1;
			}
			fn(ctx, f, nf, name, line);
		}
		p = e + 1;
	}
	free(copy);
	free(f);
}

void lex_add(struct lexicon *L, const char *s, char **f, size_t nf, unsigned long line)
{
	if (L->n == L->cap) {
		L->cap = L->cap ? 2 * L->cap : 64;
		L->e = xrealloc(L->e, L->cap * sizeof *L->e);
	}
	struct lex_entry *e = &L->e[L->n++];
	e->s = xstrdup(s);
	e->n = strlen(s);
	for (size_t i = 0; i < LEX_FIELDS; i++)
		e->f[i] = xstrdup(i < nf ? f[i] : "");
	e->line = line;
}

static void add_line(void *ctx, char **f, size_t nf, const char *name, unsigned long line)
{
	if (!f[0][0] || u8_valid_prefix(f[0], strlen(f[0])) != strlen(f[0])) {
		warn_at(name, line, "empty or invalid word, line ignored");
		return;
	}
	lex_add(ctx, f[0], f + 1, nf - 1, line);
}

void lex_load(struct lexicon *L, const char *data, size_t len, const char *name)
{
	lex_each_line(data, len, name, LEX_FIELDS + 1, add_line, L);
}

int32_t lex_cp_slow(const char *s, size_t n)
{
	int32_t cp;
	u8_decode(s, n, &cp);
	return cp;
}

int32_t lex_first_cp(const char *s, size_t n)
{
	return n ? lex_cp(s, n) : -1;
}

int32_t lex_last_cp(const char *s, size_t n)
{
	if (!n)
		return -1;
	/* the common cases inline: ASCII and the three-byte forms of CJK text */
	if ((unsigned char)s[n - 1] < 0x80)
		return (unsigned char)s[n - 1];
	if (n >= 3 && ((unsigned char)s[n - 3] & 0xF0) == 0xE0 && ((unsigned char)s[n - 2] & 0xC0) == 0x80)
		return lex_cp(s + n - 3, 3);
	size_t i = n - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	int32_t cp;
	u8_decode(s + i, n - i, &cp);
	return cp;
}

/* Sorting needs the lexicon and which end is the key; qsort has no context argument. */
static const struct lexicon *sort_lex;
static int sort_last;

static int key_cmp(const void *x, const void *y)
{
	const struct lex_entry *a = &sort_lex->e[*(const size_t *)x];
	const struct lex_entry *b = &sort_lex->e[*(const size_t *)y];
	int32_t ka = sort_last ? lex_last_cp(a->s, a->n) : lex_first_cp(a->s, a->n);
	int32_t kb = sort_last ? lex_last_cp(b->s, b->n) : lex_first_cp(b->s, b->n);
	if (ka != kb)
		return ka < kb ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

static size_t slot_of(const struct lex_slot *h, size_t mask, int32_t key)
{
	size_t i = ((uint32_t)key * 2654435761u) & mask;
	while (h[i].key != -1 && h[i].key != key)
		i = (i + 1) & mask;
	return i;
}

static void build_index(struct lexicon *L, size_t **order, struct lex_slot **hash, int last)
{
	*order = xmalloc((L->n ? L->n : 1) * sizeof **order);
	for (size_t i = 0; i < L->n; i++)
		(*order)[i] = i;
	sort_lex = L;
	sort_last = last;
	qsort(*order, L->n, sizeof **order, key_cmp);
	*hash = xmalloc((L->hmask + 1) * sizeof **hash);
	for (size_t i = 0; i <= L->hmask; i++)
		(*hash)[i].key = -1;
	for (size_t i = 0; i < L->n; i++) {
		const struct lex_entry *e = &L->e[(*order)[i]];
		int32_t k = last ? lex_last_cp(e->s, e->n) : lex_first_cp(e->s, e->n);
		struct lex_slot *s = &(*hash)[slot_of(*hash, L->hmask, k)];
		if (s->key == -1) {
			s->key = k;
			s->at = i;
			s->cnt = 0;
		}
		s->cnt++;
	}
}

void lex_build(struct lexicon *L)
{
	free(L->first);
	free(L->last);
	free(L->hfirst);
	free(L->hlast);
	size_t size = 16;
	while (size < 2 * L->n + 2)
		size *= 2;
	L->hmask = size - 1;
	build_index(L, &L->first, &L->hfirst, 0);
	build_index(L, &L->last, &L->hlast, 1);
}

void lex_free(struct lexicon *L)
{
	for (size_t i = 0; i < L->n; i++) {
		free(L->e[i].s);
		for (size_t j = 0; j < LEX_FIELDS; j++)
			free(L->e[i].f[j]);
	}
	free(L->e);
	free(L->first);
	free(L->last);
	free(L->hfirst);
	free(L->hlast);
	memset(L, 0, sizeof *L);
}

size_t lex_by_first(const struct lexicon *L, int32_t cp, const size_t **run)
{
	if (!L->hfirst)
		return 0;
	const struct lex_slot *s = &L->hfirst[slot_of(L->hfirst, L->hmask, cp)];
	if (s->key == -1)
		return 0;
	*run = L->first + s->at;
	return s->cnt;
}

const struct lex_entry *lex_at(const struct lexicon *L, const char *p, size_t n)
{
	if (!n)
		return NULL;
	const size_t *run;
	size_t cnt = lex_by_first(L, lex_cp(p, n), &run);
	for (size_t i = 0; i < cnt; i++) {
		const struct lex_entry *e = &L->e[run[i]];
		if (e->n <= n && memcmp(p, e->s, e->n) == 0)
			return e;
	}
	return NULL;
}

const struct lex_entry *lex_before(const struct lexicon *L, const char *text, size_t lo, size_t pos)
{
	if (pos <= lo || !L->hlast)
		return NULL;
	int32_t cp = lex_last_cp(text + lo, pos - lo);
	const struct lex_slot *s = &L->hlast[slot_of(L->hlast, L->hmask, cp)];
	if (s->key == -1)
		return NULL;
	for (size_t i = 0; i < s->cnt; i++) {
		const struct lex_entry *e = &L->e[L->last[s->at + i]];
		if (e->n <= pos - lo && memcmp(text + pos - e->n, e->s, e->n) == 0)
			return e;
	}
	return NULL;
}
