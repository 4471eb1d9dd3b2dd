/* helper: run the recognisers on one text and describe what they found as
 * "TYPE:surface[=value]" items joined by spaces, in order of start (longer first). */
#ifndef TAGENT_TEST_HELPER_H
#define TAGENT_TEST_HELPER_H
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cli.h"
#include "entities.h"
#include "res.h"
#include "utf8.h"

static struct ctx helper_ctx;
static struct buf helper_out;

struct helper_item { size_t s, e; int type; char v[64]; size_t vlen; };
static struct helper_item *helper_items;
static size_t helper_n, helper_cap;

static void helper_collect(void *arg, size_t s, size_t e, int type, const char *v, size_t vlen)
{
	(void)arg;
	if (helper_n == helper_cap) {
		helper_cap = helper_cap ? helper_cap * 2 : 16;
		helper_items = realloc(helper_items, helper_cap * sizeof *helper_items);
	}
	struct helper_item *it = &helper_items[helper_n++];
	it->s = s;
	it->e = e;
	it->type = type;
	it->vlen = vlen < sizeof it->v ? vlen : sizeof it->v - 1;
	memcpy(it->v, v ? v : "", it->vlen);
}

static int helper_cmp(const void *a, const void *b)
{
	const struct helper_item *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->e > y->e ? -1 : x->e < y->e;
}

/* Entities of text in document doc (same doc = names remembered). */
static const char *tag_in(const char *doc, const char *text)
{
	helper_n = 0;
	size_t len = strlen(text);
	entities_find(&helper_ctx, doc, text, len, helper_collect, NULL);
	qsort(helper_items, helper_n, sizeof *helper_items, helper_cmp);
	buf_clear(&helper_out);
	buf_adds(&helper_out, "");
	for (size_t i = 0; i < helper_n; i++) {
		const struct helper_item *it = &helper_items[i];
		size_t bs = u8_offset(text, len, it->s), be = u8_offset(text, len, it->e);
		buf_addf(&helper_out, "%s%s:%.*s", i ? " " : "", ent_type_names[it->type],
		         (int)(be - bs), text + bs);
		if (it->vlen)
			buf_addf(&helper_out, "=%.*s", (int)it->vlen, it->v);
	}
	return helper_out.p;
}

static const char *tag(const char *text)
{
	static unsigned long n;
	char doc[32];
	snprintf(doc, sizeof doc, "doc%lu", ++n);   /* a fresh document: nothing remembered */
	return tag_in(doc, text);
}

static void helper_init(int builtin)
{
	if (builtin)
		res_load_builtin();
	struct ent_opts o = { builtin, NULL, 0 };   /* the rules alone */
	entities_init(&o);
}

/* CHECK_TAG(name, text, expected) */
#define CHECK_TAG(name, text, want) do { \
	const char *got_ = tag(text); \
	if (strcmp(got_, (want)) != 0) \
		printf("# %s\n#   got:  %s\n#   want: %s\n", (name), got_, (want)); \
	CHECK(name, strcmp(got_, (want)) == 0); \
} while (0)

#endif
