/* aggregate's fixed-point numbers: parsing limits, comparisons at the edge of int64 and
 * sums that outgrow 64 bits (expected values worked out by hand). */
#include <stdint.h>
#include "check.h"
#include "num.h"

static struct buf out = BUF_INIT;

static const char *fmt(const struct dec *d)
{
	buf_clear(&out);
	dec_format(d, &out);
	return out.p;
}

static void parse(const char *s, int want_r, int64_t want_m, unsigned want_scale)
{
	struct fix f = { 0, 0 };
	char name[96];
	int r = fix_parse(s, strlen(s), &f);
	snprintf(name, sizeof name, "fix_parse \"%s\"", s);
	CHECK(name, r == want_r && (r != 1 || (f.m == want_m && f.scale == want_scale)));
}

static struct fix fx(int64_t m, unsigned scale)
{
	struct fix f = { m, scale };
	return f;
}

static const char *sum_of(const char *const *v, size_t n)
{
	struct sum s = { { 0, 0 }, NULL };
	struct dec d = DEC_INIT;
	for (size_t i = 0; i < n; i++)
		if (sum_add_text(&s, v[i], strlen(v[i])) < 0)
			return "(not a number)";
	sum_value(&s, &d);
	fmt(&d);
	dec_free(&d);
	sum_free(&s);
	return out.p;
}

int main(void)
{
	check_suite = "aggregate/num";
	parse("0", 1, 0, 0);
	parse("-12.50", 1, -1250, 2);
	parse("+7", 1, 7, 0);
	parse(".5", 1, 5, 1);
	parse("3.", 1, 3, 0);
	parse("000000000000000000000001", 1, 1, 0);        /* leading zeros are not digits */
	parse("999999999999999999", 1, 999999999999999999, 0);
	parse("1000000000000000000", 0, 0, 0);             /* 19 digits: decimal path */
	parse("0.000000000000000001", 1, 1, 18);
	parse("0.0000000000000000001", 0, 0, 0);           /* scale 19 */
	parse("", -1, 0, 0);
	parse("-", -1, 0, 0);
	parse(".", -1, 0, 0);
	parse("1e5", -1, 0, 0);
	parse("1.2.3", -1, 0, 0);
	parse(" 1", -1, 0, 0);
	parse("1,000", -1, 0, 0);

	CHECK("cmp 1.5 = 1.50", fix_cmp(fx(15, 1), fx(150, 2)) == 0);
	CHECK("cmp -2 < -1.99", fix_cmp(fx(-2, 0), fx(-199, 2)) < 0);
	CHECK("cmp big integer > small fraction (scaling overflows)",
	      fix_cmp(fx(INT64_MAX, 0), fx(1, 18)) > 0 && fix_cmp(fx(1, 18), fx(INT64_MAX, 0)) < 0);
	CHECK("cmp big negative < small fraction (scaling overflows)",
	      fix_cmp(fx(INT64_MIN, 0), fx(-1, 18)) < 0 && fix_cmp(fx(-1, 18), fx(INT64_MIN, 0)) > 0);

	const char *a[] = { "9223372036854775807", "1" };
	CHECK_STR("INT64_MAX + 1", sum_of(a, 2), "9223372036854775808");
	const char *b[] = { "-9223372036854775808", "-9223372036854775808", "-0.5" };
	CHECK_STR("2 * INT64_MIN - 0.5", sum_of(b, 3), "-18446744073709551616.5");
	const char *c[] = { "900000000000000000", "0.000000000000000001", "900000000000000000" };
	CHECK_STR("rescaling overflows into decimal", sum_of(c, 3), "1800000000000000000.000000000000000001");
	const char *d[] = { "147207000", "18.5", "0.3333" };
	CHECK_STR("147207000 + 18.5 + 0.3333", sum_of(d, 3), "147207018.8333");
	const char *e[] = { "0.1", "0.2", "-0.3" };
	CHECK_STR("0.1 + 0.2 - 0.3", sum_of(e, 3), "0");
	const char *f[] = { "123456789012345678901234567890", "-123456789012345678901234567890.01" };
	CHECK_STR("30-digit values", sum_of(f, 2), "-0.01");
	const char *g[] = { "1", "x" };
	CHECK_STR("a non-number is refused", sum_of(g, 2), "(not a number)");

	struct numval lo = { 0, 0, { 0, 0 }, NULL }, hi = { 0, 0, { 0, 0 }, NULL };
	const char *v[] = { "5", "-0.25", "123456789012345678901234567890", "-1e3", "-99999999999999999999.5", "7" };
	int bad = 0;
	for (size_t i = 0; i < 6; i++) {
		bad += numval_keep(&lo, v[i], strlen(v[i]), -1) < 0;
		bad += numval_keep(&hi, v[i], strlen(v[i]), 1) < 0;
	}
	struct dec x = DEC_INIT;
	CHECK("min/max refuse 1e3 (twice)", bad == 2);
	numval_value(&lo, &x);
	CHECK_STR("min across fixed and decimal", fmt(&x), "-99999999999999999999.5");
	numval_value(&hi, &x);
	CHECK_STR("max across fixed and decimal", fmt(&x), "123456789012345678901234567890");
	dec_free(&x);
	numval_free(&lo);
	numval_free(&hi);

	/* fix_format writes what dec_format writes for the same value, edges included */
	const struct fix edge[] = { { 0, 0 }, { 0, 5 }, { -5, 1 }, { 1250, 2 }, { -1250, 2 }, { 7, 18 },
	                            { INT64_MIN, 0 }, { INT64_MIN, 18 }, { INT64_MAX, 3 }, { -100, 2 },
	                            { 1000000000000000000, 18 }, { 123, 3 }, { 120, 5 } };
	int same = 1;
	struct buf fa = BUF_INIT;
	uint64_t r = 88172645463325252u;
	for (size_t i = 0; i < sizeof edge / sizeof *edge + 100000; i++) {
		struct fix f;
		if (i < sizeof edge / sizeof *edge) {
			f = edge[i];
		} else {
			r ^= r << 13, r ^= r >> 7, r ^= r << 17;
			f.m = (int64_t)(r >> (r % 64)) * (r & 1 ? -1 : 1);
			f.scale = (unsigned)(r >> 58) % (FIX_MAX_SCALE + 1);
		}
		struct dec d = DEC_INIT;
		fix_to_dec(f, &d);
		buf_clear(&fa);
		fix_format(f, &fa);
		if (strcmp(fa.p, fmt(&d)) != 0) {
			if (same)
				fprintf(stderr, "fix_format %lld e-%u: %s, dec_format %s\n", (long long)f.m, f.scale, fa.p, out.p);
			same = 0;
		}
		dec_free(&d);
	}
	CHECK("fix_format = dec_format (edges and 100000 random values)", same);
	buf_clear(&fa);
	ull_format(0, &fa);
	ull_format(18446744073709551615u, &fa);
	CHECK_STR("ull_format 0, 2^64-1", fa.p, "018446744073709551615");
	buf_free(&fa);
	buf_free(&out);
	return check_done();
}
