/* Fuzz extract-numbers' numeral parser (filters/extract-numbers/zh_numeral.c) directly:
 * at every code point of the input, numeral_parse and arabic_parse must end inside the
 * text on a character boundary and give a value that formats as a plain decimal. */
#include <string.h>
#include "../../filters/extract-numbers/zh_numeral.h"
#include "feed.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern const char data_numerals_tsv[];
extern const unsigned long data_numerals_tsv_len;

static void check_value(const struct dec *v)
{
	struct buf b = BUF_INIT;
	struct dec back = DEC_INIT;
	dec_format(v, &b);
	if (dec_parse(&back, b.p, b.n) != 0 || dec_cmp(&back, v) != 0)
		feed_fail("a numeral's value does not format as a plain decimal");
	buf_free(&b);
	dec_free(&back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct numtab T;
	static struct numparser P;
	static struct buf text;
	static int ready;
	if (!ready) {
		feed_quiet("extract-numbers");
		numtab_load(&T, data_numerals_tsv, data_numerals_tsv_len, "numerals.tsv");
		numparser_init(&P, &T);
		ready = 1;
	}
	/* the scanner only ever sees repaired text */
	buf_clear(&text);
	u8_repair((const char *)data, size, &text, NULL);
	const char *s = text.p ? text.p : "";
	size_t n = text.n;
	struct numeral x;
	numeral_init(&x);
	struct dec v = DEC_INIT;
	for (size_t pos = 0; pos < n;) {
		if (numeral_parse(&P, s, n, pos, &x)) {
			if (x.end <= pos || x.end > n)
				feed_fail("numeral_parse end outside (pos, n]");
			if (x.end < n && ((unsigned char)s[x.end] & 0xC0) == 0x80)
				feed_fail("numeral_parse ended inside a character");
			check_value(&x.v);
		}
		unsigned flags = 0;
		size_t e = arabic_parse(&P, s, n, pos, &v, &flags);
		if (e < pos || e > n)
			feed_fail("arabic_parse end outside [pos, n]");
		if (e > pos) {
			if (e < n && ((unsigned char)s[e] & 0xC0) == 0x80)
				feed_fail("arabic_parse ended inside a character");
			check_value(&v);
		}
		size_t len = 0;
		(void)digit_at(s + pos, n - pos, &len);
		int32_t cp;
		pos += u8_decode(s + pos, n - pos, &cp);
	}
	numeral_free(&x);
	dec_free(&v);
	return 0;
}
