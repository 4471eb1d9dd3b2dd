/* decimal: exact signed decimal numbers of any size, value = sign * digits * 10^-scale.
 * A struct dec owns its digit buffer; dec_free releases it. No operation rounds except
 * dec_div, which says how; none uses binary floating point. */
#ifndef COMMON_DECIMAL_H
#define COMMON_DECIMAL_H
#include <stddef.h>
#include "buf.h"

struct dec {
	int neg;           /* 1 when negative (never for zero) */
	size_t scale;      /* digits after the decimal point */
	struct buf d;      /* ASCII digits, most significant first; "" or no leading zeros */
};

#define DEC_INIT { 0, 0, BUF_INIT }

void dec_free(struct dec *x);
void dec_zero(struct dec *x);
void dec_copy(struct dec *dst, const struct dec *src);
void dec_set_ull(struct dec *x, unsigned long long v);
/* Parse a plain decimal: optional sign, digits, optional '.' and digits ("-12.50", "3.",
 * ".5"); no exponent, no separators, no spaces. Returns 0, or -1 when s is not one. */
int dec_parse(struct dec *x, const char *s, size_t n);
int dec_is_zero(const struct dec *x);
int dec_cmp(const struct dec *a, const struct dec *b);      /* -1, 0, 1 */
void dec_add(struct dec *acc, const struct dec *x);         /* acc += x */
void dec_sub(struct dec *acc, const struct dec *x);         /* acc -= x */
void dec_mul(struct dec *r, const struct dec *a, const struct dec *b); /* r = a*b; r may alias */
void dec_mul_ull(struct dec *x, unsigned long long k);      /* x *= k */
void dec_shift(struct dec *x, long k);                      /* x *= 10^k (k may be negative) */
/* q = a / b rounded half-even to scale digits after the point; -1 when b is zero. */
int dec_div(struct dec *q, const struct dec *a, const struct dec *b, size_t scale);
/* Append x as a plain decimal: no exponent, no trailing zeros after the point, no point
 * when whole, "0" for zero, "-" for negatives. */
void dec_format(const struct dec *x, struct buf *out);
/* Number of digits dec_format prints, leading "0." zeros included (callers cap it). */
size_t dec_digits(const struct dec *x);

#endif
