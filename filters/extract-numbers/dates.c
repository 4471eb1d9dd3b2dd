/* dates: recognise the date and time spans that start with a numeral. */
#include <stdlib.h>
#include <string.h>
#include "dates.h"

/* The value of a small plain integer numeral, or -1; of 七八 (晚上七八点, 七八月份)
 * the lower end. */
static long small_int(const struct numeral *x)
{
	if (x->flags & (NUM_POINT | NUM_SEP | NUM_OVER | NUM_ABOUT | NUM_NEG))
		return -1;
	if (x->v.scale || x->v.d.n > 9)
		return -1;
	return x->v.d.n ? atol(x->v.d.p) : 0;
}

static const char *role_at(const struct tables *t, const char *text, size_t len, size_t q,
                           size_t *wl)
{
	const struct lex_entry *e = q < len ? lex_at(&t->datewords, text + q, len - q) : NULL;
	*wl = e ? e->n : 0;
	return e ? e->f[0] : "";
}

static int is_year(const struct numeral *x)
{
	if (x->flags & NUM_SEQ)
		return x->v.d.n == 4 || x->v.d.n == 2;
	return (x->flags & NUM_ARABIC) && !(x->flags & NUM_CHINESE) && x->v.d.n == 4 &&
	       small_int(x) >= 1000;
}

/* What may follow each part of a chain: 年 -> 月 -> 日, 时/点 -> 分 -> 秒. */
static int follows(const char *prev, const char *role)
{
	return (strcmp(prev, "year") == 0 && strcmp(role, "month") == 0) ||
	       (strcmp(prev, "month") == 0 && strcmp(role, "day") == 0) ||
	       (strcmp(prev, "hour") == 0 && strcmp(role, "minute") == 0) ||
	       (strcmp(prev, "minute") == 0 && strcmp(role, "second") == 0);
}

/* After one part of a date or time at q, swallow the parts that continue it. */
static size_t chain(const struct tables *t, struct numparser *P, const char *text, size_t len,
                    size_t q, const char *prev)
{
	struct numeral y;
	numeral_init(&y);
	for (;;) {
		/* 10月1日至4日, 2024—2028年: the other end of a range of the same part */
		const struct lex_entry *rg = q < len ? lex_at(&t->range, text + q, len - q) : NULL;
		size_t at = rg ? q + rg->n : q;
		if (at >= len || !numeral_parse(P, text, len, at, &y))
			break;
		size_t wl;
		const char *role = role_at(t, text, len, y.end, &wl);
		long v = small_int(&y);
		if (v < 0 || (rg ? strcmp(prev, role) != 0 : !follows(prev, role)))
			break;
		q = y.end + wl;
		prev = role;
	}
	numeral_free(&y);
	return q;
}

static int before_is(const struct lexicon *L, const char *text, size_t pos)
{
	return lex_before(L, text, 0, pos) != NULL;
}

static int after_is(const struct lexicon *L, const char *text, size_t len, size_t q)
{
	return q < len && lex_at(L, text + q, len - q) != NULL;
}

/* 20-09-02, 2019/12/13, 2005-2009: Arabic numbers joined by - or /. */
static size_t dashed(struct numparser *P, const char *text, size_t len, size_t pos,
                     const struct numeral *x)
{
	size_t q = x->end, l;
	if (!(x->flags & NUM_ARABIC) || (x->flags & NUM_CHINESE) || q + 1 >= len ||
	    (text[q] != '-' && text[q] != '/') || digit_at(text + q + 1, len - q - 1, &l) < 0)
		return 0;
	char sep = text[q];
	struct dec v = DEC_INIT;
	unsigned f = 0;
	size_t r = arabic_parse(P, text, len, q + 1, &v, &f);
	size_t end = 0;
	if (r + 1 < len && text[r] == sep && digit_at(text + r + 1, len - r - 1, &l) >= 0)
		end = arabic_parse(P, text, len, r + 1, &v, &f);
	else if (is_year(x))
		end = r;
	dec_free(&v);
	(void)pos;
	return end;
}

/* 14:52 or 14:52:07: two digits after each colon. */
static size_t clock(const char *text, size_t len, size_t q)
{
	size_t l1, l2, end = 0;
	while (q < len && digit_at(text + q, len - q, &l1) >= 0 &&
	       digit_at(text + q + l1, len - q - l1, &l2) >= 0) {
		size_t r = q + l1 + l2, l3;
		if (digit_at(text + r, len - r, &l3) >= 0)
			break;
		end = r;
		if (r < len && (text[r] == ':'))
			q = r + 1;
		else
			break;
	}
	return end;
}

size_t date_end(const struct tables *t, struct numparser *P, const char *text, size_t len,
                size_t pos, const struct numeral *x)
{
	size_t d = dashed(P, text, len, pos, x);
	if (d)
		return d;
	long v = small_int(x);
	if (v < 0 && !(x->flags & NUM_SEQ))
		return 0;
	size_t wl, q = x->end;
	const char *role = role_at(t, text, len, q, &wl);
	/* 16—17日, 1至6日: the role is that of the other end of a range */
	const struct lex_entry *rg0 = q < len ? lex_at(&t->range, text + q, len - q) : NULL;
	if (!*role && rg0 && !is_year(x)) {
		struct numeral z;
		numeral_init(&z);
		if (numeral_parse(P, text, len, q + rg0->n, &z) && small_int(&z) >= 0) {
			size_t zl;
			const char *zr = role_at(t, text, len, z.end, &zl);
			if (strcmp(zr, "day") == 0 || strcmp(zr, "month") == 0) {
				role = zr;
				wl = zl;
				q = z.end;
			}
		}
		numeral_free(&z);
	}
	const struct lex_entry *u = q < len ? lex_at(&t->units, text + q, len - q) : NULL;
	if (u && u->n > wl)
		return 0;   /* 10日元 is money, 3月份 stays a month */
	if (strcmp(role, "clock") == 0 && v >= 0 && v <= 24)
		return clock(text, len, q + wl);
	if (strcmp(role, "year") == 0 && is_year(x))
		return chain(t, P, text, len, q + wl, "year");
	/* 2024—2028年 */
	const struct lex_entry *rg = q < len ? lex_at(&t->range, text + q, len - q) : NULL;
	if (rg && is_year(x)) {
		size_t e = chain(t, P, text, len, q, "year");
		if (e > q)
			return e;
	}
	if (strcmp(role, "decade") == 0)
		return q + wl;
	if (strcmp(role, "month") == 0 && v >= 1 && v <= 12)
		return chain(t, P, text, len, q + wl, "month");
	/* 约3日 is a span of about three days; 北约29日, 附近14日 are dates (words that only
	 * end like an approximation word have no meaning in the table) */
	const struct lex_entry *pre = lex_before(&t->pre, text, 0, pos);
	if (strcmp(role, "day") == 0 && v >= 1 && v <= 31 && !(pre && pre->f[0][0]) &&
	    (before_is(&t->daybefore, text, pos) || after_is(&t->dayafter, text, len, q + wl) ||
	     !(before_is(&t->spanbefore, text, pos) || after_is(&t->spanafter, text, len, q + wl))))
		return chain(t, P, text, len, q + wl, "day");
	/* 10时 is always a time; 3点 only after 下午 or before minutes (else: 3点意见) */
	int hour = strcmp(role, "hour") == 0, ohour = strcmp(role, "ohour") == 0;
	if ((hour || ohour) && v >= 0 && v <= 24) {
		size_t e = chain(t, P, text, len, q + wl, "hour");
		if (hour || e > q + wl || before_is(&t->daytime, text, pos))
			return e;
	}
	return 0;
}
