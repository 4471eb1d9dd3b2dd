/* docmem: the document's memory in two generations; see docmem.h. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "docmem.h"

static struct lex *young, *old;   /* young takes new words; old is only read */
static size_t young_segs;
static char *doc_name;

static void drop(struct lex **x)
{
	lex_free(*x);
	*x = NULL;
}

/* The young generation becomes the old one; a fresh one starts. */
static void age(void)
{
	drop(&old);
	old = young;
	young = NULL;
	young_segs = 0;
}

void docmem_segment(const char *doc)
{
	if (!doc_name || strcmp(doc_name, doc) != 0) {
		free(doc_name);
		doc_name = xstrdup(doc);
		drop(&old);
		if (young && lex_size(young) > 0)
			drop(&young);   /* an empty one is kept: many short documents cost nothing */
		young_segs = 0;
	}
	if (++young_segs > DOCMEM_SEGMENTS || (young && lex_size(young) >= DOCMEM_WORDS))
		age();
}

struct lexinfo *docmem_put(const int32_t *key, size_t n)
{
	if (young && lex_size(young) >= DOCMEM_WORDS)
		age();
	if (!young)
		young = lex_new(0);
	return lex_put(young, key, n);
}

static const struct lexinfo *match_in(const struct lex *x, const int32_t *cp, size_t n,
                                      size_t *len)
{
	const struct lexinfo *best = NULL;
	uint32_t node = 0;
	for (size_t j = 0; x && j < n && (node = lex_step(x, node, cp[j])); j++) {
		const struct lexinfo *e = lex_info(x, node);
		if (e) {
			best = e;
			*len = j + 1;
		}
	}
	return best;
}

const struct lexinfo *docmem_match(const int32_t *cp, size_t n, size_t *len)
{
	size_t ly = 0, lo = 0;
	const struct lexinfo *y = match_in(young, cp, n, &ly), *o = match_in(old, cp, n, &lo);
	if (y && ly >= lo) {
		*len = ly;
		return y;
	}
	*len = lo;
	return o;
}

size_t docmem_size(void)
{
	return (young ? lex_size(young) : 0) + (old ? lex_size(old) : 0);
}

void docmem_free(void)
{
	drop(&young);
	drop(&old);
	free(doc_name);
	doc_name = NULL;
	young_segs = 0;
}
