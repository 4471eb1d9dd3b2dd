/* num: numbers as aggregate meets them. Most values fit a 64-bit integer with a decimal
 * scale (fixed point), which is what the per-row work uses; a value or a sum that does not
 * fit moves to common/decimal, so results stay exact whatever the size. */
#ifndef AGG_NUM_H
#define AGG_NUM_H
#include <stdint.h>
#include "decimal.h"

#define FIX_MAX_SCALE 18

struct fix {
	int64_t m;        /* value = m * 10^-scale */
	unsigned scale;   /* 0..FIX_MAX_SCALE */
};

extern const int64_t fix_pow10[FIX_MAX_SCALE + 1];

/* 1 and *f set when p[0..n) is a number that fits a fix; 0 when it is a number too long
 * for one (parse it with dec_parse); -1 when it is not a number (dec_parse's syntax).
 * Inline: it runs once per value. */
static inline int fix_parse(const char *p, size_t n, struct fix *f)
{
	size_t i = 0, ndig = 0, sig = 0;
	unsigned scale = 0;
	int neg = 0, point = 0;
	uint64_t m = 0;
	if (n && (p[0] == '-' || p[0] == '+'))
		neg = p[i++] == '-';
	for (; i < n; i++) {
		unsigned c = (unsigned char)p[i] - (unsigned)'0';
		if (c <= 9) {
			ndig++;
			scale += (unsigned)point;
			/* 18 digits always fit in int64; more fall back to decimal */
			if ((m || c) && ++sig <= FIX_MAX_SCALE)
				m = m * 10 + c;
		} else if (p[i] == '.' && !point) {
			point = 1;
		} else {
			return -1;
		}
	}
	if (!ndig)
		return -1;
	if (sig > FIX_MAX_SCALE || scale > FIX_MAX_SCALE)
		return 0;
	f->m = neg ? -(int64_t)m : (int64_t)m;
	f->scale = scale;
	return 1;
}
void fix_to_dec(struct fix f, struct dec *d);
/* Has any sum, min or max of the process needed a decimal (memory to free)? */
int num_any_big(void);
struct dec *num_new_big(void);   /* a zeroed decimal for a sum, min or max, counted */
/* Append f as dec_format would append its value, without building a decimal. */
void fix_format(struct fix f, struct buf *out);
/* Append v in decimal digits. */
void ull_format(unsigned long long v, struct buf *out);
int fix_cmp(struct fix a, struct fix b);

/* An exact running sum: a fix that absorbs values until it would overflow, then is
 * folded into big (allocated on first need). */
struct sum {
	struct fix acc;
	struct dec *big;
};

void sum_add_fix_slow(struct sum *s, struct fix v);

/* The usual case inline: the value's scale is not above the sum's and nothing overflows. */
static inline void sum_add_fix(struct sum *s, struct fix v)
{
	int64_t r;
	if (v.scale <= s->acc.scale && !__builtin_mul_overflow(v.m, fix_pow10[s->acc.scale - v.scale], &r) &&
	    !__builtin_add_overflow(s->acc.m, r, &r)) {
		s->acc.m = r;
		return;
	}
	sum_add_fix_slow(s, v);
}
void sum_add_dec(struct sum *s, const struct dec *v);
int sum_add_text_slow(struct sum *s, const char *p, size_t n, int parsed);

/* Add a number given as text (either kind); -1 when it is not a number. */
static inline int sum_add_text(struct sum *s, const char *p, size_t n)
{
	struct fix f;
	int r = fix_parse(p, n, &f);
	if (r <= 0)
		return sum_add_text_slow(s, p, n, r);
	sum_add_fix(s, f);
	return 0;
}
void sum_value(const struct sum *s, struct dec *out);
/* Append the sum as dec_format would. */
void sum_format(const struct sum *s, struct buf *out);
void sum_free(struct sum *s);

/* A value kept for min and max: a fix when it fits, else a decimal. */
struct numval {
	int has;        /* 0 until a value was seen */
	int isbig;
	struct fix f;
	struct dec *big;
};

/* Keep v when it is below (want < 0) or above (want > 0) the current value; -1 when the
 * text is not a number. */
int numval_keep(struct numval *x, const char *p, size_t n, int want);
void numval_value(const struct numval *x, struct dec *out);
void numval_free(struct numval *x);

#endif
