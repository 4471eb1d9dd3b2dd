/* aggregate's operation specs and partial states: parsing and naming, and the round trip
 * state -> partial text -> merged state for every state kind. */
#include "check.h"
#include "ops.h"
#include "state.h"

static void spec_ok(const char *text, const char *col, const char *want_name)
{
	struct opspec s;
	struct buf err = BUF_INIT;
	char name[96];
	snprintf(name, sizeof name, "spec \"%s\"", text);
	int r = opspec_parse(&s, text, &err);
	if (r == 0)
		opspec_name(&s, col, strlen(col));
	CHECK(name, r == 0 && strcmp(s.name, want_name) == 0);
	if (r == 0) {
		struct opspec back;
		snprintf(name, sizeof name, "name \"%s\" read back", want_name);
		CHECK(name, opspec_from_name(&back, s.name, strlen(s.name), &err) == 0 &&
		      back.op == s.op && strcmp(back.name, s.name) == 0 &&
		      (!s.param || strcmp(back.param, s.param) == 0));
		opspec_free(&back);
	}
	opspec_free(&s);
	buf_free(&err);
}

static void spec_bad(const char *text, const char *want_err)
{
	struct opspec s;
	struct buf err = BUF_INIT;
	char name[96];
	snprintf(name, sizeof name, "spec \"%s\" refused", text);
	CHECK(name, opspec_parse(&s, text, &err) < 0 && strcmp(err.p, want_err) == 0);
	opspec_free(&s);
	buf_free(&err);
}

/* Add values to two states (a split), encode one, merge it into the other, and compare
 * the result with one state that saw everything. */
static void roundtrip(const char *text, const char *const *vals, size_t n, size_t cut)
{
	struct opspec s;
	struct buf err = BUF_INIT, r1 = BUF_INIT, r2 = BUF_INIT, enc = BUF_INIT;
	opspec_parse(&s, text, &err);
	opspec_name(&s, "v", 1);
	s.mean_digits = 6;
	size_t sz = state_size(s.op->kind);
	unsigned char whole[256], left[256], right[256];
	state_init(s.op->kind, whole);
	state_init(s.op->kind, left);
	state_init(s.op->kind, right);
	for (size_t i = 0; i < n; i++) {
		state_add(&s, whole, vals[i], strlen(vals[i]));
		state_add(&s, i < cut ? left : right, vals[i], strlen(vals[i]));
	}
	state_encode(&s, right, &enc);
	int m = state_merge(&s, left, enc.p ? enc.p : "", enc.n);
	s.op->result(&s, whole, &r1);
	s.op->result(&s, left, &r2);
	char name[128];
	snprintf(name, sizeof name, "%s: merge of a split at %zu = whole (%s)", text, cut, r1.p ? r1.p : "");
	CHECK(name, sz <= sizeof whole && m == 0 && r1.n == r2.n && memcmp(r1.p, r2.p, r1.n) == 0);
	state_free(s.op->kind, whole);
	state_free(s.op->kind, left);
	state_free(s.op->kind, right);
	opspec_free(&s);
	buf_free(&err);
	buf_free(&r1);
	buf_free(&r2);
	buf_free(&enc);
}

static const char *result(const char *text, const char *const *vals, size_t n)
{
	static struct buf r = BUF_INIT;
	struct opspec s;
	struct buf err = BUF_INIT;
	unsigned char st[256];
	opspec_parse(&s, text, &err);
	s.mean_digits = 4;
	state_init(s.op->kind, st);
	for (size_t i = 0; i < n; i++)
		state_add(&s, st, vals[i], strlen(vals[i]));
	buf_clear(&r);
	buf_addc(&r, '[');
	s.op->result(&s, st, &r);
	buf_addc(&r, ']');
	state_free(s.op->kind, st);
	opspec_free(&s);
	buf_free(&err);
	return r.p;
}

int main(void)
{
	check_suite = "aggregate/ops";
	spec_ok("count", "", "count");
	spec_ok("count:doc", "doc", "count(doc)");
	spec_ok("sum:value", "value", "sum(value)");
	spec_ok("sum:2", "value", "sum(value)");
	spec_ok("quantile:value:0.90", "value", "quantile(value,0.9)");
	spec_ok("unique:doc", "doc", "unique(doc)");
	spec_ok("unique:doc:5", "doc", "unique(doc,5)");
	spec_ok("top:a,b:3", "a,b", "top(a,b,3)");
	spec_ok("sum:a:b", "a:b", "sum(a:b)");
	spec_bad("summ:value", "unknown operation 'summ'");
	spec_bad("sum", "sum needs a column: sum:COLUMN");
	spec_bad("quantile:value", "quantile needs a parameter: quantile:COLUMN:FRACTION");
	spec_bad("quantile:value:1.01", "quantile: '1.01' is not a fraction from 0 to 1");
	spec_bad("quantile:value:-0.1", "quantile: '-0.1' is not a fraction from 0 to 1");
	spec_bad("top:value:0", "top: '0' is not a positive whole number");

	const char *v[] = { "3", "1.5", "-2", "1.5", "100", "0.25", "3" };
	const char *ops[] = { "count", "sum:v", "mean:v", "min:v", "max:v", "median:v", "quantile:v:0.3",
	                      "mode:v", "countunique:v", "unique:v:2", "top:v:2", "first:v", "last:v" };
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		for (size_t cut = 0; cut <= 7; cut += 3)
			roundtrip(ops[i], v, 7, cut);

	/* results, by hand: sorted values -2 0.25 1.5 1.5 3 3 100 */
	CHECK_STR("count", result("count", v, 7), "[7]");
	CHECK_STR("sum", result("sum:v", v, 7), "[107.25]");
	CHECK_STR("mean (4 digits)", result("mean:v", v, 7), "[15.3214]");
	CHECK_STR("median", result("median:v", v, 7), "[1.5]");
	CHECK_STR("median of an even count", result("median:v", v, 6), "[1.5]");
	CHECK_STR("quantile 0.3: h=1.8, 0.25+0.8*1.25", result("quantile:v:0.3", v, 7), "[1.25]");
	CHECK_STR("quantile 0", result("quantile:v:0", v, 7), "[-2]");
	CHECK_STR("quantile 1", result("quantile:v:1", v, 7), "[100]");
	CHECK_STR("mode: tie 1.5/3 goes to byte order", result("mode:v", v, 7), "[1.5]");
	CHECK_STR("countunique", result("countunique:v", v, 7), "[5]");
	CHECK_STR("unique capped", result("unique:v:2", v, 7), "[-2,0.25,...]");
	CHECK_STR("unique", result("unique:v", v, 7), "[-2,0.25,1.5,100,3]");
	CHECK_STR("top", result("top:v:3", v, 7), "[1.5:2,3:2,-2:1]");
	CHECK_STR("first", result("first:v", v, 7), "[3]");
	CHECK_STR("last", result("last:v", v, 7), "[3]");
	CHECK_STR("mean of nothing is empty", result("mean:v", v, 0), "[]");
	CHECK_STR("min of nothing is empty", result("min:v", v, 0), "[]");
	CHECK_STR("median of nothing is empty", result("median:v", v, 0), "[]");
	CHECK_STR("sum of nothing is 0", result("sum:v", v, 0), "[0]");

	const char *odd[] = { "a b", "1*3:x", "", "a\tb" };
	CHECK_STR("bag values with spaces, stars, colons, tabs, empty", result("top:v", odd, 4),
	          "[:1,1*3:x:1,a\tb:1,a b:1]");
	roundtrip("top:v", odd, 4, 2);
	roundtrip("countunique:v", odd, 4, 1);
	return check_done();
}
