/* Fuzz aggregate's number parsing and exact sums (filters/aggregate/num.c) against
 * common/decimal.c: fix_parse must accept what dec_parse accepts, with the same value,
 * and the running sum, min and max must agree with decimal arithmetic; fix_format and
 * sum_format must write what dec_format writes.
 * Input: values separated by newlines. */
#include <string.h>
#include "../../filters/aggregate/num.h"
#include "feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	feed_quiet("aggregate");
	const char *s = (const char *)data, *end = s + size;
	struct sum sum = { { 0, 0 }, NULL };
	struct numval lo = { 0 }, hi = { 0 };
	struct dec want = DEC_INIT, d = DEC_INIT, got = DEC_INIT, min = DEC_INIT, max = DEC_INIT;
	int any = 0;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = (size_t)((nl ? nl : end) - s);
		struct fix f;
		int fr = fix_parse(s, n, &f), dr = dec_parse(&d, s, n);
		if ((fr < 0) != (dr < 0))
			feed_fail("fix_parse and dec_parse disagree on what is a number");
		if (fr == 1) {
			fix_to_dec(f, &got);
			if (dec_cmp(&got, &d) != 0)
				feed_fail("fix_parse value differs from dec_parse");
			struct buf a = BUF_INIT, b = BUF_INIT;
			fix_format(f, &a);
			dec_format(&got, &b);
			if (a.n != b.n || memcmp(a.p, b.p, a.n) != 0)
				feed_fail("fix_format writes another text than dec_format");
			buf_free(&a);
			buf_free(&b);
		}
		int sr = sum_add_text(&sum, s, n);
		if ((sr < 0) != (dr < 0))
			feed_fail("sum_add_text and dec_parse disagree on what is a number");
		if ((numval_keep(&lo, s, n, -1) < 0) != (sr < 0) || (numval_keep(&hi, s, n, 1) < 0) != (sr < 0))
			feed_fail("numval_keep and sum_add_text disagree on what is a number");
		if (dr == 0) {
			dec_add(&want, &d);
			if (!any || dec_cmp(&d, &min) < 0)
				dec_copy(&min, &d);
			if (!any || dec_cmp(&d, &max) > 0)
				dec_copy(&max, &d);
			any = 1;
		}
		s += n + 1;
	}
	sum_value(&sum, &got);
	if (dec_cmp(&got, &want) != 0)
		feed_fail("exact sum differs from decimal arithmetic");
	struct buf fa = BUF_INIT, fb = BUF_INIT;
	sum_format(&sum, &fa);
	dec_format(&got, &fb);
	if (fa.n != fb.n || memcmp(fa.p, fb.p, fa.n) != 0)
		feed_fail("sum_format writes another text than dec_format");
	buf_free(&fa);
	buf_free(&fb);
	if (any) {
		numval_value(&lo, &got);
		if (dec_cmp(&got, &min) != 0)
			feed_fail("min differs");
		numval_value(&hi, &got);
		if (dec_cmp(&got, &max) != 0)
			feed_fail("max differs");
	}
	sum_free(&sum);
	numval_free(&lo);
	numval_free(&hi);
	dec_free(&want);
	dec_free(&d);
	dec_free(&got);
	dec_free(&min);
	dec_free(&max);
	return 0;
}
