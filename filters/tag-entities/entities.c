/* entities: order matters. Patterns first (a telephone number is no date), then the user's
 * dictionary (it overrides everything built in), then the dictionary units and credits,
 * places by suffix, organisations (which take the units before them as their heads), and
 * names last, on what is left. What a document taught (names found by context, the short
 * form of a community or township) is remembered for the segments after it (docmem). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "contacts.h"
#include "dates.h"
#include "docmem.h"
#include "entities.h"
#include "model.h"
#include "names.h"
#include "orgs.h"
#include "places.h"
#include "res.h"
#include "udict.h"
#include "utf8.h"

static struct ent_opts opts;
static int byline;            /* the text is a credit line */

/* A PER/LOC/ORG candidate when the model runs: from the patterns and the user's
 * dictionary (fixed: they always stand), the rules, or the model. */
enum { SRC_FIXED, SRC_RULE, SRC_MODEL };
struct span {
	size_t s, e;
	int type, src, dead;
	const struct mention *m;   /* a mention's value, or NULL */
};
static struct span *spans;
static size_t nspans, spancap;
static struct model_work mwork;

void entities_init(const struct ent_opts *o)
{
	opts = *o;
	contacts_init();
}

void entities_fini(void)
{
	model_work_free(&mwork);
	free(spans);
	contacts_fini();
	docmem_free();
	udict_free();
}

/* The user's entries: the longest at each free position, before any rule runs. */
static void user_units(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		uint32_t idx;
		size_t len = udict_longest(c, i, &idx);
		if (!len || !ctx_free_span(c, i, i + len))
			continue;
		ctx_add_mention(c, i, i + len, udict_type(idx), udict_value(idx));
		memset(c->occ + i, 1, len);
		i += len - 1;
	}
}

static void remember(const struct ctx *c, size_t s, size_t e, uint32_t flags, int rank)
{
	struct lexinfo *li = docmem_put(c->cp + s, e - s);
	li->flags |= flags;
	if (!li->rank || rank < li->rank)
		li->rank = (uint8_t)rank;
}

/* The place suffix a township of the gazetteer ends with (街道, 镇), or 0. */
static size_t gazetteer_suffix(const struct ctx *c, const struct unit *u)
{
	for (size_t len = 3; len >= 1; len--)
		if (u->e - u->s > len && c->at[u->e - len].lsfx == len)
			return len;
	return 0;
}

/* The stem of a full division name (玉泉 of 玉泉区, 和林 of 和林县), unless the stem is an
 * ordinary word; 0 for none. */
static size_t division_stem(const struct ctx *c, const struct unit *u)
{
	static const int32_t ends[] = { 0x533A, 0x53BF, 0x65D7, 0x5E02, 0x76DF, 0 };   /* 区县旗市盟 */
	if (u->kind != U_GAZ || !(u->flags & W_ADMIN) || u->rank > R_COUNTY || u->e - u->s < 3)
		return 0;
	int32_t last = c->cp[u->e - 1];
	int known = 0;
	for (int i = 0; ends[i]; i++)
		known |= ends[i] == last;
	if (!known)
		return 0;
	const struct lexinfo *w = lex_get(res_lex(), c->cp + u->s, u->e - 1 - u->s);
	if (w && (w->flags & (W_COMMON | W_STOP | W_FUNC | W_NONAME | W_GENERIC | W_HARD |
	                      W_MEASURE | W_NUMERAL | W_ORG | W_PER)))
		return 0;
	return u->e - 1 - u->s;
}

/* Names found by context, the bare names of townships and communities (西菜园 of
 * 西菜园街道) and the stems of divisions (玉泉 of 玉泉区), which later text often writes
 * alone. */
static void learn(const struct ctx *c)
{
	for (size_t k = 0; k < c->nm; k++)
		if (c->m[k].type == T_PER && c->m[k].e - c->m[k].s >= 2)
			remember(c, c->m[k].s, c->m[k].e, W_PER, 0);
	for (size_t k = 0; k < c->nu; k++) {
		const struct unit *u = &c->u[k];
		/* what the memory gave is taught again, so it lasts while the text uses it */
		if (!u->dead && (u->kind == U_MEM || u->kind == U_PER) && u->e - u->s >= 2)
			remember(c, u->s, u->e, u->flags & (W_LOC | W_PER | W_SHORT | W_WEAK | W_EDGE | W_RIGHT),
			         u->rank);
		size_t stem = u->dead ? 0 : division_stem(c, u);
		if (stem)
			remember(c, u->s, u->s + stem, W_LOC | W_SHORT | W_EDGE, u->rank);
		size_t sfx = u->kind == U_GAZ && u->rank == R_TOWN ? gazetteer_suffix(c, u) : u->sfx;
		if (u->dead || (u->kind != U_TOWN && u->kind != U_COMMUNITY && u->kind != U_GAZ) ||
		    !sfx || u->e - sfx - u->s < 2)
			continue;
		/* a two-character stem is often the start of another word (亚运 of 亚运村, 亚运会) */
		remember(c, u->s, u->e - sfx, W_LOC | W_SHORT | W_WEAK | (u->e - sfx - u->s == 2 ? W_RIGHT : 0),
		         u->rank);
	}
}

static void add_span(size_t s, size_t e, int type, int src, const struct mention *m)
{
	if (nspans == spancap) {
		spancap = spancap ? spancap * 2 : 64;
		spans = xrealloc(spans, spancap * sizeof *spans);
	}
	spans[nspans++] = (struct span){ s, e, type, src, 0, m };
}

static void on_model_span(void *arg, size_t s, size_t e, int type)
{
	(void)arg;
	static const int types[3] = { T_PER, T_LOC, T_ORG };
	add_span(s, e, types[type], SRC_MODEL, NULL);
}

static int overlaps(const struct span *a, const struct span *b)
{
	return a->s < b->e && b->s < a->e;
}

static int within(const struct span *in, const struct span *out)
{
	return in->s >= out->s && in->e <= out->e;
}

/* A name holds no punctuation but the dot of foreign names, a hyphen or full stop (Dr.),
 * and brackets that close inside it (呈钢钢铁(集团)有限公司); not “三新组织, 党小组+业委会,
 * 昆明)有限公司. */
static int clean_name(const struct ctx *c, const struct span *m)
{
	int depth = 0;
	for (size_t i = m->s; i < m->e; i++) {
		int32_t ch = c->cp[i];
		if (ch == '(' || ch == 0xFF08)
			depth++;
		else if (ch == ')' || ch == 0xFF09) {
			if (--depth < 0)
				return 0;
		} else if ((u8_is_punct(ch) || ch == '+') && ch != 0xB7 && ch != 0x30FB && ch != 0x2022 &&
		           ch != '.' && ch != '-') {
			return 0;
		}
	}
	return depth == 0 && c->cp[m->s] != '(' && c->cp[m->s] != 0xFF08;
}

/* The rules find what the project's convention tags (nested places, chains split into
 * units) with a precision the model does not match on text like theirs; the model finds
 * what they miss. So: patterns and the user's entries stand; the rules' names stand; the
 * model's names are added where they overlap neither, or where an organisation holds the
 * rules' places or a shorter organisation (河南省 in 河南省话剧艺术中心, 复旦大学 in
 * 复旦大学中文系). With flat (the training data's convention) the
 * model alone decides (on the MSRA dev split the rules' additions cost 0.008 F1). */
static void merge_model(struct ctx *c, size_t nfixed)
{
	nspans = 0;
	for (size_t k = 0; k < c->nm; k++)
		add_span(c->m[k].s, c->m[k].e, c->m[k].type, k < nfixed ? SRC_FIXED : SRC_RULE, &c->m[k]);
	for (size_t k = 0; k < c->nu; k++)
		if (!c->u[k].dead)
			add_span(c->u[k].s, c->u[k].e, c->u[k].type, SRC_RULE, NULL);
	size_t nr = nspans;
	model_tag(opts.model, c, &mwork);
	model_spans(mwork.lab, c->n, on_model_span, NULL);
	for (size_t j = nr; j < nspans; j++) {
		struct span *m = &spans[j];
		/* a two-character organisation is a generic word (区委, 妇联) far more often than
		 * a name in news; the ones the gazetteer knows come from the rules */
		if (!opts.flat && m->type == T_ORG && m->e - m->s <= 2)
			m->dead = 1;
		/* nor does a name start with a suffix (社区党委, 街道办) */
		if (!opts.flat && m->type != T_PER && (c->at[m->s].startf & (W_LSFX | W_OSFX)))
			m->dead = 1;
		if (!m->dead && !clean_name(c, m))
			m->dead = 1;

		for (size_t k = 0; k < nr && !m->dead; k++) {
			const struct span *r = &spans[k];
			if (!overlaps(m, r))
				continue;
			if (r->src == SRC_FIXED)
				m->dead = 1;
			else if (!opts.flat && r->type <= T_ORG)
				m->dead = !(within(r, m) && m->type == T_ORG && r->type != T_PER &&
				            (r->s != m->s || r->e != m->e));
		}
	}
	if (!opts.flat) {
		/* an organisation the model found longer (复旦大学中文系, …区委宣传部) replaces the
		 * rules' shorter one inside it; their places inside stay */
		for (size_t k = 0; k < nr; k++)
			for (size_t j = nr; j < nspans && spans[k].src == SRC_RULE && spans[k].type == T_ORG; j++)
				if (!spans[j].dead && within(&spans[k], &spans[j]))
					spans[k].dead = 1;
		return;
	}
	for (size_t k = 0; k < nr; k++) {
		struct span *r = &spans[k];
		if (r->src != SRC_RULE || r->type > T_ORG)
			continue;
		r->dead = 1;
	}
	/* outermost names only */
	for (size_t k = 0; k < nspans; k++) {
		if (spans[k].dead || spans[k].type > T_ORG)
			continue;
		for (size_t j = 0; j < nspans; j++)
			if (j != k && !spans[j].dead && spans[j].type <= T_ORG && within(&spans[k], &spans[j]) &&
			    (spans[k].e - spans[k].s < spans[j].e - spans[j].s || j < k)) {
				spans[k].dead = 1;
				break;
			}
	}
}

static void find_window(struct ctx *c, const char *text, size_t len)
{
	struct lex *x = res_lex();
	ctx_load(c, text, len);
	ctx_scan(c, x);
	if (opts.builtin) {
		contacts_find(c, x);
		dates_find(c);
	}
	if (udict_count())
		user_units(c);
	size_t nfixed = c->nm;
	if (!opts.builtin) {
		if (opts.model)
			merge_model(c, nfixed);
		return;
	}
	names_byline(c);
	if (byline)
		names_credit_line(c);
	names_paren_credit(c);
	places_units(c, 1);
	places_suffix(c);
	orgs_find(c);
	names_context(c);
	names_lists(c);
	learn(c);
	if (opts.model)
		merge_model(c, nfixed);
}

static void emit_window(const struct ctx *c, size_t base, ent_emit *emit, void *arg)
{
	if (opts.model) {
		for (size_t k = 0; k < nspans; k++) {
			const struct span *sp = &spans[k];
			if (sp->dead)
				continue;
			size_t vlen = 0;
			const char *v = sp->m ? ctx_mention_value(c, sp->m, &vlen) : NULL;
			emit(arg, base + sp->s, base + sp->e, sp->type, v, vlen);
		}
		return;
	}
	for (size_t k = 0; k < c->nm; k++) {
		size_t vlen;
		const char *v = ctx_mention_value(c, &c->m[k], &vlen);
		emit(arg, base + c->m[k].s, base + c->m[k].e, c->m[k].type, v, vlen);
	}
	for (size_t k = 0; k < c->nu; k++)
		if (!c->u[k].dead)
			emit(arg, base + c->u[k].s, base + c->u[k].e, c->u[k].type, NULL, 0);
}

static size_t window = 1 << 16;

void entities_byline(int on)
{
	byline = on;
}

void entities_set_window(size_t bytes)
{
	window = bytes < 64 ? 64 : bytes;
}

/* Where to end a window that starts at text[0]: after the last punctuation mark or
 * space in its final quarter, else at the last character boundary. */
static size_t window_end(const char *text, size_t len)
{
	if (len <= window)
		return len;
	size_t end = window;
	while (end > 0 && ((unsigned char)text[end] & 0xC0) == 0x80)
		end--;
	for (size_t i = end; i > window * 3 / 4; i--) {
		unsigned char b = (unsigned char)text[i - 1];
		if (b == ' ' || b == '\t' || b == ',' || b == '.' || b == ';' || b == '!' || b == '?')
			return i;
		/* 。、 (E3 80 82/81) and full-width ，；！？： (EF BC 8C/9B/81/9F/9A) */
		if (i >= 3 && ((unsigned char)text[i - 3] == 0xE3 && (unsigned char)text[i - 2] == 0x80 &&
		               (b == 0x82 || b == 0x81)))
			return i;
		if (i >= 3 && (unsigned char)text[i - 3] == 0xEF && (unsigned char)text[i - 2] == 0xBC &&
		    (b == 0x8C || b == 0x9B || b == 0x81 || b == 0x9F || b == 0x9A))
			return i;
	}
	return end ? end : len;
}

void entities_find(struct ctx *c, const char *doc, const char *text, size_t len,
                   ent_emit *emit, void *arg)
{
	docmem_segment(doc);
	size_t base = 0;
	do {
		size_t n = window_end(text, len);
		find_window(c, text, n);
		emit_window(c, base, emit, arg);
		base += c->n;
		text += n;
		len -= n;
	} while (len > 0);
}
