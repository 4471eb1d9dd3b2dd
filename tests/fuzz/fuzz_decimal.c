/* Fuzz exact decimals (common/decimal.c): parsing any bytes, and the algebra of the
 * operations on what parses, with 128-bit integers as the oracle for small values. */
#include <string.h>
#include "buf.h"
#include "decimal.h"
#include "feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must_equal(const struct dec *a, const struct dec *b, const char *what)
{
	if (dec_cmp(a, b) != 0)
		feed_fail(what);
}

/* dec_format's output parses back to the same value and formats the same way again. */
static void round_trip(const struct dec *x)
{
	struct buf t = BUF_INIT, u = BUF_INIT;
	struct dec y = DEC_INIT;
	dec_format(x, &t);
	if (dec_parse(&y, t.p, t.n) != 0)
		feed_fail("dec_format output does not parse");
	must_equal(x, &y, "format/parse round trip changed the value");
	dec_format(&y, &u);
	if (t.n != u.n || memcmp(t.p, u.p, t.n) != 0)
		feed_fail("format is not canonical");
	if (dec_digits(x) > t.n)
		feed_fail("dec_digits larger than the formatted text");
	buf_free(&t);
	buf_free(&u);
	dec_free(&y);
}

__extension__ typedef __int128 i128;

/* Value as a 128-bit integer scaled by 10^scale, when it fits in 30 digits. */
static int small(const struct dec *x, size_t scale, i128 *v)
{
	if (x->d.n + (scale - x->scale) > 30 || x->scale > scale)
		return 0;
	i128 r = 0;
	for (size_t i = 0; i < x->d.n; i++)
		r = r * 10 + (x->d.p[i] - '0');
	for (size_t i = x->scale; i < scale; i++)
		r *= 10;
	*v = x->neg ? -r : r;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	feed_quiet("fuzz-decimal");
	const char *s = (const char *)data;
	/* two operands separated by the first space, else the input twice */
	const char *sp = memchr(s, ' ', size);
	size_t na = sp ? (size_t)(sp - s) : size;
	const char *bs = sp ? sp + 1 : s;
	size_t nb = sp ? size - na - 1 : size;
	struct dec a = DEC_INIT, b = DEC_INIT, r = DEC_INIT, t = DEC_INIT;
	int pa = dec_parse(&a, s, na), pb = dec_parse(&b, bs, nb);
	if (pa == 0)
		round_trip(&a);
	if (pa != 0 || pb != 0)
		goto out;
	round_trip(&b);

	/* (a + b) - b == a, and a - b == -(b - a) */
	dec_copy(&r, &a);
	dec_add(&r, &b);
	round_trip(&r);
	dec_sub(&r, &b);
	must_equal(&r, &a, "(a + b) - b != a");
	dec_copy(&r, &a);
	dec_sub(&r, &b);
	dec_copy(&t, &b);
	dec_sub(&t, &a);
	dec_add(&t, &r);
	if (!dec_is_zero(&t))
		feed_fail("(a - b) + (b - a) != 0");
	if (dec_cmp(&a, &b) != -dec_cmp(&b, &a))
		feed_fail("dec_cmp is not antisymmetric");

	/* a * b == b * a, (a * b) / b == a exactly, aliasing allowed */
	dec_mul(&r, &a, &b);
	dec_mul(&t, &b, &a);
	must_equal(&r, &t, "a * b != b * a");
	round_trip(&r);
	if (!dec_is_zero(&b) && a.d.n + b.d.n < 400) {
		dec_div(&t, &r, &b, a.scale);
		must_equal(&t, &a, "(a * b) / b != a");
	} else if (dec_is_zero(&b) && dec_div(&t, &a, &b, 2) != -1) {
		feed_fail("division by zero not refused");
	}
	dec_copy(&t, &a);
	dec_mul(&t, &t, &t);
	dec_mul(&r, &a, &a);
	must_equal(&r, &t, "aliased a * a differs");

	/* shifting by k then -k is the identity */
	long k = (long)(size % 41) - 20;
	dec_copy(&t, &a);
	dec_shift(&t, k);
	dec_shift(&t, -k);
	must_equal(&t, &a, "shift by k and back changed the value");

	/* the oracle, for values that fit */
	size_t sc = a.scale > b.scale ? a.scale : b.scale;
	i128 va, vb, vr;
	if (small(&a, sc, &va) && small(&b, sc, &vb)) {
		dec_copy(&r, &a);
		dec_add(&r, &b);
		if (small(&r, sc, &vr) && vr != va + vb)
			feed_fail("a + b differs from the integer oracle");
		int c = dec_cmp(&a, &b);
		if (c != (va < vb ? -1 : va > vb))
			feed_fail("dec_cmp differs from the integer oracle");
	}
out:
	dec_free(&a);
	dec_free(&b);
	dec_free(&r);
	dec_free(&t);
	return 0;
}
