/* decimal: exact signed decimals as ASCII digit strings. Speed matters little here: callers
 * that add millions of values keep a fixed-point fast path and come here on overflow, so
 * the code favours plain schoolbook arithmetic that is easy to check by hand. */
#include <string.h>
#include "decimal.h"

/* A magnitude seen as an integer: the digits p[0..n) followed by pad zeros. Aligning two
 * decimals to one scale only pads the one with fewer fraction digits, never copies it. */
struct mag {
	const char *p;
	size_t n;
	size_t pad;
};

static struct mag mag_of(const struct dec *x, size_t scale)
{
	struct mag m = { x->d.p, x->d.n, scale - x->scale };
	if (m.n == 0)
		m.pad = 0;   /* zero has no digits, whatever its scale */
	return m;
}

static size_t mag_len(struct mag m)
{
	return m.n ? m.n + m.pad : 0;
}

/* Digit i counted from the right (0 = units). */
static int mag_digit(struct mag m, size_t i)
{
	if (i < m.pad)
		return 0;
	i -= m.pad;
	return i < m.n ? m.p[m.n - 1 - i] - '0' : 0;
}

static int mag_cmp(struct mag a, struct mag b)
{
	size_t la = mag_len(a), lb = mag_len(b);
	if (la != lb)
		return la < lb ? -1 : 1;
	for (size_t i = la; i-- > 0;) {
		int da = mag_digit(a, i), db = mag_digit(b, i);
		if (da != db)
			return da < db ? -1 : 1;
	}
	return 0;
}

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* Drop leading zeros so that equal values have equal digit strings. */
static void strip_leading(struct buf *b)
{
	size_t z = 0;
	while (z < b->n && b->p[z] == '0')
		z++;
	if (z) {
		memmove(b->p, b->p + z, b->n - z);
		b->n -= z;
	}
	if (b->cap)
		b->p[b->n] = '\0';
}

/* r = a + b, or a - b when sub (then a >= b). r is a fresh buffer, so a and b may point
 * into the destination's old digits. */
static void mag_addsub(struct buf *r, struct mag a, struct mag b, int sub)
{
	size_t len = max_size(mag_len(a), mag_len(b)) + 1;
	int carry = 0;
	buf_reserve(r, len + 1);
	for (size_t i = 0; i < len; i++) {
		int d = sub ? mag_digit(a, i) - mag_digit(b, i) - carry
		            : mag_digit(a, i) + mag_digit(b, i) + carry;
		carry = sub ? d < 0 : d > 9;
		if (sub && d < 0)
			d += 10;
		else if (!sub && d > 9)
			d -= 10;
		r->p[len - 1 - i] = (char)('0' + d);
	}
	r->n = len;
	strip_leading(r);
}

/* Replace x's digits with r's (taking ownership) and settle the sign of zero. */
static void take(struct dec *x, struct buf *r, int neg, size_t scale)
{
	buf_free(&x->d);
	x->d = *r;
	x->scale = scale;
	x->neg = x->d.n ? neg : 0;
}

void dec_free(struct dec *x)
{
	buf_free(&x->d);
	x->neg = 0;
	x->scale = 0;
}

void dec_zero(struct dec *x)
{
	buf_clear(&x->d);
	x->neg = 0;
	x->scale = 0;
}

void dec_copy(struct dec *dst, const struct dec *src)
{
	if (dst == src)
		return;
	buf_clear(&dst->d);
	if (src->d.n)
		buf_add(&dst->d, src->d.p, src->d.n);
	dst->neg = src->neg;
	dst->scale = src->scale;
}

void dec_set_ull(struct dec *x, unsigned long long v)
{
	char tmp[3 * sizeof v + 1];
	size_t n = sizeof tmp;
	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	dec_zero(x);
	buf_add(&x->d, tmp + n, sizeof tmp - n);
	strip_leading(&x->d);
}

int dec_parse(struct dec *x, const char *s, size_t n)
{
	size_t i = 0, ndig = 0, scale = 0;
	int neg = 0, point = 0;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	for (size_t j = i; j < n; j++) {
		if (s[j] >= '0' && s[j] <= '9')
			ndig++;
		else if (s[j] == '.' && !point)
			point = 1;
		else
			return -1;
	}
	if (ndig == 0)
		return -1;
	dec_zero(x);
	buf_reserve(&x->d, ndig + 1);
	point = 0;
	for (; i < n; i++) {
		if (s[i] == '.') {
			point = 1;
			continue;
		}
		scale += point;
		if (x->d.n || s[i] != '0')
			x->d.p[x->d.n++] = s[i];
	}
	x->d.p[x->d.n] = '\0';
	x->scale = scale;
	x->neg = x->d.n ? neg : 0;
	return 0;
}

int dec_is_zero(const struct dec *x)
{
	return x->d.n == 0;
}

int dec_cmp(const struct dec *a, const struct dec *b)
{
	int sa = a->d.n ? (a->neg ? -1 : 1) : 0;
	int sb = b->d.n ? (b->neg ? -1 : 1) : 0;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	size_t scale = max_size(a->scale, b->scale);
	int c = mag_cmp(mag_of(a, scale), mag_of(b, scale));
	return sa < 0 ? -c : c;
}

/* acc += (xneg ? -|x| : |x|): same signs add magnitudes, opposite signs subtract the
 * smaller from the larger and take the larger's sign. */
static void add_signed(struct dec *acc, const struct dec *x, int xneg)
{
	size_t scale = max_size(acc->scale, x->scale);
	struct mag a = mag_of(acc, scale), b = mag_of(x, scale);
	struct buf r = BUF_INIT;
	int neg;
	if (acc->neg == xneg) {
		mag_addsub(&r, a, b, 0);
		neg = xneg;
	} else if (mag_cmp(a, b) >= 0) {
		mag_addsub(&r, a, b, 1);
		neg = acc->neg;
	} else {
		mag_addsub(&r, b, a, 1);
		neg = xneg;
	}
	take(acc, &r, neg, scale);
}

void dec_add(struct dec *acc, const struct dec *x)
{
	add_signed(acc, x, x->neg);
}

void dec_sub(struct dec *acc, const struct dec *x)
{
	add_signed(acc, x, x->d.n ? !x->neg : 0);
}

void dec_mul(struct dec *r, const struct dec *a, const struct dec *b)
{
	size_t an = a->d.n, bn = b->d.n, len = an + bn;
	int neg = a->neg != b->neg;
	size_t scale = a->scale + b->scale;
	struct buf t = BUF_INIT;
	buf_reserve(&t, len + 1);
	memset(t.p, 0, len);
	/* Digits as small integers, least significant at t.p[len-1]; each step keeps every
	 * cell below 10, so no column can overflow however long the operands are. */
	for (size_t i = an; i-- > 0;) {
		int da = a->d.p[i] - '0', carry = 0;
		size_t k = i + bn;
		for (size_t j = bn; j-- > 0; k--) {
			int v = t.p[k] + da * (b->d.p[j] - '0') + carry;
			t.p[k] = (char)(v % 10);
			carry = v / 10;
		}
		t.p[k] = (char)(t.p[k] + carry);
	}
	for (size_t i = 0; i < len; i++)
		t.p[i] = (char)(t.p[i] + '0');
	t.n = len;
	strip_leading(&t);
	take(r, &t, neg, scale);
}

void dec_mul_ull(struct dec *x, unsigned long long k)
{
	struct dec m = DEC_INIT;
	dec_set_ull(&m, k);
	dec_mul(x, x, &m);
	dec_free(&m);
}

void dec_shift(struct dec *x, long k)
{
	/* |k| computed without negating LONG_MIN */
	unsigned long u = k < 0 ? 0UL - (unsigned long)k : (unsigned long)k;
	if (k < 0) {
		x->scale += u;
		return;
	}
	if (x->scale >= u) {
		x->scale -= u;
		return;
	}
	u -= x->scale;
	x->scale = 0;
	if (x->d.n == 0)
		return;
	buf_reserve(&x->d, u + 1);
	memset(x->d.p + x->d.n, '0', u);
	x->d.n += u;
	x->d.p[x->d.n] = '\0';
}

/* rem -= d in place (rem >= d). */
static void mag_sub_inplace(struct buf *rem, struct mag d)
{
	struct mag r = { rem->p, rem->n, 0 };
	int borrow = 0;
	for (size_t i = 0; i < rem->n; i++) {
		int v = mag_digit(r, i) - mag_digit(d, i) - borrow;
		borrow = v < 0;
		rem->p[rem->n - 1 - i] = (char)('0' + (v < 0 ? v + 10 : v));
	}
	strip_leading(rem);
}

/* Schoolbook long division of n by d (d nonzero): q and rem get the quotient and the
 * remainder, each without leading zeros. */
static void mag_divmod(struct buf *q, struct buf *rem, struct mag n, struct mag d)
{
	size_t len = mag_len(n);
	buf_clear(q);
	buf_clear(rem);
	for (size_t i = len; i-- > 0;) {
		int qd = 0;
		buf_addc(rem, (char)('0' + mag_digit(n, i)));
		strip_leading(rem);
		while (mag_cmp((struct mag){ rem->p, rem->n, 0 }, d) >= 0) {
			mag_sub_inplace(rem, d);
			qd++;
		}
		buf_addc(q, (char)('0' + qd));
	}
	strip_leading(q);
}

/* Round the quotient q of a division by d with remainder rem half to even. */
static void round_half_even(struct buf *q, const struct buf *rem, struct mag d)
{
	struct mag r = { rem->p, rem->n, 0 };
	struct buf twice = BUF_INIT;
	mag_addsub(&twice, r, r, 0);
	int c = mag_cmp((struct mag){ twice.p, twice.n, 0 }, d);
	buf_free(&twice);
	int odd = q->n && (q->p[q->n - 1] - '0') % 2;
	if (c > 0 || (c == 0 && odd)) {
		struct buf t = BUF_INIT;
		mag_addsub(&t, (struct mag){ q->p, q->n, 0 }, (struct mag){ "1", 1, 0 }, 0);
		buf_free(q);
		*q = t;
	}
}

int dec_div(struct dec *q, const struct dec *a, const struct dec *b, size_t scale)
{
	if (b->d.n == 0)
		return -1;
	/* q * 10^scale = A * 10^(scale + sb - sa) / B with A, B the digit strings as integers;
	 * the power of ten goes on whichever side keeps it non-negative. */
	struct mag n = { a->d.p, a->d.n, 0 }, d = { b->d.p, b->d.n, 0 };
	size_t up = scale + b->scale;
	if (a->d.n == 0)
		n.pad = 0;
	else if (up >= a->scale)
		n.pad = up - a->scale;
	else
		d.pad = a->scale - up;
	struct buf qd = BUF_INIT, rem = BUF_INIT;
	int neg = a->neg != b->neg;
	mag_divmod(&qd, &rem, n, d);
	round_half_even(&qd, &rem, d);
	buf_free(&rem);
	take(q, &qd, neg, scale);
	return 0;
}

void dec_format(const struct dec *x, struct buf *out)
{
	size_t n = x->d.n, scale = x->scale;
	while (scale && n && x->d.p[n - 1] == '0') {
		n--;
		scale--;
	}
	if (n == 0) {
		buf_addc(out, '0');
		return;
	}
	if (x->neg)
		buf_addc(out, '-');
	if (scale == 0) {
		buf_add(out, x->d.p, n);
	} else if (n > scale) {
		buf_add(out, x->d.p, n - scale);
		buf_addc(out, '.');
		buf_add(out, x->d.p + n - scale, scale);
	} else {
		buf_add(out, "0.", 2);
		for (size_t i = n; i < scale; i++)
			buf_addc(out, '0');
		buf_add(out, x->d.p, n);
	}
}

/* The digits dec_format prints (sign and point aside), so a cap on it bounds the output:
 * 0.001 counts 4, 1000 counts 4, 1.50 counts 2. */
size_t dec_digits(const struct dec *x)
{
	size_t n = x->d.n, scale = x->scale;
	while (scale && n && x->d.p[n - 1] == '0') {
		n--;
		scale--;
	}
	if (n == 0)
		return 1;
	return n > scale ? n : scale + 1;
}
