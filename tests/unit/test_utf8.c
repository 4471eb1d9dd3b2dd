/* Unit tests of common/utf8.c: each class of invalid UTF-8, repair, classes, width. */
#include "check.h"
#include "utf8.h"

static size_t repaired(const char *in, size_t n, const char *want)
{
	struct buf b = BUF_INIT;
	size_t bad = u8_repair(in, n, &b, NULL);
	int ok = b.n == strlen(want) && memcmp(b.p, want, b.n) == 0;
	buf_free(&b);
	return ok ? bad : (size_t)-1;
}

int main(void)
{
	check_suite = "utf8";
	CHECK("ascii valid", u8_valid_prefix("hello, world 123", 16) == 16);
	CHECK("cjk valid", u8_valid_prefix("回民区", 9) == 9);
	CHECK("stray continuation", repaired("a\x80z", 3, "a\xEF\xBF\xBDz") == 1);
	CHECK("overlong slash", repaired("\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD") == 2);
	CHECK("overlong 3-byte", repaired("\xE0\x80\xAF", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") == 3);
	CHECK("surrogate", repaired("\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") == 3);
	CHECK("above U+10FFFF", repaired("\xF4\x90\x80\x80", 4,
	      "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") == 4);
	CHECK("F5 lead", repaired("\xF5", 1, "\xEF\xBF\xBD") == 1);
	CHECK("cut at end is one replacement", repaired("ab\xE5\x9B", 4, "ab\xEF\xBF\xBD") == 1);
	CHECK("cut then ascii", repaired("\xE5\x9Bx", 3, "\xEF\xBF\xBDx") == 1);
	CHECK("NUL is valid", u8_valid_prefix("a\0b", 3) == 3);
	size_t first = 99;
	struct buf b = BUF_INIT;
	u8_repair("abc\xFF", 4, &b, &first);
	CHECK("first bad offset", first == 3);
	buf_free(&b);
	CHECK("tail cut 2 of 3", u8_tail_cut("a\xE5\x9B", 3) == 2);
	CHECK("tail cut none", u8_tail_cut("a\xE5\x9B\x9E", 4) == 0);
	CHECK("tail cut lone lead", u8_tail_cut("\xF0", 1) == 1);
	CHECK("tail cut invalid is not a cut", u8_tail_cut("\xE0\x80", 2) == 0);
	int32_t cp;
	CHECK("decode 回", u8_decode("回", 3, &cp) == 3 && cp == 0x56DE);
	CHECK("count", u8_count("a回b", 5) == 3);
	CHECK("offset", u8_offset("a回b", 5, 2) == 4);

	struct buf n = BUF_INIT;
	u8_normalize("１２３，ＡＢ", 18, U8_NFKC, &n);
	CHECK_STR("nfkc full-width", n.p, "123,AB");
	buf_clear(&n);
	u8_normalize("１２", 6, U8_NFC, &n);
	CHECK_STR("nfc keeps full-width", n.p, "１２");
	buf_clear(&n);
	u8_normalize("e\xCC\x81", 3, U8_NFC, &n);
	CHECK_STR("nfc composes", n.p, "\xC3\xA9");
	buf_free(&n);
	CHECK("form parse", u8_form_parse("NFKC") == U8_NFKC && u8_form_parse("x") == -1);

	CHECK("cjk class", u8_is_cjk(0x56DE) && u8_is_cjk(0x3007) && !u8_is_cjk('a'));
	CHECK("punct class", u8_is_punct(0x3002) && u8_is_punct(0xFF0C) && u8_is_punct(',') && !u8_is_punct(0x56DE));
	CHECK("digit class", u8_is_digit('7') && u8_is_digit(0xFF17) && !u8_is_digit(0x4E03));
	CHECK("space class", u8_is_space(0x3000) && u8_is_space('\t') && !u8_is_space('x'));
	CHECK("width cjk", u8_width("回民区ab", 11) == 8);
	CHECK("width combining", u8_width("e\xCC\x81", 3) == 1);
	int32_t st = 0;
	CHECK("grapheme: no break before combining", !u8_grapheme_break('e', 0x301, &st));
	st = 0;
	CHECK("grapheme: break between letters", u8_grapheme_break('a', 'b', &st));
	return check_done();
}
