/* Fuzz UTF-8 validation, repair and normalisation (common/utf8.c) against utf8proc's own
 * decoder as the oracle, and check the promises of utf8.h on every input. */
#include <string.h>
#include <utf8proc.h>
#include "buf.h"
#include "feed.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Length of the valid prefix by utf8proc_iterate, which rejects the same things Unicode
 * does (overlongs, surrogates, > U+10FFFF, cut sequences). */
static size_t oracle_prefix(const uint8_t *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t l = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (l <= 0 || cp < 0)
			return i;
		i += (size_t)l;
	}
	return n;
}

static int valid(const char *p, size_t n)
{
	return u8_valid_prefix(p, n) == n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	feed_quiet("fuzz-utf8");
	const char *s = (const char *)data;
	size_t vp = u8_valid_prefix(s, size);
	if (vp != oracle_prefix(data, size))
		feed_fail("u8_valid_prefix disagrees with utf8proc");

	/* decoding walks the input in steps of 1..4 bytes, each step an exact code point or a
	 * maximal invalid subpart */
	for (size_t i = 0; i < size;) {
		int32_t cp;
		size_t l = u8_decode(s + i, size - i, &cp);
		if (l < 1 || l > 4 || l > size - i)
			feed_fail("u8_decode step out of range");
		if (cp >= 0 && (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
			feed_fail("u8_decode returned a code point that is not a scalar value");
		if (cp >= 0 && oracle_prefix(data + i, l) != l)
			feed_fail("u8_decode accepted a sequence utf8proc rejects");
		i += l;
	}

	struct buf fixed = BUF_INIT, norm = BUF_INIT;
	size_t first = (size_t)-1;
	size_t bad = u8_repair(s, size, &fixed, &first);
	if (!valid(fixed.p ? fixed.p : "", fixed.n))
		feed_fail("u8_repair output is not valid UTF-8");
	if ((bad == 0) != (vp == size))
		feed_fail("u8_repair count disagrees with validation");
	if (bad && first != vp)
		feed_fail("u8_repair first bad offset is not the end of the valid prefix");
	if (bad == 0 && (fixed.n != size || memcmp(fixed.p ? fixed.p : "", s, size) != 0))
		feed_fail("u8_repair changed valid input");
	if (fixed.n > size + 2 * bad)
		feed_fail("u8_repair grew the text by more than 2 bytes per replacement");

	size_t cut = u8_tail_cut(s, size);
	if (cut > 3 || cut > size)
		feed_fail("u8_tail_cut out of range");
	if (cut && vp == size)
		feed_fail("u8_tail_cut found a cut in valid input");

	const char *f = fixed.p ? fixed.p : "";
	size_t ncp = u8_count(f, fixed.n);
	if (ncp > fixed.n)
		feed_fail("u8_count larger than the byte count");
	size_t last = 0;
	for (size_t c = 0; c <= ncp && c < 64; c++) {
		size_t off = u8_offset(f, fixed.n, c);
		if (off > fixed.n || (c && off <= last) || (c == ncp && off != fixed.n))
			feed_fail("u8_offset out of order");
		last = off;
	}
	for (int form = U8_NONE; form <= U8_NFKC; form++) {
		buf_clear(&norm);
		u8_normalize(f, fixed.n, (enum u8_form)form, &norm);
		if (!valid(norm.p ? norm.p : "", norm.n))
			feed_fail("u8_normalize output is not valid UTF-8");
	}
	(void)u8_width(s, size);   /* must cope with invalid input too */
	int32_t state = 0, prev = -1;
	for (size_t i = 0; i < fixed.n;) {
		int32_t cp;
		i += u8_decode(f + i, fixed.n - i, &cp);
		if (prev >= 0)
			(void)u8_grapheme_break(prev, cp, &state);
		(void)u8_is_cjk(cp); (void)u8_is_punct(cp); (void)u8_is_digit(cp);
		(void)u8_is_space(cp); (void)u8_is_alpha(cp);
		prev = cp;
	}
	buf_free(&fixed);
	buf_free(&norm);
	return 0;
}
