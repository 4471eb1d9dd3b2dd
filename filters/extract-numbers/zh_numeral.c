/* zh_numeral: one numeral, Arabic, Chinese or mixed, into an exact decimal. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "lexicon.h"
#include "utf8.h"
#include "zh_numeral.h"

/* ---- the character table ---- */

static const char *const role_names[] = {
	"", "digit", "zero", "unit", "big", "point", "neg", "vague", "vmid", "link", "half", "tens"
};

struct load_ctx {
	struct numtab *T;
};

static void load_line(void *ctx, char **f, size_t nf, const char *name, unsigned long line)
{
	struct numtab *T = ((struct load_ctx *)ctx)->T;
	int32_t cp = lex_first_cp(f[0], strlen(f[0]));
	int role = 0;
	for (int r = 1; r < (int)(sizeof role_names / sizeof *role_names); r++)
		if (nf > 1 && strcmp(f[1], role_names[r]) == 0)
			role = r;
	if (cp < 0 || cp > 0xFFFF || !role || T->n == sizeof T->ch / sizeof *T->ch) {
		warn_at(name, line, "bad numeral character line, ignored");
		return;
	}
	struct numchar *c = &T->ch[T->n];
	memset(c, 0, sizeof *c);
	c->role = (unsigned char)role;
	if (role == NR_VMID)
		c->mod = nf > 2 && strcmp(f[2], "about") == 0 ? NUM_ABOUT : NUM_OVER;
	else if (nf > 2)
		c->value = (unsigned char)atoi(f[2]);
	c->fin = nf > 3 && strcmp(f[3], "fin") == 0;
	c->lead = nf > 3 && strcmp(f[3], "lead") == 0;
	c->disc = nf > 3 && strcmp(f[3], "disc") == 0;
	c->seq = nf > 3 && strcmp(f[3], "seq") == 0;
	T->idx[cp] = (uint8_t)++T->n;
}

void numtab_load(struct numtab *T, const char *data, size_t len, const char *name)
{
	memset(T, 0, sizeof *T);
	T->idx = xcalloc(0x10000, 1);
	struct load_ctx c = { T };
	lex_each_line(data, len, name, 4, load_line, &c);
}

void numtab_free(struct numtab *T)
{
	free(T->idx);
	T->idx = NULL;
}


/* ---- Arabic numbers ---- */

int digit_at(const char *s, size_t n, size_t *len)
{
	if (n >= 1 && s[0] >= '0' && s[0] <= '9') {
		*len = 1;
		return s[0] - '0';
	}
	if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
		*len = 3;
		return (unsigned char)s[2] - 0x90;
	}
	return -1;
}

/* A decimal point: '.' or the full-width '．'. Returns its length or 0. */
static size_t point_at(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '.')
		return 1;
	if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
	    (unsigned char)s[2] == 0x8E)
		return 3;
	return 0;
}

static size_t digit_run(const char *s, size_t n, size_t q, struct buf *out, size_t *count)
{
	size_t l;
	int d;
	*count = 0;
	while (q < n && (d = digit_at(s + q, n - q, &l)) >= 0) {
		buf_addc(out, (char)('0' + d));
		q += l;
		(*count)++;
	}
	return q;
}

/* ",ddd" not followed by another digit: a thousands group. The full-width comma is a
 * clause break in Chinese, so it separates groups only between full-width digits
 * (４，５６５). Returns the bytes of the group, or 0. */
static size_t group_at(const char *s, size_t n, size_t q, struct buf *out)
{
	size_t cl, need;
	if (q < n && s[q] == ',') {
		cl = 1;
		need = 1;
	} else if (q + 3 <= n && (unsigned char)s[q] == 0xEF && (unsigned char)s[q + 1] == 0xBC &&
	           (unsigned char)s[q + 2] == 0x8C) {
		cl = 3;
		need = 3;
	} else {
		return 0;
	}
	size_t r = q + cl, l;
	char d[3];
	for (int i = 0; i < 3; i++) {
		int v = digit_at(s + r, n - r, &l);
		if (v < 0 || l != need)
			return 0;
		d[i] = (char)('0' + v);
		r += l;
	}
	if (digit_at(s + r, n - r, &l) >= 0)
		return 0;
	buf_add(out, d, 3);
	return r - q;
}

size_t arabic_parse(struct numparser *P, const char *s, size_t n, size_t pos, struct dec *v,
                    unsigned *flags)
{
	struct buf *b = &P->digits;
	buf_clear(b);
	size_t nd, q = digit_run(s, n, pos, b, &nd);
	if (!nd)
		return pos;
	*flags = NUM_ARABIC;
	if (nd > 1 && b->p[0] == '0')
		*flags |= NUM_LEADZERO;
	size_t g;
	if (nd <= 3)
		while ((g = group_at(s, n, q, b))) {
			q += g;
			*flags |= NUM_SEP;
		}
	size_t pl = point_at(s + q, n - q), l, fd;
	if (pl && digit_at(s + q + pl, n - q - pl, &l) >= 0) {
		buf_addc(b, '.');
		q = digit_run(s, n, q + pl, b, &fd);
		*flags |= NUM_POINT;
		pl = point_at(s + q, n - q);
		if (pl && digit_at(s + q + pl, n - q - pl, &l) >= 0)
			*flags |= NUM_DOTTED;
	}
	if (nd >= 7 && !(*flags & (NUM_SEP | NUM_POINT)))
		*flags |= NUM_LONG;
	dec_parse(v, b->p, b->n);
	return q;
}

/* ---- Chinese numerals ---- */

void numparser_init(struct numparser *P, const struct numtab *T)
{
	memset(P, 0, sizeof *P);
	P->T = T;
}

void numparser_free(struct numparser *P)
{
	dec_free(&P->result);
	dec_free(&P->section);
	dec_free(&P->pend);
	dec_free(&P->tmp);
	buf_free(&P->digits);
}

void numeral_init(struct numeral *x)
{
	memset(x, 0, sizeof *x);
}

void numeral_free(struct numeral *x)
{
	dec_free(&x->v);
}

/* The kind of the token read last: decides what may follow. */
enum prev { P_NONE, P_DIGIT, P_ZERO, P_UNIT, P_BIG, P_ARABIC, P_VAGUE, P_VMID, P_NEG, P_HALF };

struct state {
	enum prev prev;
	int have_pend;     /* P->pend holds a digit not yet multiplied */
	int seq;           /* digit-by-digit reading */
	int last_digit;    /* value of the last Chinese digit */
	int digit_run;     /* Chinese digits in a row */
	int small_max;     /* a unit inside a section must be smaller than the previous one */
	int last_exp;      /* power of ten of the last unit or big unit */
	int unit_then_digit; /* the last digit came right after a unit (一万三 = 13000) */
	long low_exp;      /* lowest place of the result so far, -1 when none */
	int bigs;          /* big units seen */
	int disc;          /* began with the 对 of 对折, which nothing may follow */
};

static const struct numchar *char_at(const struct numtab *T, const char *s, size_t n, size_t q,
                                     size_t *len)
{
	if (q >= n || (unsigned char)s[q] < 0x80) {
		*len = 1;
		return NULL;
	}
	unsigned char b = (unsigned char)s[q];
	*len = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
	if (*len > n - q)
		*len = n - q;
	return numtab_get(T, lex_cp(s + q, n - q));
}

static int is_numeric_at(const struct numtab *T, const char *s, size_t n, size_t q, int role_mask)
{
	size_t l;
	if (q < n && digit_at(s + q, n - q, &l) >= 0)
		return (role_mask & (1 << NR_DIGIT)) != 0;
	const struct numchar *c = char_at(T, s, n, q, &l);
	return c && (role_mask & (1 << c->role));
}

/* section += m * 10^e */
static void add_scaled(struct numparser *P, struct dec *acc, const struct dec *m, int e)
{
	dec_copy(&P->tmp, m);
	dec_shift(&P->tmp, e);
	dec_add(acc, &P->tmp);
}

static void flush_pend(struct numparser *P, struct state *st)
{
	if (st->have_pend) {
		dec_add(&P->section, &P->pend);
		st->have_pend = 0;
	}
}

static int on_digit(struct numparser *P, struct state *st, const struct numchar *c,
                    const char *s, size_t n, size_t next)
{
	int d = c->role == NR_ZERO ? 0 : c->value;
	if (st->prev == P_DIGIT || (st->prev == P_ZERO && st->seq)) {
		int ahead = is_numeric_at(P->T, s, n, next, 1 << NR_DIGIT | 1 << NR_ZERO);
		/* 七八点五 is 78.5; 七八点 is "seven or eight o'clock" */
		size_t pl;
		int point = is_numeric_at(P->T, s, n, next, 1 << NR_POINT) &&
		            (char_at(P->T, s, n, next, &pl), is_numeric_at(P->T, s, n, next + pl,
		                                                         1 << NR_DIGIT | 1 << NR_ZERO));
		/* 三五百, 三五天: "three to five" is the one range of digits that are not neighbours,
		 * and only at the start of a numeral (十三五 is a plan's name) */
		int three_five = st->last_digit == 3 && d == 5 && st->small_max == 99 && !st->bigs &&
		                 dec_is_zero(&P->section) && dec_is_zero(&P->result);
		if (!st->seq && st->digit_run == 1 && (d == st->last_digit + 1 || three_five) && d > 1 &&
		    !ahead && !point && c->role == NR_DIGIT) {
			st->last_digit = d;
			st->digit_run++;
			return 2;   /* a range: keep the lower digit pending */
		}
		if (c->lead || st->bigs || st->small_max != 99)
			return 0;
		st->seq = 1;
		buf_addc(&P->digits, (char)('0' + d));
		st->last_digit = d;
		st->digit_run++;
		return 1;
	}
	if (st->prev == P_ARABIC || st->prev == P_VAGUE || st->prev == P_HALF)
		return 0;
	/* 幺 is 一 only in digits read one by one (幺八九 = 189, 三幺四): first, another digit
	 * must follow, and it starts the sequence (幺二 is 12, not "one or two") */
	if (c->seq) {
		if (st->prev != P_NONE || !is_numeric_at(P->T, s, n, next, 1 << NR_DIGIT | 1 << NR_ZERO))
			return 0;
		st->seq = 1;
	}
	/* 两万两 is 20000 of the weight 两; 两万两千 is 22000 */
	if (c->lead && (st->prev == P_UNIT || st->prev == P_BIG) &&
	    !is_numeric_at(P->T, s, n, next, 1 << NR_UNIT | 1 << NR_BIG))
		return 0;
	if (c->role == NR_ZERO) {
		/* 〇 or 零 first: a digit sequence (〇五) only if digits follow, else zero itself */
		buf_clear(&P->digits);
		buf_addc(&P->digits, '0');
		st->last_digit = 0;
		st->digit_run = 1;
		st->unit_then_digit = 0;
		return 1;
	}
	st->unit_then_digit = st->prev == P_UNIT || st->prev == P_BIG;
	dec_set_ull(&P->pend, (unsigned long long)d);
	st->have_pend = 1;
	buf_clear(&P->digits);
	buf_addc(&P->digits, (char)('0' + d));
	st->last_digit = d;
	st->digit_run = 1;
	return 1;
}

static int on_unit(struct numparser *P, struct state *st, const struct numchar *c, unsigned *flags)
{
	int e = c->value;
	/* 零三十, the 一小时零三十分钟 of a compound: a leading 零 joins, and the digit after
	 * it begins the numeral rather than a digit sequence */
	if (st->seq && st->digit_run == 2 && P->digits.n == 2 && P->digits.p[0] == '0' &&
	    st->prev == P_DIGIT && dec_is_zero(&P->section) && dec_is_zero(&P->result)) {
		st->seq = 0;
		dec_set_ull(&P->pend, (unsigned long long)(P->digits.p[1] - '0'));
		st->have_pend = 1;
	}
	if (st->seq || e >= st->small_max || st->prev == P_VMID || st->disc)
		return 0;   /* 对十起: 对 is "to", not a half */
	/* 千百年, 万千: 百 or 千 right after another multiplier without a digit between is
	 * no numeral but a vague word ("for ages", "myriad"); 一百十一 is 111 */
	if (!st->have_pend && (st->prev == P_UNIT || st->prev == P_BIG) && e >= 2)
		return 0;
	/* 零十: a leading 零 before 十 is only spoken emphasis, 10 */
	if (st->have_pend && st->prev == P_DIGIT && st->digit_run == 1 && st->last_digit == 0 &&
	    e == 1 && dec_is_zero(&P->pend) && dec_is_zero(&P->section) && dec_is_zero(&P->result))
		st->have_pend = 0;
	if (!st->have_pend) {
		if (st->prev == P_NONE || st->prev == P_NEG)
			*flags |= NUM_BARE;
		dec_set_ull(&P->pend, 1);
	}
	add_scaled(P, &P->section, &P->pend, e);
	if (e == 1 || st->prev == P_HALF)
		*flags |= NUM_DIGIT;   /* 十 alone is ten, 半百 fifty; 百, 千, 万 alone are words */
	st->have_pend = 0;
	st->small_max = e;
	st->last_exp = e;
	return 1;
}

static int on_big(struct numparser *P, struct state *st, const struct numchar *c, unsigned *flags)
{
	int e = c->value;
	if ((st->seq && st->digit_run > 1) || st->bigs >= NUM_MAX_BIGS || st->disc)
		return 0;
	if (st->prev == P_NONE || st->prev == P_NEG) {
		*flags |= NUM_BARE;
		dec_set_ull(&P->pend, 1);
		st->have_pend = 1;
	}
	/* 百二万, 三千五万: the digit after 百 or 千 takes the next place down before 万 too
	 * (1200000, 35000000), as it does at the end (一百二 = 120) */
	if (st->have_pend && st->unit_then_digit && (st->prev == P_DIGIT || st->prev == P_ARABIC) &&
	    st->last_exp >= 2 && st->last_exp <= 3)
		dec_shift(&P->pend, st->last_exp - 1);
	flush_pend(P, st);
	int sec_zero = dec_is_zero(&P->section);
	if (sec_zero && st->prev != P_BIG && st->prev != P_VMID && dec_is_zero(&P->result))
		return 0;
	/* 万亿亿: a big unit right after another multiplies everything before it */
	if (st->low_exp < 0 || e >= st->low_exp || (sec_zero && st->prev == P_BIG)) {
		dec_add(&P->result, &P->section);
		dec_shift(&P->result, e);
		st->low_exp = sec_zero && st->low_exp >= 0 ? st->low_exp + e : e;
	} else {
		add_scaled(P, &P->result, &P->section, e);
		st->low_exp = e;
	}
	dec_zero(&P->section);
	st->small_max = 99;
	st->last_exp = e;
	st->bigs++;
	*flags |= NUM_BIGS;
	return 1;
}

/* 点 and the digits read one by one after it; a big unit after them scales the whole. */
static size_t on_point(struct numparser *P, struct state *st, const char *s, size_t n, size_t q)
{
	size_t l, r = q;
	struct buf *b = &P->digits;
	buf_clear(b);
	buf_addc(b, '0');
	buf_addc(b, '.');
	const struct numchar *c;
	while ((c = char_at(P->T, s, n, r, &l)) && (c->role == NR_DIGIT || c->role == NR_ZERO) && !c->lead) {
		buf_addc(b, (char)('0' + (c->role == NR_ZERO ? 0 : c->value)));
		r += l;
	}
	/* 一百点123, 零點77: Arabic decimals after a Chinese whole part (the clock time 十点30分
	 * is a date-like span the scanner removes first) */
	if (b->n == 2 && r == q && digit_at(s + r, n - r, &l) >= 0) {
		size_t nd;
		r = digit_run(s, n, r, b, &nd);
		if (point_at(s + r, n - r))
			return q;   /* 一点1.2: a code, not a number */
	}
	if (b->n == 2)
		return q;
	dec_parse(&P->tmp, b->p, b->n);
	flush_pend(P, st);
	dec_add(&P->section, &P->tmp);
	st->prev = P_DIGIT;
	st->have_pend = 0;
	st->unit_then_digit = 0;
	st->seq = 0;
	return r;
}

static void finish(struct numparser *P, struct state *st, struct numeral *out)
{
	if (st->seq) {
		dec_parse(&out->v, P->digits.p, P->digits.n);
		out->flags |= NUM_SEQ;
		return;
	}
	if (st->have_pend && st->unit_then_digit && (st->prev == P_DIGIT || st->prev == P_ARABIC) &&
	    st->last_exp >= 1)
		dec_shift(&P->pend, st->last_exp - 1);
	flush_pend(P, st);
	dec_copy(&out->v, &P->result);
	dec_add(&out->v, &P->section);
}

static size_t arabic_token(struct numparser *P, struct state *st, const char *s, size_t n,
                           size_t q, unsigned *flags)
{
	if (st->prev != P_NONE && st->prev != P_NEG && st->prev != P_UNIT && st->prev != P_BIG &&
	    st->prev != P_ZERO)
		return q;
	unsigned f = 0;
	size_t r = arabic_parse(P, s, n, q, &P->pend, &f);
	if (r == q)
		return q;
	if (st->prev != P_NONE && st->prev != P_NEG) {
		/* 5万4千, 3万4000, 1千零20: plain integers continue a Chinese numeral, before a
		 * unit or when they fit below the last one */
		if (f & (NUM_POINT | NUM_SEP | NUM_LEADZERO))
			return q;
		int more = is_numeric_at(P->T, s, n, r, 1 << NR_UNIT | 1 << NR_BIG);
		/* 8千3, 3萬5: one digit right after a multiplier, nothing after it, is the next
		 * place down, as in 一万三 */
		if (r - q == 1 && !more && (st->prev == P_UNIT || st->prev == P_BIG) && st->last_exp >= 1) {
			*flags |= f | NUM_DIGIT;
			st->have_pend = 1;
			st->unit_then_digit = 1;
			return r;
		}
		/* 四千230, 3万4000: the digits fit below the last multiplier */
		int fits = (long)P->pend.d.n <= st->last_exp &&
		           (st->prev == P_BIG || st->prev == P_ZERO || st->prev == P_UNIT);
		if (!fits && !more)
			return q;
	}
	*flags |= f | NUM_DIGIT;
	st->have_pend = 1;
	st->unit_then_digit = 0;
	return r;
}

/* A Chinese digit, or 零/〇: in a digit sequence a 0, between units a gap (一千零五, where
 * the next digit is not elided). */
static int digit_token(struct numparser *P, struct state *st, const struct numchar *c,
                       const char *s, size_t n, size_t next, unsigned *flags, enum prev *np)
{
	if (c->role == NR_ZERO && !st->seq && st->prev != P_DIGIT && st->prev != P_NONE &&
	    st->prev != P_NEG) {
		flush_pend(P, st);
		*np = P_ZERO;
		return st->prev == P_UNIT || st->prev == P_BIG || st->prev == P_ZERO;
	}
	int ok = on_digit(P, st, c, s, n, next);
	if (ok == 2)
		*flags |= NUM_RANGE;
	if (ok)
		*flags |= NUM_DIGIT;
	*np = P_DIGIT;
	if (ok && c->role == NR_ZERO && st->prev == P_NONE) {
		dec_set_ull(&P->pend, 0);
		st->have_pend = 1;
	}
	return ok;
}

/* 几: first before a multiplier (几十 = 10 and more), or an unknown last digit (十几). */
static int vague_token(struct numparser *P, struct state *st, const char *s, size_t n,
                       size_t next, unsigned *flags)
{
	int ok = 0;
	if (st->prev == P_NONE && is_numeric_at(P->T, s, n, next, 1 << NR_UNIT | 1 << NR_BIG)) {
		dec_set_ull(&P->pend, 1);
		*flags |= NUM_BARE;   /* 几十 is a multiplier with an unknown digit */
		ok = 1;
	} else if (st->prev == P_UNIT || st->prev == P_BIG || st->prev == P_ZERO) {
		dec_set_ull(&P->pend, 0);
		ok = 1;
	}
	st->have_pend = ok;
	st->unit_then_digit = 0;
	*flags |= ok ? NUM_OVER | NUM_DIGIT : 0;
	return ok;
}

/* 二百余万, 500多亿, 两个亿: a word between a number and the 万 or 亿 that scales it. */
static int mid_token(const struct numparser *P, const struct state *st, const struct numchar *c,
                     const char *s, size_t n, size_t next, unsigned *flags)
{
	int before = st->prev == P_UNIT || st->prev == P_BIG || st->prev == P_ARABIC ||
	             (c->role == NR_LINK && (st->prev == P_DIGIT || st->prev == P_VAGUE));
	int ok = before && is_numeric_at(P->T, s, n, next, 1 << NR_BIG);
	if (ok && c->role == NR_VMID)
		*flags |= c->mod;
	return ok;
}

/* 点 and the decimals after it; returns the end, or 0 when no decimals follow. */
static size_t point_token(struct numparser *P, struct state *st, const char *s, size_t n,
                          size_t next, unsigned *flags)
{
	if (!(st->prev == P_DIGIT || st->prev == P_UNIT || st->prev == P_BIG ||
	      (st->prev == P_ZERO && st->seq)))
		return 0;
	if (st->seq) {
		/* 一七二零点一: the digits read one by one are the whole part */
		dec_parse(&P->pend, P->digits.p, P->digits.n);
		st->have_pend = 1;
		st->seq = 0;
		st->unit_then_digit = 0;
	}
	/* 两千三点一 is 2300.1: the elided digit takes its place first */
	if (st->have_pend && st->unit_then_digit && st->last_exp >= 1)
		dec_shift(&P->pend, st->last_exp - 1);
	size_t r = on_point(P, st, s, n, next);
	if (r == next)
		return 0;
	*flags |= NUM_POINT;
	return r;
}

static int arabic_step(struct numparser *P, struct state *st, const char *s, size_t n, size_t *q,
                       unsigned *flags)
{
	size_t r = arabic_token(P, st, s, n, *q, flags);
	if (r == *q)
		return 0;
	*q = r;
	st->prev = P_ARABIC;
	return 1;
}

/* 半 (and 对 of 对折) first: a half, of the multiplier or the unit that follows. */
static int half_token(struct numparser *P, struct state *st, const struct numchar *c,
                      unsigned *flags)
{
	if (st->prev != P_NONE)
		return 0;
	dec_parse(&P->pend, "0.5", 3);
	st->have_pend = 1;
	st->unit_then_digit = 0;
	*flags |= NUM_HALF | (c->disc ? NUM_DISC : 0);
	st->disc = c->disc;
	return 1;
}

/* 廿 and 卅: twenty and thirty written as one character, a digit with its 十. */
static int tens_token(struct numparser *P, struct state *st, const struct numchar *c,
                      unsigned *flags)
{
	if (st->seq || st->small_max <= 1 || (st->prev == P_UNIT && st->have_pend) ||
	    !(st->prev == P_NONE || st->prev == P_NEG || st->prev == P_BIG || st->prev == P_ZERO ||
	      st->prev == P_UNIT))
		return 0;
	flush_pend(P, st);
	dec_set_ull(&P->tmp, (unsigned long long)c->value * 10);
	dec_add(&P->section, &P->tmp);
	st->small_max = 1;
	st->last_exp = 1;
	*flags |= NUM_DIGIT;
	return 1;
}

/* Read one token at *q; returns 0 when the numeral ends before it. */
static int step(struct numparser *P, struct state *st, const char *s, size_t n, size_t *q,
                unsigned *flags)
{
	size_t l;
	if (digit_at(s + *q, n - *q, &l) >= 0)
		return arabic_step(P, st, s, n, q, flags);
	const struct numchar *c = char_at(P->T, s, n, *q, &l);
	if (!c)
		return 0;
	size_t next = *q + l;
	int ok = 0;
	enum prev np = st->prev;
	switch (c->role) {
	case NR_DIGIT:
	case NR_ZERO:
		ok = digit_token(P, st, c, s, n, next, flags, &np);
		break;
	case NR_UNIT:
		ok = on_unit(P, st, c, flags);
		np = P_UNIT;
		break;
	case NR_BIG:
		ok = on_big(P, st, c, flags);
		np = P_BIG;
		break;
	case NR_VAGUE:
		ok = vague_token(P, st, s, n, next, flags);
		np = P_VAGUE;
		break;
	case NR_HALF:
		ok = half_token(P, st, c, flags);
		np = P_HALF;
		break;
	case NR_TENS:
		ok = tens_token(P, st, c, flags);
		np = P_UNIT;
		break;
	case NR_LINK:
	case NR_VMID:
		ok = mid_token(P, st, c, s, n, next, flags);
		np = P_VMID;
		break;
	case NR_POINT: {
		size_t r = point_token(P, st, s, n, next, flags);
		if (r)
			*q = r;
		return r != 0;
	}
	default:
		return 0;
	}
	if (!ok)
		return 0;
	if (c->role != NR_DIGIT && c->role != NR_ZERO)
		st->digit_run = 0;
	if (c->role == NR_UNIT || c->role == NR_BIG || c->role == NR_TENS)
		*flags |= NUM_MULT;
	*flags |= NUM_CHINESE;
	st->prev = np;
	*q = next;
	return 1;
}

int numeral_parse(struct numparser *P, const char *s, size_t n, size_t pos, struct numeral *out)
{
	struct state st = { P_NONE, 0, 0, -1, 0, 99, 0, 0, -1, 0, 0 };
	dec_zero(&P->result);
	dec_zero(&P->section);
	out->flags = 0;
	out->ntok = 0;
	size_t q = pos, l;
	const struct numchar *c = char_at(P->T, s, n, q, &l);
	if (c && c->role == NR_NEG) {
		if (!is_numeric_at(P->T, s, n, q + l, 1 << NR_DIGIT | 1 << NR_UNIT | 1 << NR_ZERO))
			return 0;
		out->flags |= NUM_NEG;
		st.prev = P_NEG;
		q += l;
	}
	const struct numchar *first = NULL;
	size_t start = q, before = q, earlier = q;
	while (q < n) {
		size_t at = q;
		if (!step(P, &st, s, n, &q, &out->flags))
			break;
		earlier = before;
		before = at;
		if (!out->ntok)
			first = char_at(P->T, s, n, start, &l);
		out->ntok++;
	}
	out->last = before;
	if (st.prev == P_ZERO && !st.seq && out->ntok > 1) {
		q = before;   /* 一千零 + something else: the 零 is not part of it */
		out->last = earlier;
		out->ntok--;
	}
	/* a trailing 零 or 点 is not part of the numeral; a lone vague 几 is no number */
	if (!out->ntok || st.prev == P_VMID || (st.prev == P_VAGUE && out->ntok == 1))
		return 0;
	if (out->ntok == 1 && first && first->fin && !P->allow_fin && !(out->flags & NUM_NEG))
		return 0;
	if (out->ntok == 1 && first && first->role == NR_DIGIT && first->value == 1)
		out->flags |= NUM_ARTICLE;
	finish(P, &st, out);
	if ((out->flags & NUM_NEG) && !dec_is_zero(&out->v))
		out->v.neg = 1;
	out->end = q;
	return 1;
}
