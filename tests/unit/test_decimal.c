/* Unit tests of common/decimal: every expected value below was worked out by hand (or is a
 * pattern such as 999...9 + 1 whose answer is plain to see). */
#include <limits.h>
#include <stdlib.h>
#include "check.h"
#include "decimal.h"

static struct buf out = BUF_INIT;

/* Parse s or fail loudly: a test that silently parses nothing could not fail. */
static struct dec num(const char *s)
{
	struct dec x = DEC_INIT;
	if (dec_parse(&x, s, strlen(s)) != 0) {
		printf("FAIL %s: cannot parse test input \"%s\"\n", check_suite, s);
		exit(1);
	}
	return x;
}

static const char *fmt(const struct dec *x)
{
	buf_clear(&out);
	dec_format(x, &out);
	return out.p;
}

static char *repeat(char c, size_t n, const char *prefix, const char *suffix)
{
	size_t pn = strlen(prefix), sn = strlen(suffix);
	char *s = malloc(pn + n + sn + 1);
	memcpy(s, prefix, pn);
	memset(s + pn, c, n);
	memcpy(s + pn + n, suffix, sn + 1);
	return s;
}

static void parse_ok(const char *s, const char *want)
{
	struct dec x = num(s);
	char name[128];
	snprintf(name, sizeof name, "parse \"%s\"", s);
	CHECK_STR(name, fmt(&x), want);
	dec_free(&x);
}

static void parse_bad(const char *s, size_t n)
{
	struct dec x = DEC_INIT;
	char name[128];
	snprintf(name, sizeof name, "reject \"%.*s\"", (int)n, s);
	CHECK(name, dec_parse(&x, s, n) == -1);
	dec_free(&x);
}

static void test_parse(void)
{
	parse_ok("0", "0");
	parse_ok("-0", "0");
	parse_ok("-0.000", "0");
	parse_ok("+7", "7");
	parse_ok("3.", "3");
	parse_ok(".5", "0.5");
	parse_ok("-.5", "-0.5");
	parse_ok("007.50", "7.5");
	parse_ok("100", "100");
	parse_ok("0.050", "0.05");
	parse_ok("147207000", "147207000");
	parse_ok("-12.50", "-12.5");
	parse_bad("", 0);
	parse_bad("-", 1);
	parse_bad(".", 1);
	parse_bad("-.", 2);
	parse_bad("1.2.3", 5);
	parse_bad("1e5", 3);
	parse_bad(" 1", 2);
	parse_bad("1 ", 2);
	parse_bad("1,000", 5);
	parse_bad("+-1", 3);
	parse_bad("--1", 3);
	parse_bad("\xef\xbc\x91", 3);   /* full-width 1: callers normalise first */
	parse_bad("1\0002", 3);          /* a NUL inside the field */

	struct dec x = DEC_INIT;
	CHECK("parse uses only n bytes", dec_parse(&x, "12345", 3) == 0 && strcmp(fmt(&x), "123") == 0);
	CHECK("negative zero is not negative", dec_parse(&x, "-0.0", 4) == 0 && !x.neg && dec_is_zero(&x));
	CHECK("scale kept", dec_parse(&x, "1.500", 5) == 0 && x.scale == 3);
	dec_free(&x);
}

/* Apply op to a and b given as text and compare the formatted result. */
static void arith(const char *name, char op, const char *a, const char *b, const char *want)
{
	struct dec x = num(a), y = num(b), r = DEC_INIT;
	switch (op) {
	case '+': dec_add(&x, &y); dec_copy(&r, &x); break;
	case '-': dec_sub(&x, &y); dec_copy(&r, &x); break;
	case '*': dec_mul(&r, &x, &y); break;
	}
	CHECK_STR(name, fmt(&r), want);
	dec_free(&x);
	dec_free(&y);
	dec_free(&r);
}

static void test_add_sub(void)
{
	arith("0.1+0.2", '+', "0.1", "0.2", "0.3");
	arith("1.5+-2.25", '+', "1.5", "-2.25", "-0.75");
	arith("-1.5+2.25", '+', "-1.5", "2.25", "0.75");
	arith("-1.5+-2.25", '+', "-1.5", "-2.25", "-3.75");
	arith("10+-10.00", '+', "10", "-10.00", "0");
	arith("999.99+0.01", '+', "999.99", "0.01", "1000");
	arith("0+-3.5", '+', "0", "-3.5", "-3.5");
	arith("-3.5+0", '+', "-3.5", "0", "-3.5");
	arith("1-0.001", '-', "1", "0.001", "0.999");
	arith("-5--5", '-', "-5", "-5", "0");
	arith("-3-2", '-', "-3", "2", "-5");
	arith("2-3", '-', "2", "3", "-1");
	arith("0-0.5", '-', "0", "0.5", "-0.5");
	arith("0.5-0", '-', "0.5", "0", "0.5");
	arith("1000-0.001", '-', "1000", "0.001", "999.999");

	/* The example: these add up exactly. */
	struct dec acc = DEC_INIT, x;
	const char *vals[] = { "147207000", "18.5", "0.3333" };
	for (size_t i = 0; i < 3; i++) {
		x = num(vals[i]);
		dec_add(&acc, &x);
		dec_free(&x);
	}
	CHECK_STR("147207000+18.5+0.3333", fmt(&acc), "147207018.8333");

	dec_zero(&acc);
	x = num("0.1");
	for (int i = 0; i < 10; i++)
		dec_add(&acc, &x);
	CHECK_STR("ten times 0.1", fmt(&acc), "1");
	for (int i = 0; i < 11; i++)
		dec_sub(&acc, &x);
	CHECK_STR("then eleven times -0.1", fmt(&acc), "-0.1");
	dec_free(&x);

	dec_add(&acc, &acc);
	CHECK_STR("acc += acc", fmt(&acc), "-0.2");
	dec_sub(&acc, &acc);
	CHECK("acc -= acc is zero, not negative", dec_is_zero(&acc) && !acc.neg);
	dec_free(&acc);
}

static void test_cmp(void)
{
	struct { const char *a, *b; int want; } t[] = {
		{ "1.50", "1.5", 0 }, { "-2", "-1.99", -1 }, { "-0", "0", 0 }, { "0.001", "0", 1 },
		{ "10", "9.999", 1 }, { "-10", "9.999", -1 }, { "-0.001", "0", -1 },
		{ "123", "124", -1 }, { "-123", "-124", 1 }, { "0.1", "0.09", 1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct dec a = num(t[i].a), b = num(t[i].b);
		char name[64];
		snprintf(name, sizeof name, "cmp %s %s", t[i].a, t[i].b);
		CHECK(name, dec_cmp(&a, &b) == t[i].want && dec_cmp(&b, &a) == -t[i].want);
		dec_free(&a);
		dec_free(&b);
	}
}

static void test_mul(void)
{
	arith("1.5*-2", '*', "1.5", "-2", "-3");
	arith("0.1*0.1", '*', "0.1", "0.1", "0.01");
	arith("-0.5*-0.5", '*', "-0.5", "-0.5", "0.25");
	arith("0*-3", '*', "0", "-3", "0");
	arith("-3*0", '*', "-3", "0", "0");
	arith("99*99", '*', "99", "99", "9801");
	arith("12.34*5.6", '*', "12.34", "5.6", "69.104");

	struct dec x = num("-1.1");
	dec_mul(&x, &x, &x);
	CHECK_STR("x*x in place", fmt(&x), "1.21");
	dec_mul_ull(&x, 100);
	CHECK_STR("1.21*100", fmt(&x), "121");
	dec_free(&x);

	x = num("18.5");
	dec_mul_ull(&x, 4);
	CHECK_STR("18.5*4", fmt(&x), "74");
	dec_mul_ull(&x, 0);
	CHECK("74*0 is zero", dec_is_zero(&x) && strcmp(fmt(&x), "0") == 0);
	dec_set_ull(&x, ULLONG_MAX);
	CHECK_STR("set ULLONG_MAX", fmt(&x), "18446744073709551615");
	dec_mul_ull(&x, ULLONG_MAX);
	/* (2^64-1)^2 = 2^128 - 2^65 + 1 */
	CHECK_STR("ULLONG_MAX squared", fmt(&x), "340282366920938463426481119284349108225");
	dec_set_ull(&x, 0);
	CHECK("set 0", dec_is_zero(&x) && strcmp(fmt(&x), "0") == 0);
	dec_free(&x);
}

static void shift(const char *a, long k, const char *want)
{
	struct dec x = num(a);
	char name[64];
	snprintf(name, sizeof name, "shift %s by %ld", a, k);
	dec_shift(&x, k);
	CHECK_STR(name, fmt(&x), want);
	dec_free(&x);
}

static void test_shift(void)
{
	shift("14720.7", 4, "147207000");   /* 14720.7万 */
	shift("1.5", -3, "0.0015");
	shift("0", 5, "0");
	shift("123", 2, "12300");
	shift("12.345", 1, "123.45");
	shift("12.345", 3, "12345");
	shift("12.345", 0, "12.345");
	shift("-2.5", 8, "-250000000");    /* 亿 */
	shift("123", -5, "0.00123");

	struct dec x = num("1.5");
	dec_shift(&x, -2);
	dec_shift(&x, 2);
	CHECK_STR("shift down then up", fmt(&x), "1.5");
	dec_free(&x);
}

static void divide(const char *a, const char *b, size_t scale, const char *want)
{
	struct dec x = num(a), y = num(b), q = DEC_INIT;
	char name[96];
	snprintf(name, sizeof name, "%s/%s at scale %zu", a, b, scale);
	CHECK(name, dec_div(&q, &x, &y, scale) == 0 && strcmp(fmt(&q), want) == 0);
	dec_free(&x);
	dec_free(&y);
	dec_free(&q);
}

static void test_div(void)
{
	divide("1", "3", 4, "0.3333");
	divide("2", "3", 4, "0.6667");
	divide("-2", "3", 4, "-0.6667");
	divide("1", "-3", 4, "-0.3333");
	divide("-1", "-3", 4, "0.3333");
	/* half-even: exact halves go to the even neighbour, anything above goes up */
	divide("1", "8", 2, "0.12");
	divide("3", "8", 2, "0.38");
	divide("5", "2", 0, "2");
	divide("7", "2", 0, "4");
	divide("-5", "2", 0, "-2");
	divide("-7", "2", 0, "-4");
	divide("1.225", "1", 2, "1.22");
	divide("1.235", "1", 2, "1.24");
	divide("1.2251", "1", 2, "1.23");
	divide("1.23456", "1", 2, "1.23");
	divide("10", "4", 1, "2.5");
	divide("10", "4", 3, "2.5");
	divide("0", "5", 3, "0");
	divide("0.0001", "3", 2, "0");
	divide("-0.001", "3", 2, "0");   /* rounds to zero, which is never negative */
	divide("147207018.8333", "3", 4, "49069006.2778");
	divide("1", "7", 30, "0.142857142857142857142857142857");
	divide("0.5", "0.25", 0, "2");
	divide("1", "0.003", 2, "333.33");
	divide("4.5", "1.5", 6, "3");

	struct dec a = num("1"), z = num("0.00"), q = num("42");
	CHECK("division by zero", dec_div(&q, &a, &z, 4) == -1);
	CHECK_STR("division by zero leaves q", fmt(&q), "42");
	dec_div(&a, &a, &a, 2);
	CHECK_STR("a/a in place", fmt(&a), "1");
	dec_free(&a);
	dec_free(&z);
	dec_free(&q);
}

static void test_big(void)
{
	char *nines = repeat('9', 500, "", ""), *ones = repeat('1', 500, "", "");
	char *pow500 = repeat('0', 500, "1", "");
	/* (10^250 - 1)^2 = 10^500 - 2*10^250 + 1 */
	char *n250 = repeat('9', 250, "", "");
	char *sq = malloc(501);
	memset(sq, '9', 249);
	sq[249] = '8';
	memset(sq + 250, '0', 249);
	sq[499] = '1';
	sq[500] = '\0';

	arith("500 nines + 1", '+', nines, "1", pow500);
	arith("10^500 - 1", '-', pow500, "1", nines);
	arith("(10^250-1)^2", '*', n250, n250, sq);
	divide(nines, "9", 0, ones);
	divide(pow500, pow500, 3, "1");

	char *f1 = repeat('1', 500, "0.", ""), *f8 = repeat('8', 500, "0.", "");
	char *f9 = repeat('9', 500, "0.", ""), *tiny = repeat('0', 499, "0.", "1");
	arith("0.111..+0.888.. (500 places)", '+', f1, f8, f9);
	arith("0.999..+0.000..1 (500 places)", '+', f9, tiny, "1");
	char *negsum = repeat('0', 499, "-1.", "1");
	arith("-1 - 0.000..1", '-', "-1", tiny, negsum);

	struct dec x = num(pow500);
	CHECK("digits of 10^500", dec_digits(&x) == 501);
	dec_shift(&x, -500);
	CHECK_STR("10^500 shifted by -500", fmt(&x), "1");
	dec_free(&x);
	free(nines); free(ones); free(pow500); free(n250); free(sq);
	free(f1); free(f8); free(f9); free(tiny); free(negsum);
}

static void test_digits(void)
{
	struct { const char *s; size_t want; } t[] = {
		{ "0", 1 }, { "0.001", 4 }, { "1000", 4 }, { "1.50", 2 }, { "-12.5", 3 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct dec x = num(t[i].s);
		char name[64];
		snprintf(name, sizeof name, "digits of %s", t[i].s);
		CHECK(name, dec_digits(&x) == t[i].want);
		dec_free(&x);
	}
	struct dec a = num("-3.25"), b = DEC_INIT;
	dec_copy(&b, &a);
	dec_zero(&a);
	CHECK_STR("copy is independent", fmt(&b), "-3.25");
	dec_free(&a);
	dec_free(&b);
}

int main(void)
{
	check_suite = "decimal";
	test_parse();
	test_add_sub();
	test_cmp();
	test_mul();
	test_shift();
	test_div();
	test_big();
	test_digits();
	buf_free(&out);
	return check_done();
}
