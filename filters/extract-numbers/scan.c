/* scan: number mentions in a text, by the policy documented in extract-numbers(1). */
#include <stdlib.h>
#include <string.h>
#include "dates.h"
#include "exclude.h"
#include "scan.h"
#include "utf8.h"

/* Punctuation that is syntax of numbers: full-width minus and slash, and the closing
 * brackets after which a hyphen is a range, not a minus sign. */
enum {
	FULLWIDTH_MINUS = 0xFF0D,
	FULLWIDTH_SLASH = 0xFF0F,
	FULLWIDTH_RPAREN = 0xFF09,
	RIGHT_LENTICULAR = 0x3011,
	RATIO_COLON = 0x2236,
	FULLWIDTH_COLON = 0xFF1A
};

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
	buf_free(&S->ubuf);
}

/* What was found around one numeral, filled step by step by build(). */
struct found {
	size_t start, q;                 /* mention start; scan position after the parts so far */
	const struct lex_entry *pre, *cur, *unit, *per;   /* per: denominator of a rate */
	const struct lex_entry *scale;   /* 华氏 before the number */
	const char *mod;
	const char *type;
	const char *unit_name;
	int ordinal, range, neg;
};

static int is_ascii_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int32_t cp_at(const char *s, size_t n, size_t q)
{
	return q < n ? lex_cp(s + q, n - q) : -1;
}

/* Is x a whole number (no nonzero digit after the point)? */
static int whole(const struct dec *x)
{
	for (size_t i = x->scale < x->d.n ? x->d.n - x->scale : 0; i < x->d.n; i++)
		if (x->d.p[i] != '0')
			return 0;
	return 1;
}

/* A Chinese character (CJK ideographs, extension A, compatibility ideographs). */
static int is_han(int32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
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

static size_t char_before(const char *s, size_t pos)
{
	if (pos == 0)
		return 0;
	do
		pos--;
	while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80);
	return pos;
}

/* A frequency word (每) ends at pos and states a rate (每年, 每2小时, 每名选手): 每一
 * and 每次 are "every (time)" and say nothing of how often (每次都是一次突破). */
static int rate_at(const struct tables *t, const char *s, size_t pos)
{
	if (!lex_before(&t->freq, s, 0, pos))
		return 0;
	const struct numchar *c = numtab_get(&t->num, lex_cp(s + pos, 4));
	return !(c && c->role == NR_DIGIT && c->value == 1) && !lex_at(&t->event, s + pos, 4);
}

/* A rate one to three characters before pos makes 一 a count (每年一次); right before
 * it, 每一个 is "every". Further back in the same clause only before an event measure
 * word: 每年对项目开展一次评定, 每2小时发布一次. */
static int freq_before(const struct tables *t, const char *s, size_t pos,
                       const struct lex_entry *unit)
{
	int events = unit && lex_at(&t->event, unit->s, unit->n);
	pos = char_before(s, pos);
	for (int k = 1; k < (events ? 32 : 4) && pos > 0; k++) {
		if (lex_before(&t->clause, s, 0, pos))
			return 0;
		if (rate_at(t, s, pos))
			return 1;
		pos = char_before(s, pos);
	}
	return 0;
}

/* 零部件, 零距离, 零容忍: a lone 零 is a word, not the number zero. */
static int lone_zero(const struct scanner *S)
{
	return (S->x.flags & NUM_CHINESE) && !(S->x.flags & NUM_ARABIC) && S->x.ntok == 1 &&
	       dec_is_zero(&S->x.v);
}

/* 一砖一瓦, 一格一人, 三送三认领: a one-character numeral that repeats the one two
 * characters back is half of a parallel set phrase, not a count. */
static int parallel(const struct scanner *S, const char *s, size_t pos)
{
	if (!(S->x.flags & NUM_CHINESE) || S->x.ntok != 1 || pos < 2)
		return 0;
	size_t l = S->x.end - pos, p1 = char_before(s, pos);
	int32_t mid = p1 ? lex_cp(s + p1, pos - p1) : -1;
	if (p1 == 0 || mid < 0x4E00 || mid > 0x9FFF || numtab_get(&S->t->num, mid))
		return 0;   /* the word between is a Chinese character, not punctuation */
	size_t p2 = char_before(s, p1);
	return p1 - p2 == l && memcmp(s + p2, s + pos, l) == 0;
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

static int is_ascii_alnum(int c)
{
	return is_ascii_alpha(c) || (c >= '0' && c <= '9');
}

/* A minus sign right before the digits and not after a word, a number or a unit (5-20
 * and 100分-90分 are ranges, A-3 a code): its length, or 0. */
static size_t minus_before(const struct tables *t, const char *s, size_t pos)
{
	size_t l = 0;
	if (pos >= 1 && s[pos - 1] == '-')
		l = 1;
	else if (pos >= 3 && lex_cp(s + pos - 3, 3) == FULLWIDTH_MINUS)
		l = 3;
	if (!l)
		return 0;
	size_t b = pos - l;
	if (b == 0)
		return l;
	size_t dl;
	unsigned char c = (unsigned char)s[b - 1];
	if (is_ascii_alnum(c) || strchr(")]-~%", c) || (b >= 3 && digit_at(s + b - 3, 3, &dl) >= 0) ||
	    lex_before(&t->units, s, 0, b) || lex_before(&t->range, s, 0, b) ||
	    (b >= 3 && (lex_cp(s + b - 3, 3) == FULLWIDTH_RPAREN || lex_cp(s + b - 3, 3) == RIGHT_LENTICULAR)))
		return 0;   /* after ）or 】 too: 1万(含)-5万元 */
	return l;
}

/* .5: a decimal written without its 0 (not after a digit or letter: 1.2.3, v.5). */
static int point_before(struct scanner *S, const char *s, struct found *f)
{
	size_t b = f->start;
	unsigned fl = S->x.flags;
	if (f->pre || b < 1 || s[b - 1] != '.' || !(fl & NUM_ARABIC) ||
	    (fl & (NUM_CHINESE | NUM_POINT | NUM_SEP | NUM_MULT)))
		return 0;
	if (b >= 2 && (is_ascii_alnum((unsigned char)s[b - 2]) || s[b - 2] == '.'))
		return 0;
	size_t digits = 0, l;
	for (size_t q = b; q < S->x.end && digit_at(s + q, S->x.end - q, &l) >= 0; q += l)
		digits++;
	dec_shift(&S->x.v, -(long)digits);
	f->start = b - 1;
	return 1;
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
		else if (strcmp(pre->f[0], "neg") == 0)
			f->neg = 1;
		else
			set_mod(f, pre->f[0]);
	}
	size_t ml = minus_before(t, s, f->start);
	if (ml && (S->x.flags & NUM_ARABIC) && !(S->x.flags & NUM_NEG) && !f->pre &&
	    !(f->start > ml && s[f->start - 1] == '.')) {
		f->neg = 1;
		f->start -= ml;
	}
	if (point_before(S, s, f)) {
		ml = minus_before(t, s, f->start);
		if (ml && !f->pre) {
			f->neg = 1;
			f->start -= ml;
		}
	}
	/* one space may stand between the currency and the number (USD 100, 新台币 177.1 亿元) */
	size_t sp = f->start > 0 && s[f->start - 1] == ' ' && !f->pre && !f->neg ? 1 : 0;
	const struct lex_entry *cur = lex_before(&t->currency, s, 0, f->start - sp);
	if (cur && !(f->start - sp - cur->n > 0 &&
	             is_ascii_alpha((unsigned char)s[f->start - sp - cur->n - 1]))) {
		f->cur = cur;
		f->start -= cur->n + sp;
	}
}

/* X分之Y: a fraction, or a percentage / per mille when X is a bare 百 / 千. */
static int numerator(struct scanner *S, const char *s, size_t n, size_t q)
{
	S->P.allow_fin = 1;
	int ok = numeral_parse(&S->P, s, n, q, &S->y);
	S->P.allow_fin = 0;
	return ok;
}

/* 3/5, １６/5: Arabic integers around a slash (dates were taken before). */
static int slash_fraction(struct scanner *S, const char *s, size_t n, struct found *f)
{
	size_t q = f->q, l = 0;
	if (q < n && s[q] == '/')
		l = 1;
	else if (q + 3 <= n && lex_cp(s + q, 3) == FULLWIDTH_SLASH)
		l = 3;
	unsigned fl = S->x.flags, yf = 0;
	if (!l || (fl & (NUM_CHINESE | NUM_POINT | NUM_SEP | NUM_LEADZERO)) || !(fl & NUM_ARABIC))
		return 0;
	size_t r = arabic_parse(&S->P, s, n, q + l, &S->y.v, &yf);
	if (r == q + l || (yf & (NUM_POINT | NUM_SEP | NUM_LEADZERO)) || (r < n && s[r] == '/') ||
	    dec_is_zero(&S->y.v))
		return 0;
	if (dec_div(&S->val, &S->x.v, &S->y.v, 4) != 0)
		return 0;
	f->q = r;
	f->type = "fraction";
	return 1;
}

/* 1又1/5: after 又 (S->y parsed), an Arabic fraction with a slash. */
static int slash_after_also(struct scanner *S, const char *s, size_t n, struct found *f)
{
	size_t q = S->y.end;
	unsigned df = 0;
	if ((S->y.flags & (NUM_CHINESE | NUM_POINT | NUM_SEP)) || q + 1 >= n || s[q] != '/')
		return 0;
	struct dec den = DEC_INIT, part = DEC_INIT;
	size_t r = arabic_parse(&S->P, s, n, q + 1, &den, &df);
	int ok = r > q + 1 && !(df & (NUM_POINT | NUM_SEP)) && !dec_is_zero(&den) &&
	         dec_div(&part, &S->y.v, &den, 4) == 0;
	if (ok) {
		if (S->val.neg)
			dec_sub(&S->val, &part);
		else
			dec_add(&S->val, &part);
		f->q = r;
		f->type = "fraction";
	}
	dec_free(&den);
	dec_free(&part);
	return ok;
}

/* 三又三分之一, 3又一千分之23: a whole number and a fraction. */
static int mixed(struct scanner *S, const char *s, size_t n, struct found *f)
{
	const struct tables *t = S->t;
	const struct lex_entry *a = lex_at(&t->also, s + f->q, n - f->q);
	if (!a || !numeral_parse(&S->P, s, n, f->q + a->n, &S->y))
		return 0;
	if (slash_after_also(S, s, n, f))
		return 1;
	const struct lex_entry *fr = lex_at(&t->frac, s + S->y.end, n - S->y.end);
	if (!fr)
		return 0;
	dec_copy(&S->tmp, &S->y.v);
	if (!numerator(S, s, n, S->y.end + fr->n) || dec_is_zero(&S->tmp))
		return 0;
	struct dec part = DEC_INIT;
	dec_div(&part, &S->y.v, &S->tmp, 4);
	if (S->val.neg)
		dec_sub(&S->val, &part);
	else
		dec_add(&S->val, &part);
	dec_free(&part);
	f->q = S->y.end;
	f->type = "fraction";
	return 1;
}

/* Is the numeral x exactly the bare multiplier 10^e, whatever its sign (负百分之)? */
static int bare_power(struct scanner *S, int e)
{
	if (!(S->x.flags & NUM_BARE))
		return 0;
	dec_set_ull(&S->tmp, 1);
	dec_shift(&S->tmp, e);
	S->tmp.neg = S->x.v.neg;
	return dec_cmp(&S->x.v, &S->tmp) == 0;
}

static int fraction(struct scanner *S, const char *s, size_t n, struct found *f)
{
	const struct tables *t = S->t;
	if (slash_fraction(S, s, n, f) || mixed(S, s, n, f))
		return 1;
	const struct lex_entry *fr = lex_at(&t->frac, s + f->q, n - f->q);
	/* 百分三十, 百分百: a spoken percentage without 之 */
	if (!fr && S->x.ntok == 1 && bare_power(S, 2)) {
		const struct lex_entry *pc = lex_at(&t->pct, s + f->q, n - f->q);
		if (pc && numerator(S, s, n, f->q + pc->n) && !unit_at(t, s, n, S->y.end) &&
		    !(S->y.flags & (NUM_ARTICLE | NUM_HALF)))
			fr = pc;
		else
			return 0;
	}
	if (!fr || !numerator(S, s, n, f->q + fr->n))
		return 0;
	f->q = S->y.end;
	int pct = bare_power(S, 2), mil = !pct && bare_power(S, 3);
	if (pct || mil) {
		dec_copy(&S->val, &S->y.v);
		if (S->x.v.neg)
			S->val.neg = !dec_is_zero(&S->val);
		f->type = "percent";
		f->unit_name = pct ? "%" : "‰";
		/* 百分之三到五: a range of the numerator, the lower end */
		const struct lex_entry *rg = f->q < n ? lex_at(&t->range, s + f->q, n - f->q) : NULL;
		if (rg && rg->s[0] != '-' && numeral_parse(&S->P, s, n, f->q + rg->n, &S->y) &&
		    !unit_at(t, s, n, S->y.end) && !lex_at(&t->frac, s + S->y.end, n - S->y.end) &&
		    !(S->y.flags & (NUM_BARE | NUM_LEADZERO))) {
			if (dec_cmp(&S->y.v, &S->val) < 0 && !S->val.neg)
				dec_copy(&S->val, &S->y.v);
			f->q = S->y.end;
			set_mod(f, "about");
		}
		return 1;
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
	if (!m || (r + m->n < n && is_ascii_alnum((unsigned char)s[r + m->n])))
		return;
	if (strcmp(m->f[1], "short") == 0) {
		dec_set_ull(&S->tmp, 10);
		if (r != f->q || (!(S->x.flags & NUM_POINT) && dec_cmp(&S->val, &S->tmp) < 0))
			return;
	}
	dec_shift(&S->val, atol(m->f[0]));
	f->q = r + m->n;
}

/* 一分半钟: 半 inside a longer unit (分钟) that the unit at s+q begins; NULL when none. */
static const struct lex_entry *unit_around_half(struct scanner *S, const char *s, size_t n,
                                                const struct lex_entry *unit, size_t q)
{
	const struct lex_entry *h = q < n ? lex_at(&S->t->half, s + q, n - q) : NULL;
	if (!h)
		return NULL;
	size_t r = q + h->n, take = n - r < 16 ? n - r : 16;
	buf_clear(&S->ubuf);
	buf_add(&S->ubuf, unit->s, unit->n);
	buf_add(&S->ubuf, s + r, take);
	const struct lex_entry *u = lex_at(&S->t->units, S->ubuf.p, S->ubuf.n);
	return u && u->n > unit->n && strcmp(u->f[0], "count") != 0 ? u : NULL;
}

/* 1个多月, 两个多小时: a mid word inside a unit that begins with 个 (个月, 个小时). */
static void vague_inside(struct scanner *S, const char *s, size_t n, struct found *f)
{
	const struct tables *t = S->t;
	if (f->q >= n || (unsigned char)s[f->q] < 0x80)
		return;
	/* 一分半钟: a score unit only with a half inside a unit of time */
	if (strcmp(f->unit->f[0], "score") == 0) {
		const struct lex_entry *u = unit_around_half(S, s, n, f->unit, f->q);
		if (u) {
			f->q += (size_t)(lex_at(&t->half, s + f->q, n - f->q)->n) + (u->n - f->unit->n);
			f->unit = u;
			dec_parse(&S->tmp, "0.5", 3);
			dec_add(&S->val, &S->tmp);
		}
		return;
	}
	if (strcmp(f->unit->f[0], "count") != 0)
		return;
	const struct lex_entry *mid = lex_at(&t->mid, s + f->q, n - f->q);
	const struct lex_entry *h = mid ? NULL : lex_at(&t->half, s + f->q, n - f->q);
	if (h)
		mid = h;   /* 一个半月: the half goes to the value */
	if (!mid)
		return;
	size_t r = f->q + mid->n, take = n - r < 16 ? n - r : 16;
	buf_clear(&S->ubuf);
	buf_add(&S->ubuf, f->unit->s, f->unit->n);
	buf_add(&S->ubuf, s + r, take);
	const struct lex_entry *u = lex_at(&t->units, S->ubuf.p, S->ubuf.n);
	if (!u || u->n <= f->unit->n || strcmp(u->f[0], "count") == 0)
		return;
	f->q = r + (u->n - f->unit->n);
	f->unit = u;
	if (h) {
		dec_parse(&S->tmp, "0.5", 3);
		dec_add(&S->val, &S->tmp);
	} else {
		set_mod(f, mid->f[0]);
	}
}

/* 1毫克/升, 200元/吨, 30公里每小时: a unit, a slash (or 每) and a unit of another
 * dimension make a rate. */
static void rate_after(struct scanner *S, const char *s, size_t n, struct found *f)
{
	size_t q = f->q, l = 0;
	const struct lex_entry *per;
	if (q >= n)
		return;
	if (s[q] == '/')
		l = 1;
	else if (q + 3 <= n && lex_cp(s + q, 3) == FULLWIDTH_SLASH)
		l = 3;
	else if (strcmp(f->unit->f[0], "count") != 0 && (per = lex_at(&S->t->freq, s + q, n - q)))
		l = per->n;   /* 三十公里每小时 */
	const char *dim = f->unit->f[4];
	if (!l || strcmp(dim, "ratio") == 0 || !dim[0])
		return;
	const struct lex_entry *d = unit_at(S->t, s, n, q + l);
	if (!d || !d->f[4][0] || strcmp(d->f[4], dim) == 0 || strcmp(d->f[4], "money") == 0 ||
	    strcmp(d->f[4], "ratio") == 0)
		return;
	f->per = d;
	f->q = q + l + d->n;
}

/* 投入100 万元: a space between Arabic digits and the 万 or 亿 that scales them. */
static void spaced_multiplier(struct scanner *S, const char *s, size_t n, struct found *f)
{
	unsigned fl = S->x.flags;
	if (!(fl & NUM_ARABIC) || (fl & NUM_CHINESE) || f->q + 1 >= n || s[f->q] != ' ')
		return;
	size_t q = f->q + 1;
	long e = 0;
	const struct numchar *c;
	while (q < n && (c = numtab_get(&S->t->num, lex_cp(s + q, n - q))) && c->role == NR_BIG) {
		e += c->value;
		q += 3;
	}
	if (!e)
		return;
	dec_shift(&S->val, e);
	f->q = q;
}

/* 五分三十秒: after a short Chinese numeral a digits-only unit (分) is still a unit when a
 * numeral and a smaller unit of the compound table follow it (分 then 秒 are minutes). */
static const struct lex_entry *next_unit(const struct tables *t, const char *cur, const char *s,
                                         size_t n, size_t q, const char *mark);

static int smaller_follows(struct scanner *S, const char *s, size_t n, const struct lex_entry *u,
                           size_t q)
{
	if (q >= n || !numtab_starts(&S->t->num, cp_at(s, n, q)))
		return 0;
	struct numeral y;
	numeral_init(&y);
	int ok = numeral_parse(&S->P, s, n, q, &y) && next_unit(S->t, u->s, s, n, y.end, NULL);
	numeral_free(&y);
	return ok;
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
	size_t q = f->q;
	f->unit = unit_at(t, s, n, q);
	/* 共100 人: one space between Arabic digits and a Chinese unit (not 2019 年) */
	if (!f->unit && q + 1 < n && s[q] == ' ' && (unsigned char)s[q + 1] >= 0x80 &&
	    (S->x.flags & NUM_ARABIC) && !(S->x.flags & NUM_CHINESE)) {
		f->unit = unit_at(t, s, n, q + 1);
		if (f->unit && strcmp(f->unit->f[4], "time") == 0)
			f->unit = NULL;
		q += f->unit != NULL;
	}
	/* 一分团, 三级体系: no score or grade after a short Chinese numeral; 五百八十三分 is one */
	if (f->unit && !(S->x.flags & NUM_ARABIC) && f->unit->f[3][0] &&
	    strcmp(f->unit->f[3], "digits") == 0 && !((S->x.flags & NUM_MULT) && S->x.ntok >= 3) &&
	    !smaller_follows(S, s, n, f->unit, q + f->unit->n) &&
	    !unit_around_half(S, s, n, f->unit, q + f->unit->n))
		f->unit = NULL;
	if (f->unit && !f->ordinal && f->unit->f[3][0] && strcmp(f->unit->f[3], "ordinal") == 0)
		f->unit = NULL;   /* 第23号, but 23号 is a day */
	if (!f->unit)
		return;
	f->q = q + f->unit->n;
	/* 20个比特币, 两个亿元: 个 (the link of 两个亿) before a unit of money */
	const struct numchar *c = numtab_get(&t->num, lex_cp(f->unit->s, f->unit->n));
	const struct lex_entry *m = c && c->role == NR_LINK ? unit_at(t, s, n, f->q) : NULL;
	if (m && strcmp(m->f[0], "money") == 0) {
		f->unit = m;
		f->q += m->n;
	}
	vague_inside(S, s, n, f);
	rate_after(S, s, n, f);
}

/* The entry of the compound table for unit cur: with mark NULL the one whose next unit is
 * written at s+q (the longest), else the one whose next unit is the marker mark ("." or
 * "+", see compounds.tsv). */
static const struct lex_entry *next_unit(const struct tables *t, const char *cur, const char *s,
                                         size_t n, size_t q, const char *mark)
{
	const size_t *run;
	size_t cnt = lex_by_first(&t->compounds, lex_first_cp(cur, strlen(cur)), &run);
	const struct lex_entry *best = NULL;
	for (size_t i = 0; i < cnt; i++) {
		const struct lex_entry *e = &t->compounds.e[run[i]];
		size_t l = strlen(e->f[0]);
		int marker = strcmp(e->f[0], ".") == 0 || strcmp(e->f[0], "+") == 0;
		if (strcmp(e->s, cur) != 0 || marker != (mark != NULL))
			continue;
		if (mark) {
			if (strcmp(e->f[0], mark) == 0)
				return e;
			continue;
		}
		if (l <= n - q && memcmp(s + q, e->f[0], l) == 0 && (!best || l > strlen(best->f[0])))
			best = e;
	}
	return best;
}

/* Has the compound table entries for the unit as written (毛, 块)? */
static int compound_of(const struct tables *t, const char *word)
{
	const size_t *run;
	size_t cnt = lex_by_first(&t->compounds, lex_first_cp(word, strlen(word)), &run);
	for (size_t i = 0; i < cnt; i++)
		if (strcmp(t->compounds.e[run[i]].s, word) == 0)
			return 1;
	return 0;
}

static const struct lex_entry *marker_unit(const struct tables *t, const char *cur,
                                           const char *mark)
{
	return next_unit(t, cur, NULL, 0, 0, mark);
}

/* 9秒35: the digits right after the unit are its decimals, unless a unit, another
 * number or a word goes on (9秒10个). */
static int decimals_after(struct scanner *S, const char *s, size_t n, struct found *f)
{
	size_t q = f->q, l, digits = 0;
	while (q < n && s[q] >= '0' && s[q] <= '9') {
		q++;
		digits++;
	}
	if (!digits || (q < n && (is_ascii_alpha((unsigned char)s[q]) || s[q] == '.' ||
	                          digit_at(s + q, n - q, &l) >= 0)) || unit_at(S->t, s, n, q))
		return 0;
	dec_parse(&S->tmp, s + f->q, digits);
	dec_shift(&S->tmp, -(long)digits);
	dec_add(&S->val, &S->tmp);
	f->q = q;
	return 1;
}

/* 十二块五, 两毛五, 一米七五: one digit (or digits read one by one) after the unit ends
 * the amount, the next smaller unit unsaid; only when no word goes on (一块五花肉 is no
 * money). Returns how many places the digits take (1 for 五, 2 for 七五), or 0. */
static int lone_digit(struct scanner *S, const char *s, size_t n)
{
	const struct numeral *y = &S->y;
	int seq = (y->flags & NUM_SEQ) && y->ntok <= 3;
	if ((y->ntok != 1 && !seq) || (y->flags & (NUM_POINT | NUM_SEP | NUM_MULT)) ||
	    dec_is_zero(&y->v) || (!seq && y->v.d.n != 1) || y->v.scale)
		return 0;
	size_t q = y->end;
	int32_t cp = cp_at(s, n, q);
	int places = seq ? (int)y->ntok : 1;
	if (!is_han(cp))
		return cp >= 0 && cp < 0x80 && is_ascii_alnum(cp) ? 0 : places;
	return lex_at(&S->t->post, s + q, n - q) || lex_at(&S->t->tail, s + q, n - q) ? places : 0;
}

/* 五元三毛, 123元1角1分, 7分47秒26, 3个小时15分钟30秒: smaller units after an amount add
 * to it (the compound table says which and by how much), and so does a lone digit after
 * 块 or 毛 (十二块五); the whole is one mention. The amount so far is converted when the
 * unit reported changes (小时 to 分钟 to 秒). */
static void compound(struct scanner *S, const char *s, size_t n, struct found *f)
{
	/* most units are followed by no number at all */
	int32_t next = cp_at(s, n, f->q);
	if (next < 0 || (!(next >= '0' && next <= '9') && !numtab_get(&S->t->num, next) &&
	                 !lex_at(&S->t->also, s + f->q, n - f->q)))
		return;
	const char *cur = compound_of(S->t, f->unit->s) ? f->unit->s : f->unit_name;
	for (;;) {
		const struct lex_entry *e = marker_unit(S->t, cur, ".");
		if (e && decimals_after(S, s, n, f)) {
			f->unit_name = e->f[1];
			f->type = e->f[2];
			return;
		}
		/* 两美元又三美分: 又 may join the parts */
		const struct lex_entry *also = f->q < n ? lex_at(&S->t->also, s + f->q, n - f->q) : NULL;
		size_t at = f->q + (also ? also->n : 0);
		/* 壹角: a lone financial numeral is a number right before the next unit */
		if (at >= n || !numerator(S, s, n, at) ||
		    (S->y.flags & (NUM_RANGE | NUM_OVER | NUM_ABOUT | NUM_NEG | NUM_SEP | NUM_HALF)))
			return;
		e = next_unit(S->t, cur, s, n, S->y.end, NULL);
		const struct lex_entry *plus = e ? NULL : marker_unit(S->t, cur, "+");
		if (!e && !plus)
			return;
		const struct lex_entry *u = unit_at(S->t, s, n, S->y.end);
		int lone = 0;
		if (!e && !u && (lone = lone_digit(S, s, n)))
			e = plus;
		size_t elen = lone ? 0 : strlen(e ? e->f[0] : "");
		if (e && !lone && u && u->n > elen && strncmp(u->s, e->f[0], elen) == 0 &&
		    strcmp(u->f[0], e->f[2]) == 0)
			elen = u->n;   /* 五毛钱: the longer spelling of the same unit */
		if (!e || (u && u->n > elen))
			return;   /* 100元5分钟 is no amount of money */
		struct dec part = DEC_INIT;
		if (strcmp(e->f[1], f->unit_name) != 0) {
			dec_parse(&S->tmp, e->f[3], strlen(e->f[3]));
			dec_mul(&S->val, &S->val, &S->tmp);
		}
		dec_parse(&S->tmp, e->f[4], strlen(e->f[4]));
		dec_mul(&part, &S->y.v, &S->tmp);
		if (lone > 1)
			dec_shift(&part, 1 - lone);   /* 一米七五: 75 hundredths */
		dec_add(&S->val, &part);
		dec_free(&part);
		f->unit_name = e->f[1];
		f->type = e->f[2];
		f->q = S->y.end + elen;
		if (lone)
			return;
		cur = e->f[0];
	}
}

/* 两到三万, 十八至三十万, 一千到两千万: the lower end borrows the 万/亿 that ends the
 * upper one, when it has none of its own and stays below it. */
static void shared_multiplier(struct scanner *S, const char *s, size_t from)
{
	/* 三到四百万: a lower end with no multiplier takes all those after the upper end's
	 * digit (百万), when that keeps it below the upper end */
	if (!(S->x.flags & NUM_MULT)) {
		size_t q = from;
		long all = 0;
		int only = 1;
		const struct numchar *c;
		while (q < S->y.end && !((c = numtab_get(&S->t->num, lex_cp(s + q, S->y.end - q))) &&
		                         (c->role == NR_UNIT || c->role == NR_BIG)))
			q += (unsigned char)s[q] < 0x80 ? 1 : 3;
		for (; q < S->y.end; q += 3) {
			c = numtab_get(&S->t->num, lex_cp(s + q, S->y.end - q));
			if (!c || (c->role != NR_UNIT && c->role != NR_BIG)) {
				only = 0;
				break;
			}
			all += c->value;
		}
		if (only && all) {
			dec_copy(&S->tmp, &S->val);
			dec_shift(&S->tmp, all);
			if (dec_cmp(&S->tmp, &S->y.v) <= 0) {
				dec_copy(&S->val, &S->tmp);
				return;
			}
		}
	}
	long e = 0;
	size_t q = S->y.end;
	while (q > S->y.last) {
		int32_t cp = lex_last_cp(s + S->y.last, q - S->y.last);
		const struct numchar *c = numtab_get(&S->t->num, cp);
		if (!c || c->role != NR_BIG)
			break;
		e += c->value;
		q -= 3;
	}
	if (!e) {
		const struct numchar *c = numtab_get(&S->t->num, lex_cp(s + S->y.last, S->y.end - S->y.last));
		if (c && c->role == NR_UNIT && S->y.ntok == 2 && !(S->x.flags & NUM_MULT))
			e = c->value;   /* 两~3百 */
	}
	if (!e || (S->x.flags & NUM_BIGS))
		return;
	dec_copy(&S->tmp, &S->val);
	dec_shift(&S->tmp, e);
	if (dec_cmp(&S->tmp, &S->y.v) <= 0)
		dec_copy(&S->val, &S->tmp);
}

/* 3至5个, 一到两个, 3万-5万元: one mention, the lower end, mod about. */
static void range_part(struct scanner *S, const char *s, size_t n, struct found *f)
{
	const struct tables *t = S->t;
	const struct lex_entry *rg = lex_at(&t->range, s + f->q, n - f->q);
	if (!rg || (S->x.flags & (NUM_LEADZERO | NUM_LONG)))
		return;
	size_t r = f->q + rg->n;
	/* 第二至第四名, 零下五到零下十度: the upper end repeats the word before the lower one */
	const struct lex_entry *again = f->pre && r < n ? lex_at(&t->pre, s + r, n - r) : NULL;
	int both_neg = 0;
	if (again && (f->ordinal || f->neg) && again->n == f->pre->n &&
	    memcmp(again->s, f->pre->s, again->n) == 0) {
		r += again->n;
		both_neg = f->neg;
	}
	if (!numeral_parse(&S->P, s, n, r, &S->y) || (S->y.flags & (NUM_LEADZERO | NUM_LONG)))
		return;
	/* 10~15k元: an English magnitude after the upper end scales both */
	const struct lex_entry *m = S->y.end < n ? lex_at(&t->magnitudes, s + S->y.end, n - S->y.end) : NULL;
	size_t after = S->y.end;
	if (m && (S->x.flags & NUM_ARABIC) && (S->y.flags & NUM_ARABIC) &&
	    !(S->y.flags & NUM_CHINESE) &&
	    !(after + m->n < n && is_ascii_alnum((unsigned char)s[after + m->n]))) {
		long e = atol(m->f[0]);
		dec_shift(&S->y.v, e);
		dec_shift(&S->val, e);
		after += m->n;
	}
	/* A-3, 三-5: a hyphen joins ranges of Arabic numbers only */
	if (rg->s[0] == '-' && !((S->x.flags & NUM_ARABIC) && (S->y.flags & NUM_ARABIC)))
		return;
	struct found g = *f;
	g.q = after;
	unit_part(S, s, n, &g);
	if (!g.unit && !S->bare)
		return;
	*f = g;
	f->range = 1;
	shared_multiplier(S, s, r);
	/* the lower end: of two negative ends the one of the larger size */
	if ((dec_cmp(&S->y.v, &S->val) < 0) != both_neg)
		dec_copy(&S->val, &S->y.v);
	set_mod(f, "about");
}

/* 三成 = 30 %, 七成六 = 76 %, 7.5成 = 75 %; 八折 = 80 %, 七五折 = 75 %, 75折 = 75 %.
 * The tenths must be at most 10 (十成); two digits before 折 are already a percentage. */
static int tenths(struct scanner *S, const char *s, size_t n, struct found *f, int discount)
{
	unsigned fl = S->x.flags;
	if (fl & (NUM_RANGE | NUM_OVER | NUM_ABOUT | NUM_NEG | NUM_SEP))
		return 0;
	dec_set_ull(&S->tmp, 10);
	int small = dec_cmp(&S->val, &S->tmp) < (discount ? 0 : 1);
	dec_set_ull(&S->tmp, 100);
	int two = discount && !(fl & NUM_POINT) && dec_cmp(&S->val, &S->tmp) < 0 &&
	          ((fl & NUM_SEQ) || ((fl & NUM_ARABIC) && S->val.d.n == 2));
	if (!small && !two)
		return 0;
	if ((fl & NUM_HALF) && discount) {
		dec_set_ull(&S->val, 50);   /* 半折, 对折: half price */
		small = 0;
	}
	if (small) {
		dec_shift(&S->val, 1);
		const struct numchar *c = numtab_get(&S->t->num, cp_at(s, n, f->q));
		if (!discount && (fl & NUM_CHINESE) && !(fl & NUM_POINT) && c && c->role == NR_DIGIT &&
		    !c->lead && !c->fin && !unit_at(S->t, s, n, f->q + 3)) {
			dec_set_ull(&S->tmp, c->value);
			dec_add(&S->val, &S->tmp);
			f->q += 3;
		}
	}
	f->type = "percent";
	f->unit_name = "%";
	return 1;
}

/* 一吨半, 三年半, 三成半: half a unit more; 一个半小时: the unit comes after 半. */
static void half(struct scanner *S, const char *s, size_t n, struct found *f, int tenth)
{
	const struct lex_entry *h = f->q < n ? lex_at(&S->t->half, s + f->q, n - f->q) : NULL;
	if (!h || (S->x.flags & (NUM_POINT | NUM_RANGE)) || f->range || exclude_end(S->t, s, n, f->q))
		return;   /* 两个半圆: a word of the exclusion list begins with the 半 */
	dec_parse(&S->tmp, tenth ? "5" : "0.5", tenth ? 1 : 3);
	dec_add(&S->val, &S->tmp);
	f->q += h->n;
	const struct lex_entry *later = unit_at(S->t, s, n, f->q);
	if (later && strcmp(f->type, "count") == 0 && strcmp(later->f[0], "count") != 0 &&
	    strcmp(later->f[0], "tenth") != 0 && strcmp(later->f[0], "discount") != 0) {
		f->unit = later;
		f->type = later->f[0];
		f->unit_name = unit_name(later);
		f->q += later->n;
	}
}

/* After the unit: 左右, 以上, ...; 3天后 is a relative date. Returns 0 to drop. */
static int post_part(struct scanner *S, const char *s, size_t n, struct found *f)
{
	const struct lex_entry *pm = f->q < n ? lex_at(&S->t->post, s + f->q, n - f->q) : NULL;
	if (!pm)
		return 1;
	if (strcmp(pm->f[0], "date") == 0)
		return !(f->type && strcmp(f->type, "duration") == 0);
	if (pm->f[1][0] && !(f->type && strcmp(f->type, pm->f[1]) == 0))
		return 1;   /* the condition names the type the word goes with */
	if (strcmp(pm->f[0], "recent") == 0) {
		/* 近5年同期, 近三年来: 近 (the one-character "under" word) says which years,
		 * not how many */
		if (f->pre && strcmp(f->pre->f[0], "under") == 0 && f->pre->n == 3 &&
		    f->mod == f->pre->f[0])
			f->mod = NULL;
		return 1;
	}
	set_mod(f, pm->f[0]);
	f->q += pm->n;
	return 1;
}

/* Is a numeral with no unit still a quantity? Decimals, grouped digits, 1.5万, amounts
 * with a currency sign or a magnitude word are; bare Chinese numerals and plain
 * integers (years, codes, list numbers) are not, unless --bare. */
static int unitless_ok(const struct scanner *S, const char *s, size_t n, const struct found *f,
                       int scaled)
{
	unsigned fl = S->x.flags;
	if (!(fl & NUM_DIGIT))
		return 0;   /* 万 alone is a word, not ten thousand */
	if (S->bare)
		return 1;
	/* 排名第一。, 排在第4, : a rank needs no measure word at the end of a clause; before a
	 * word it names something (第一课, 第六中学, 第三产业) */
	if (f->ordinal) {
		return !(fl & (NUM_LEADZERO | NUM_LONG | NUM_POINT | NUM_SEP | NUM_RANGE | NUM_OVER)) &&
		       (!is_han(cp_at(s, n, f->q)) || lex_at(&S->t->rank, s + f->q, n - f->q));
	}
	/* 两个亿, 十三万: a Chinese numeral scaled by 万 or 亿 is an amount without a unit too
	 * (not 千万 "must", 万一 "in case": no digit first) */
	if (!(fl & NUM_ARABIC))
		return (fl & NUM_BIGS) && !(fl & (NUM_BARE | NUM_SEQ | NUM_HALF));
	if (fl & (NUM_LEADZERO | NUM_LONG))
		return 0;
	return f->cur || scaled || (fl & (NUM_POINT | NUM_SEP)) || (fl & NUM_MULT);
}

/* 一人二人三人: the next numeral has the same measure word; the mentions are a list. */
static int list_goes_on(struct scanner *S, const char *s, size_t n, const struct found *f)
{
	if (!f->unit || f->q >= n || !numeral_parse(&S->P, s, n, f->q, &S->y))
		return 0;
	return S->y.end + f->unit->n <= n && memcmp(s + S->y.end, f->unit->s, f->unit->n) == 0;
}

/* 三会一课, 三个一: a one-character numeral and a measure word followed by another
 * numeral is a slogan, not a count (第二个百年 too); not when that numeral starts a word of
 * the exclusion list (四个一线城市) or a list goes on (一人二人三人). */
static int slogan(struct scanner *S, const char *s, size_t n, const struct found *f)
{
	if (!(S->x.flags & NUM_CHINESE) || S->x.ntok > 1 || !f->unit || strcmp(f->type, "count") != 0)
		return 0;   /* 八毛一个, 一块五毛 are prices */
	const struct numchar *c = numtab_get(&S->t->num, cp_at(s, n, f->q));
	return c && (c->role == NR_DIGIT || c->role == NR_UNIT) &&
	       (f->ordinal || !exclude_end(S->t, s, n, f->q)) && !list_goes_on(S, s, n, f);
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

/* After the numeral: English magnitude, unit (or a range and its unit), 成 and 折, 半.
 * Returns 0 when the numeral cannot be a quantity. */
static int quantity_part(struct scanner *S, const char *s, size_t n, struct found *f)
{
	magnitude(S, s, n, f);
	spaced_multiplier(S, s, n, f);
	unit_part(S, s, n, f);
	if (!f->unit)
		range_part(S, s, n, f);
	int tenth = f->unit && strcmp(f->unit->f[0], "tenth") == 0;
	int discount = f->unit && strcmp(f->unit->f[0], "discount") == 0;
	if (tenth || discount) {
		if (!tenths(S, s, n, f, discount))
			return 0;
	} else if (f->unit) {
		f->type = f->unit->f[0];
		f->unit_name = unit_name(f->unit);
		if (f->unit->f[2][0]) {
			/* 一打 = 12 个: the unit reported is a multiple of the word */
			dec_parse(&S->tmp, f->unit->f[2], strlen(f->unit->f[2]));
			dec_mul(&S->val, &S->val, &S->tmp);
		}
	}
	if (f->per) {
		buf_clear(&S->ubuf);
		buf_adds(&S->ubuf, f->unit_name);
		buf_addc(&S->ubuf, '/');
		buf_adds(&S->ubuf, unit_name(f->per));
		f->unit_name = S->ubuf.p;
		return 1;
	}
	if (f->unit && !discount && !tenth)
		compound(S, s, n, f);
	if (f->unit && !discount)
		half(S, s, n, f, tenth);
	return 1;
}

/* Does the unit number sessions (届, 次: some name of the list goes with it)? */
static int session_unit(const struct tables *t, const struct lex_entry *u)
{
	for (size_t i = 0; u && i < t->name.n; i++) {
		const char *only = t->name.e[i].f[1];
		if (strlen(only) == u->n && memcmp(only, u->s, u->n) == 0)
			return 1;
	}
	return 0;
}

/* A word of the name list at q that may follow this unit (its condition field, when
 * set, names the one unit it goes with: 二期工程 but not 三个工程). */
static int name_after(const struct tables *t, const char *s, size_t n, size_t q,
                      const struct lex_entry *unit)
{
	const size_t *run;
	size_t cnt = q < n ? lex_by_first(&t->name, lex_cp(s + q, n - q), &run) : 0;
	for (size_t i = 0; i < cnt; i++) {
		const struct lex_entry *e = &t->name.e[run[i]];
		const char *only = e->f[1];
		if (e->n <= n - q && memcmp(s + q, e->s, e->n) == 0 &&
		    (!only[0] || (strlen(only) == unit->n && memcmp(only, unit->s, unit->n) == 0)))
			return 1;
	}
	return 0;
}

/* “五个必须”, “两个确立”: a Chinese numeral and a motto measure word (个) that open a
 * short quotation name a slogan, not things counted (“三张清单” stays a count). */
static int quoted_motto(const struct scanner *S, const char *s, size_t n, const struct found *f)
{
	if (!(S->x.flags & NUM_CHINESE) || (S->x.flags & NUM_ARABIC) || !f->unit ||
	    !lex_at(&S->t->motto, f->unit->s, f->unit->n) || !lex_before(&S->t->openq, s, 0, f->start))
		return 0;
	size_t q = f->q;
	for (int k = 0; k < 8 && q < n; k++) {
		if (lex_at(&S->t->closeq, s + q, n - q))
			return 1;
		if (lex_at(&S->t->clause, s + q, n - q) || lex_at(&S->t->openq, s + q, n - q))
			return 0;
		int32_t cp;
		q += u8_decode(s + q, n - q, &cp);
	}
	return 0;
}

/* 资金净流入652.98亿: an amount scaled by a multiplier with no unit is money when a word of
 * the money list comes earlier in the clause (up to 12 characters back). */
static int money_context(const struct scanner *S, const char *s, const struct found *f)
{
	size_t p = f->start;
	for (int k = 0; k < 12 && p > 0; k++) {
		if (lex_before(&S->t->money, s, 0, p))
			return 1;
		if (lex_before(&S->t->clause, s, 0, p))
			return 0;
		p = char_before(s, p);
	}
	return 0;
}

/* 单位：万元, 单位:亿元: 万 or 亿 alone after a header word and a colon names the unit of a
 * table, it counts nothing (万名从业人员 does). */
static int table_header(const struct scanner *S, const char *s, const struct found *f)
{
	unsigned fl = S->x.flags;
	if ((fl & (NUM_DIGIT | NUM_HALF)) || !(fl & NUM_BIGS) || f->pre || !f->unit)
		return 0;
	size_t b = f->start;
	if (b >= 1 && s[b - 1] == ':')
		b--;
	else if (b >= 3 && lex_cp(s + b - 3, 3) == FULLWIDTH_COLON)
		b -= 3;
	else
		return 0;
	return lex_before(&S->t->header, s, 0, b) != NULL;
}

/* The policy on a complete mention: is it a quantity, and of which type? */
static int accept(struct scanner *S, const char *s, size_t n, size_t pos, struct found *f,
                  int scaled)
{
	if (!f->type) {
		if (!unitless_ok(S, s, n, f, scaled))
			return 0;
		f->type = "other";
	}
	if (f->unit && !f->pre && !f->cur && strcmp(f->unit->f[4], "degree") == 0 &&
	    (f->scale = lex_before(&S->t->scale, s, 0, f->start))) {
		f->unit_name = f->scale->f[0];   /* 华氏98.6度 */
		f->start -= f->scale->n;
	}
	if (!f->unit && !f->cur && (S->x.flags & NUM_MULT) && strcmp(f->type, "other") == 0 &&
	    money_context(S, s, f))
		f->type = "money";
	/* 花了一百块: 块 is yuan where the clause speaks of money and no noun follows (三块蛋糕) */
	if (f->unit && f->unit->f[3][0] == 'm' && strcmp(f->type, "count") == 0 &&
	    strcmp(f->unit->f[3], "money") == 0 &&
	    (!is_han(cp_at(s, n, f->q)) || lex_at(&S->t->post, s + f->q, n - f->q)) &&
	    money_context(S, s, f)) {
		f->type = "money";
		f->unit_name = S->t->yuan;
	}
	if (f->cur && (!f->unit || strcmp(f->type, "other") == 0)) {
		f->type = "money";
		f->unit_name = f->cur->f[0];
	} else if (f->cur && strcmp(f->type, "money") == 0 && S->t->yuan &&
	           strcmp(f->unit_name, S->t->yuan) == 0) {
		f->unit_name = f->cur->f[0];   /* 港币五十元: the 元 of the currency named before */
	} else if (f->cur && !(S->x.flags & NUM_ARABIC)) {
		f->start += f->cur->n;   /* 美元三个: the name belongs to something else */
		f->cur = NULL;
	}
	/* 半场, 半块: half of a counted thing is no count (半年, 半公里, 半成 are); the 对
	 * of 对口, 对台 is no number, only that of 打对折 (对折 alone is folding in two) */
	unsigned fl = S->x.flags;
	if (table_header(S, s, f))
		return 0;
	if ((fl & NUM_HALF) && !(fl & NUM_MULT) &&
	    (strcmp(f->type, "count") == 0 || strcmp(f->type, "score") == 0))
		return 0;
	if ((fl & NUM_DISC) && !(f->unit && strcmp(f->unit->f[0], "discount") == 0 &&
	                         lex_before(&S->t->disc, s, 0, pos)))
		return 0;
	/* 2929.09点: a count is a whole number; with decimals the word measures (index points) */
	if (!whole(&S->val) && strcmp(f->type, "count") == 0)
		f->type = "other";
	if (S->bare)
		return 1;
	/* 一名学生 is "a student"; 一吨, 一年 stay quantities, and so does the first of a list */
	if ((S->x.flags & NUM_ARTICLE) && strcmp(f->type, "count") == 0 && !f->pre && !f->range &&
	    !freq_before(S->t, s, pos, f->unit) && !list_goes_on(S, s, n, f) &&
	    !(f->unit && name_after(S->t, s, n, f->q, f->unit) &&
	      (session_unit(S->t, lex_before(&S->t->units, s, 0, pos)) ||
	       lex_before(&S->t->name, s, 0, pos))))
		return 0;   /* 十四届一次会议: the first session; 召开一次会议 is "a meeting" */
	if (lone_zero(S) || parallel(S, s, pos) || quoted_motto(S, s, n, f))
		return 0;
	/* 新的一年, 这一年, 此前一天, 同一天: a determiner before 一 and a span of time
	 * points at one period, it measures none (过去一年, 一年来 do) */
	if ((S->x.flags & NUM_ARTICLE) && strcmp(f->type, "duration") == 0 && !f->pre &&
	    lex_before(&S->t->det, s, 0, pos))
		return 0;
	/* 每百户: a bare 百 or 千 after 每 is the base of a rate, not a quantity */
	if (slogan(S, s, n, f) || (!(fl & NUM_DIGIT) && lex_before(&S->t->freq, s, 0, f->start)))
		return 0;
	return 1;
}

/* 十九届五中全会, 四次会议, 二期工程: the number names a session or a phase, an
 * ordinal; so does the first number of 十四届一次会议, where a numbered session follows. */
static int names_session(struct scanner *S, const char *s, size_t n, const struct found *f)
{
	if (!f->unit)
		return 0;
	if (name_after(S->t, s, n, f->q, f->unit))
		return 1;
	/* the first unit must itself number sessions (2977名十四届全国人大代表 is a count) */
	if (f->q >= n || !numeral_parse(&S->P, s, n, f->q, &S->y) || !session_unit(S->t, f->unit))
		return 0;
	const struct lex_entry *u = unit_at(S->t, s, n, S->y.end);
	return u && name_after(S->t, s, n, S->y.end + u->n, u);
}

/* 1999.11 with no unit: a year and a month, not a decimal. */
static int year_month(const struct scanner *S, const char *s, size_t n, size_t pos,
                      const struct found *f)
{
	size_t e = S->x.end, l;
	if ((S->x.flags & ~(unsigned)(NUM_ARABIC | NUM_POINT | NUM_DIGIT)) || !(S->x.flags & NUM_POINT) ||
	    f->q != e || e - pos < 6 || e - pos > 7 || s[pos + 4] != '.' || (e < n && digit_at(s + e, n - e, &l) >= 0))
		return 0;
	int y = atoi(s + pos), m = atoi(s + pos + 5);
	return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && (e - pos == 6 || s[pos + 5] <= '1');
}

/* The ratio colon (∶) or ':' at q: its length, or 0. */
static size_t colon_at(const char *s, size_t n, size_t q)
{
	if (q < n && s[q] == ':')
		return 1;
	return q + 3 <= n && lex_cp(s + q, 3) == RATIO_COLON ? 3 : 0;
}

/* 86∶76, 1.1:50.3:48.6: numbers joined by a colon are a score (integers) or the terms of
 * a ratio (decimals, reported as they are). 20:30 with ':' and two digits is a clock time. */
static void ratio_part(struct scanner *S, const char *s, size_t n, size_t pos, struct found *f)
{
	unsigned fl = S->x.flags;
	if (!(fl & NUM_ARABIC) || (fl & (NUM_CHINESE | NUM_SEP | NUM_LEADZERO | NUM_LONG)) ||
	    f->q != S->x.end)
		return;
	size_t l = colon_at(s, n, f->q), dl;
	int after = l && digit_at(s + f->q + l, n - f->q - l, &dl) >= 0;
	int before = 0, point = 0;
	if (after) {
		size_t d = f->q + l;
		while (d < n && s[d] >= '0' && s[d] <= '9')
			d++;
		point = d + 1 < n && s[d] == '.' && s[d + 1] >= '0' && s[d + 1] <= '9';
	} else if (pos >= 2) {
		size_t b = pos;
		if (s[pos - 1] == ':')
			b = pos - 1;
		else if (pos >= 4 && lex_cp(s + pos - 3, 3) == RATIO_COLON)
			b = pos - 3;
		before = b < pos && b > 0 && digit_at(s + b - 1, 1, &dl) >= 0;
		l = pos - b;
		for (size_t d = b; before && d > 0 && ((s[d - 1] >= '0' && s[d - 1] <= '9') || s[d - 1] == '.');
		     d--)
			point |= s[d - 1] == '.';
	}
	if (!after && !before)
		return;
	if (l == 1) {
		/* hh:mm: the part after ':' has two digits and both parts look like a time */
		size_t a = after ? pos : pos - 1;
		while (a > 0 && s[a - 1] >= '0' && s[a - 1] <= '9')
			a--;
		size_t c = after ? f->q + 1 : pos, d = c;
		while (d < n && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d - c == 2 && atoi(s + a) <= 24 && atoi(s + c) < 60)
			return;
	}
	/* 1.2:1 is a ratio whichever term has the decimals */
	f->type = (fl & NUM_POINT) || point ? "other" : "score";
}

/* 10亿和4.32亿欧元: an amount scaled by 万 or 亿 with no unit takes the unit of the next
 * amount, when a word of the share list joins them. */
static void share_unit(struct scanner *S, const char *s, size_t n, struct found *f)
{
	const struct lex_entry *w = f->q < n ? lex_at(&S->t->share, s + f->q, n - f->q) : NULL;
	if (!w || !(S->x.flags & NUM_BIGS) || !numeral_parse(&S->P, s, n, f->q + w->n, &S->y) ||
	    !(S->y.flags & NUM_BIGS))
		return;
	const struct lex_entry *u = unit_at(S->t, s, n, S->y.end);
	if (!u || u->f[2][0] || (strcmp(u->f[0], "money") != 0 && strcmp(u->f[0], "measure") != 0))
		return;
	f->type = u->f[0];
	f->unit_name = unit_name(u);
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
	if (!fr && !quantity_part(S, s, n, &f))
		return 0;
	if (f.pre && strcmp(f.pre->f[1], "rank") == 0 &&
	    !(!f.unit || lex_at(&S->t->rank, f.unit->s, f.unit->n))) {
		f.pre = NULL;   /* 前三季度, 前5个月: a period, not a rank */
		f.ordinal = 0;
		f.start = pos;
	}
	int scaled = f.q > before_mag && !f.unit;
	if (!f.type && !f.cur) {
		if (year_month(S, s, n, pos, &f))
			return 0;
		ratio_part(S, s, n, pos, &f);
		share_unit(S, s, n, &f);
	}
	if (!post_part(S, s, n, &f) || !accept(S, s, n, pos, &f, scaled))
		return 0;
	if (names_session(S, s, n, &f))
		f.ordinal = 1;
	if (f.ordinal)
		f.type = "ordinal";
	if (f.neg)
		S->val.neg = !dec_is_zero(&S->val);
	emit(S, &f, fn, ctx);
	return f.q;
}

/* Letters right before the digits (AK47, G20, iOS14) or right after (4G, 5A): a name. */
static int in_code(const char *s, size_t n, size_t pos, const struct numeral *x,
                   const struct tables *t)
{
	if (!(x->flags & NUM_ARABIC) || (x->flags & NUM_CHINESE))
		return 0;
	if (pos > 0 && (is_ascii_alpha((unsigned char)s[pos - 1]) || s[pos - 1] == '_') &&
	    !lex_before(&t->currency, s, 0, pos))
		return 1;   /* CNY1.25 is money */
	if (pos > 1 && s[pos - 1] == '-' && is_ascii_alpha((unsigned char)s[pos - 2]))
		return 1;   /* SH-60K, F-16, CCTV-8K */
	size_t q = x->end;
	if (q < n && (s[q] == '@' || s[q] == '_'))
		return 1;
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

/* 仟分之贰: a lone financial numeral is a number when 分之 follows it. */
static int fin_denominator(struct scanner *S, const char *s, size_t n, size_t pos, size_t clen)
{
	if (pos + clen >= n || !lex_at(&S->t->frac, s + pos + clen, n - pos - clen))
		return 0;
	if (!numerator(S, s, n, pos))
		return 0;
	struct numeral t = S->x;   /* the parse went into y; swap, both keep their buffers */
	S->x = S->y;
	S->y = t;
	return 1;
}

/* 壹元, 叁角, 壹打: a lone financial numeral is a number right before a unit of money
 * or a unit that stands for a multiple (打 = 12 个). */
static int fin_money(struct scanner *S, const char *s, size_t n, size_t pos)
{
	if (!numerator(S, s, n, pos) || S->y.ntok != 1)
		return 0;
	const struct lex_entry *u = unit_at(S->t, s, n, S->y.end);
	if (!u || (strcmp(u->f[0], "money") != 0 && !u->f[2][0]))
		return 0;
	struct numeral t = S->x;
	S->x = S->y;
	S->y = t;
	return 1;
}

/* One candidate position: returns where scanning goes on. */
static size_t candidate(struct scanner *S, const char *s, size_t n, size_t pos, size_t clen,
                        mention_fn fn, void *ctx)
{
	if (!numeral_parse(&S->P, s, n, pos, &S->x) && !fin_denominator(S, s, n, pos, clen) &&
	    !fin_money(S, s, n, pos))
		return pos + clen;
	if ((S->x.flags & NUM_MULT) && S->x.ntok > 1) {
		const struct lex_entry *u = unit_at(S->t, s, n, S->x.last);
		if (u && u->n > S->x.end - S->x.last &&
		    !numeral_parse(&S->P, s, S->x.last, pos, &S->x))
			return pos + clen;
	}
	/* 对 is a half only in 对折: elsewhere (对于, 针对) it is no numeral, and common */
	if (S->x.flags & NUM_DISC) {
		const struct lex_entry *u = unit_at(S->t, s, n, S->x.end);
		if (!u || strcmp(u->f[0], "discount") != 0)
			return pos + clen;
	}
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

/* A URL (://, www.) runs to the next space or non-ASCII character; its digits are no
 * quantities. Returns where to go on from s[i] (i + 1 when no URL starts here). */
static size_t past_url(const char *s, size_t n, size_t i)
{
	if (!((s[i] == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/') ||
	      (s[i] == 'w' && i + 4 <= n && memcmp(s + i, "www.", 4) == 0 &&
	       (i == 0 || !is_ascii_alnum((unsigned char)s[i - 1])))))
		return i + 1;
	while (i < n && (unsigned char)s[i] > 0x20 && (unsigned char)s[i] < 0x80)
		i++;
	return i;
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
				i = (b == ':' || b == 'w') ? past_url(s, n, i) : i + 1;
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
		/* 十分 is "very", 十分之一 a tenth */
		if (ex && !lex_at(&S->t->frac, s + i + l, n - i - l)) {
			i = ex;
			continue;
		}
		i = candidate(S, s, n, i, l, nskip ? guarded : fn, nskip ? (void *)&g : ctx);
	}
}
