/* scan: number mentions in a text, by the policy documented in extract-numbers(1). */
#include <stdlib.h>
#include <string.h>
#include "dates.h"
#include "exclude.h"
#include "scan.h"
#include "utf8.h"

void scanner_init(struct scanner *S, const struct tables *t, int bare)
{
	memset(S, 0, sizeof *S);
	S->t = t;
	S->bare = bare;
	numparser_init(&S->P, &t->num);
	numeral_init(&S->x);
	numeral_init(&S->y);
}

void scanner_free(struct scanner *S)
{
	numparser_free(&S->P);
	numeral_free(&S->x);
	numeral_free(&S->y);
	dec_free(&S->val);
	dec_free(&S->tmp);
	buf_free(&S->vbuf);
}

/* What was found around one numeral, filled step by step by build(). */
struct found {
	size_t start, q;                 /* mention start; scan position after the parts so far */
	const struct lex_entry *pre, *cur, *unit;
	const char *mod;
	const char *type;
	const char *unit_name;
	int ordinal, range;
};

static int is_ascii_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int32_t cp_at(const char *s, size_t n, size_t q)
{
	if (q >= n)
		return -1;
	int32_t cp;
	u8_decode(s + q, n - q, &cp);
	return cp;
}

/* The unit at q: the longest entry of the unit table, unless a longer word that is no
 * unit starts there (三部分), or an ASCII unit runs on into a word (5 km ok, 5kmh no). */
static const struct lex_entry *unit_at(const struct tables *t, const char *s, size_t n, size_t q)
{
	if (q >= n)
		return NULL;
	const struct lex_entry *u = lex_at(&t->units, s + q, n - q);
	if (!u)
		return NULL;
	const struct lex_entry *no = lex_at(&t->nonunits, s + q, n - q);
	if (no && no->n >= u->n)
		return NULL;
	if (is_ascii_alpha((unsigned char)u->s[u->n - 1]) && q + u->n < n &&
	    is_ascii_alpha((unsigned char)s[q + u->n]))
		return NULL;
	return u;
}

static const char *unit_name(const struct lex_entry *u)
{
	return u->f[1][0] ? u->f[1] : u->s;
}

/* A frequency word (每) up to three characters before pos makes 一 a count (每年一次). */
static int freq_before(const struct tables *t, const char *s, size_t pos)
{
	for (int k = 0; k < 4 && pos > 0; k++) {
		if (lex_before(&t->freq, s, 0, pos))
			return 1;
		do
			pos--;
		while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80);
	}
	return 0;
}

static void set_mod(struct found *f, const char *mod)
{
	if (mod && *mod)
		f->mod = mod;
}

static void emit(struct scanner *S, const struct found *f, mention_fn fn, void *ctx)
{
	buf_clear(&S->vbuf);
	dec_format(&S->val, &S->vbuf);
	struct mention m = { f->start, f->q, f->type, S->vbuf.p, S->vbuf.n, f->unit_name, f->mod };
	fn(ctx, &m);
}

/* Words before the numeral: an approximation word or 第, then a currency sign. */
static void prefix(struct scanner *S, const char *s, size_t pos, struct found *f)
{
	const struct tables *t = S->t;
	f->start = pos;
	const struct lex_entry *pre = lex_before(&t->pre, s, 0, pos);
	if (pre && strcmp(pre->f[1], "mult") == 0 && !(S->x.flags & NUM_BARE))
		pre = NULL;
	if (pre && pre->f[0][0]) {
		f->pre = pre;
		f->start = pos - pre->n;
		if (strcmp(pre->f[0], "ordinal") == 0)
			f->ordinal = 1;
		else
			set_mod(f, pre->f[0]);
	}
	const struct lex_entry *cur = lex_before(&t->currency, s, 0, f->start);
	if (cur && (S->x.flags & NUM_ARABIC) && !(f->start - cur->n > 0 &&
	    is_ascii_alpha((unsigned char)s[f->start - cur->n - 1]))) {
		f->cur = cur;
		f->start -= cur->n;
	}
}

/* X分之Y: a fraction, or a percentage / per mille when X is a bare 百 / 千. */
static int fraction(struct scanner *S, const char *s, size_t n, struct found *f)
{
	const struct tables *t = S->t;
	const struct lex_entry *fr = lex_at(&t->frac, s + f->q, n - f->q);
	if (!fr || !numeral_parse(&S->P, s, n, f->q + fr->n, &S->y))
		return 0;
	f->q = S->y.end;
	if (S->x.flags & NUM_BARE) {
		dec_set_ull(&S->tmp, 100);
		int pct = dec_cmp(&S->x.v, &S->tmp) == 0;
		dec_set_ull(&S->tmp, 1000);
		int mil = dec_cmp(&S->x.v, &S->tmp) == 0;
		if (pct || mil) {
			dec_copy(&S->val, &S->y.v);
			f->type = "percent";
			f->unit_name = pct ? "%" : "‰";
			return 1;
		}
	}
	if (dec_div(&S->val, &S->y.v, &S->x.v, 4) != 0)
		return -1;
	f->type = "fraction";
	return 1;
}

/* 3.2 million, $1.2 billion. */
static void magnitude(struct scanner *S, const char *s, size_t n, struct found *f)
{
	if (!(S->x.flags & NUM_ARABIC) || (S->x.flags & NUM_CHINESE))
		return;
	size_t r = f->q;
	if (r < n && s[r] == ' ')
		r++;
	const struct lex_entry *m = r < n ? lex_at(&S->t->magnitudes, s + r, n - r) : NULL;
	if (!m || (r + m->n < n && is_ascii_alpha((unsigned char)s[r + m->n])))
		return;
	dec_shift(&S->val, atol(m->f[0]));
	f->q = r + m->n;
}

/* A mid word (余, 多, 来) between numeral and unit, then the unit. */
static void unit_part(struct scanner *S, const char *s, size_t n, struct found *f)
{
	const struct tables *t = S->t;
	const struct lex_entry *mid = lex_at(&t->mid, s + f->q, n - f->q);
	if (mid && unit_at(t, s, n, f->q + mid->n)) {
		set_mod(f, mid->f[0]);
		f->q += mid->n;
	}
	f->unit = unit_at(t, s, n, f->q);
	if (f->unit)
		f->q += f->unit->n;
}

/* 3至5个, 一到两个, 3万-5万元: one mention, the lower end, mod about. */
static void range_part(struct scanner *S, const char *s, size_t n, struct found *f)
{
	const struct tables *t = S->t;
	const struct lex_entry *rg = lex_at(&t->range, s + f->q, n - f->q);
	if (!rg || (S->x.flags & (NUM_LEADZERO | NUM_LONG)))
		return;
	size_t r = f->q + rg->n;
	if (!numeral_parse(&S->P, s, n, r, &S->y) || (S->y.flags & (NUM_LEADZERO | NUM_LONG)))
		return;
	int ascii = (unsigned char)rg->s[0] < 0x80;
	if (ascii && !((S->x.flags & NUM_ARABIC) && (S->y.flags & NUM_ARABIC)))
		return;
	struct found g = *f;
	g.q = S->y.end;
	unit_part(S, s, n, &g);
	if (!g.unit && !S->bare)
		return;
	*f = g;
	f->range = 1;
	if (dec_cmp(&S->y.v, &S->val) < 0)
		dec_copy(&S->val, &S->y.v);
	set_mod(f, "about");
}

/* 三成 = 30 %, 七成六 = 76 %: only a single Chinese digit (or 十) before 成. */
static int tenths(struct scanner *S, const char *s, size_t n, struct found *f)
{
	if (!(S->x.flags & NUM_CHINESE) || S->x.ntok > 1)
		return 0;
	dec_shift(&S->val, 1);
	const struct numchar *c = numtab_get(&S->t->num, cp_at(s, n, f->q));
	if (c && c->role == NR_DIGIT && !c->lead && !c->fin &&
	    !unit_at(S->t, s, n, f->q + 3)) {
		dec_set_ull(&S->tmp, c->value);
		dec_add(&S->val, &S->tmp);
		f->q += 3;
	}
	f->type = "percent";
	f->unit_name = "%";
	return 1;
}

/* After the unit: 左右, 以上, ...; 3天后 is a relative date. Returns 0 to drop. */
static int post_part(struct scanner *S, const char *s, size_t n, struct found *f)
{
	const struct lex_entry *pm = f->q < n ? lex_at(&S->t->post, s + f->q, n - f->q) : NULL;
	if (!pm)
		return 1;
	if (strcmp(pm->f[0], "date") == 0)
		return !(f->type && strcmp(f->type, "duration") == 0);
	if (pm->f[1][0])
		return 1;
	set_mod(f, pm->f[0]);
	f->q += pm->n;
	return 1;
}

/* Is a numeral with no unit still a quantity? Decimals, grouped digits, 1.5万, amounts
 * with a currency sign or a magnitude word are; bare Chinese numerals and plain
 * integers (years, codes, list numbers) are not, unless --bare. */
static int unitless_ok(const struct scanner *S, const struct found *f, int scaled)
{
	unsigned fl = S->x.flags;
	if (S->bare)
		return 1;
	if (f->ordinal || !(fl & NUM_ARABIC) || (fl & (NUM_LEADZERO | NUM_LONG)))
		return 0;
	return f->cur || scaled || (fl & (NUM_POINT | NUM_SEP)) || (fl & NUM_MULT);
}

/* 三会一课, 三个一: a one-character numeral and a measure word followed by another
 * numeral is a slogan, not a count. */
static int slogan(const struct scanner *S, const char *s, size_t n, const struct found *f)
{
	if (!(S->x.flags & NUM_CHINESE) || S->x.ntok > 1 || !f->unit)
		return 0;
	const struct numchar *c = numtab_get(&S->t->num, cp_at(s, n, f->q));
	return c && (c->role == NR_DIGIT || c->role == NR_UNIT);
}

static void mods_of_numeral(const struct scanner *S, struct found *f)
{
	if (S->x.flags & NUM_ABOUT)
		set_mod(f, "about");
	if (S->x.flags & NUM_OVER)
		set_mod(f, "over");
	if (S->x.flags & NUM_RANGE)
		set_mod(f, "about");
}

/* Everything around the numeral S->x at pos; returns the end of the mention or 0. */
static size_t build(struct scanner *S, const char *s, size_t n, size_t pos, mention_fn fn, void *ctx)
{
	struct found f;
	memset(&f, 0, sizeof f);
	prefix(S, s, pos, &f);
	mods_of_numeral(S, &f);
	dec_copy(&S->val, &S->x.v);
	f.q = S->x.end;
	int fr = fraction(S, s, n, &f);
	if (fr < 0)
		return 0;
	size_t before_mag = f.q;
	if (!fr) {
		magnitude(S, s, n, &f);
		unit_part(S, s, n, &f);
		if (!f.unit)
			range_part(S, s, n, &f);
		if (f.unit && strcmp(f.unit->f[0], "tenth") == 0) {
			if (!tenths(S, s, n, &f))
				return 0;
		} else if (f.unit) {
			f.type = f.unit->f[0];
			f.unit_name = unit_name(f.unit);
		}
	}
	int scaled = f.q > before_mag && !f.unit;
	if (!post_part(S, s, n, &f))
		return 0;
	if (!f.type) {
		if (!unitless_ok(S, &f, scaled))
			return 0;
		f.type = "other";
	}
	if (f.cur && (!f.unit || strcmp(f.type, "other") == 0)) {
		f.type = "money";
		f.unit_name = f.cur->f[0];
	}
	if ((S->x.flags & NUM_ARTICLE) && !S->bare && !f.pre && !f.range && !freq_before(S->t, s, pos))
		return 0;
	if (slogan(S, s, n, &f) && !S->bare)
		return 0;
	if (f.ordinal)
		f.type = "ordinal";
	emit(S, &f, fn, ctx);
	return f.q;
}

/* Letters right before the digits (AK47, G20, iOS14) or right after (4G, 5A): a name. */
static int in_code(const char *s, size_t n, size_t pos, const struct numeral *x,
                   const struct tables *t)
{
	if (!(x->flags & NUM_ARABIC) || (x->flags & NUM_CHINESE))
		return 0;
	if (pos > 0 && (is_ascii_alpha((unsigned char)s[pos - 1]) || s[pos - 1] == '_'))
		return 1;
	size_t q = x->end;
	return q < n && is_ascii_alpha((unsigned char)s[q]) && !unit_at(t, s, n, q) &&
	       !lex_at(&t->magnitudes, s + q, n - q);
}

static size_t skip_word(const char *s, size_t n, size_t q)
{
	while (q < n && (is_ascii_alpha((unsigned char)s[q]) || (s[q] >= '0' && s[q] <= '9') ||
	                 s[q] == '.' || s[q] == '-' || s[q] == '_'))
		q++;
	return q;
}

/* One candidate position: returns where scanning goes on. */
static size_t candidate(struct scanner *S, const char *s, size_t n, size_t pos, size_t clen,
                        mention_fn fn, void *ctx)
{
	if (!numeral_parse(&S->P, s, n, pos, &S->x))
		return pos + clen;
	size_t next = S->x.end > pos ? S->x.end : pos + clen;
	if (in_code(s, n, pos, &S->x, S->t) || (S->x.flags & NUM_DOTTED))
		return skip_word(s, n, next);
	size_t d = date_end(S->t, &S->P, s, n, pos, &S->x);
	if (d)
		return d > next ? d : next;
	size_t e = build(S, s, n, pos, fn, ctx);
	return e > next ? e : next;
}

/* The scanner's view of a mention: dropped when it overlaps a skipped range. */
struct guard {
	const struct span *skip;
	size_t nskip;
	mention_fn fn;
	void *ctx;
};

static void guarded(void *ctx, const struct mention *m)
{
	const struct guard *g = ctx;
	for (size_t i = 0; i < g->nskip; i++)
		if (g->skip[i].start < m->end && m->start < g->skip[i].end)
			return;
	g->fn(g->ctx, m);
}

void scan_text(struct scanner *S, const char *s, size_t n, const struct span *skip,
               size_t nskip, mention_fn fn, void *ctx)
{
	struct guard g = { skip, nskip, fn, ctx };
	size_t i = 0, k = 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		size_t l = 1;
		if (b < 0x80) {
			if (b < '0' || b > '9') {
				i++;
				continue;
			}
		} else if (b < 0xC0) {
			i++;
			continue;
		} else {
			int32_t cp;
			if (b >= 0xE0 && b < 0xF0 && i + 2 < n) {
				cp = (int32_t)((b & 0x0F) << 12 | ((unsigned char)s[i + 1] & 0x3F) << 6 |
				               ((unsigned char)s[i + 2] & 0x3F));
				l = 3;
			} else {
				l = u8_decode(s + i, n - i, &cp);
			}
			if (!numtab_starts(&S->t->num, cp)) {
				i += l;
				continue;
			}
		}
		while (k < nskip && skip[k].end <= i)
			k++;
		if (k < nskip && skip[k].start <= i) {
			i = skip[k].end;
			continue;
		}
		size_t ex = exclude_end(S->t, s, n, i);
		if (ex) {
			i = ex;
			continue;
		}
		i = candidate(S, s, n, i, l, nskip ? guarded : fn, nskip ? (void *)&g : ctx);
	}
}
