/* utf8: validation, repair, decoding, normalisation, classes, graphemes and width. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "cli.h"
#include "utf8.h"

/* Bytes 0x80..0xFF as lead bytes: expected sequence length, 0 when never a lead. */
static int lead_len(unsigned char c)
{
	if (c < 0x80) return 1;
	if (c < 0xC2) return 0;
	if (c < 0xE0) return 2;
	if (c < 0xF0) return 3;
	if (c < 0xF5) return 4;
	return 0;
}

/* The allowed range of the second byte depends on the lead (no overlongs, no surrogates,
 * nothing above U+10FFFF), as in Unicode's table of well-formed byte sequences. */
static int second_ok(unsigned char lead, unsigned char b)
{
	switch (lead) {
	case 0xE0: return b >= 0xA0 && b <= 0xBF;
	case 0xED: return b >= 0x80 && b <= 0x9F;
	case 0xF0: return b >= 0x90 && b <= 0xBF;
	case 0xF4: return b >= 0x80 && b <= 0x8F;
	default:   return b >= 0x80 && b <= 0xBF;
	}
}

size_t u8_decode(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	int len = lead_len(p[0]);
	if (len == 1) {
		*cp = p[0];
		return 1;
	}
	*cp = -1;
	if (len == 0)
		return 1;
	if (n < 2 || !second_ok(p[0], p[1]))
		return 1;
	int32_t v = len == 2 ? p[0] & 0x1F : len == 3 ? p[0] & 0x0F : p[0] & 0x07;
	v = (v << 6) | (p[1] & 0x3F);
	for (int i = 2; i < len; i++) {
		if ((size_t)i >= n || (p[i] & 0xC0) != 0x80)
			return (size_t)i;   /* the maximal invalid subpart ends here */
		v = (v << 6) | (p[i] & 0x3F);
	}
	*cp = v;
	return (size_t)len;
}

size_t u8_valid_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* ASCII fast path: eight bytes at a time */
		while (i + 8 <= n) {
			unsigned long long w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* Chinese text is mostly three-byte sequences with leads E1..EC and EE..EF, whose
		 * second byte may be any continuation byte: check those inline. */
		if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 2 < n &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80 && ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		int32_t cp;
		size_t l = u8_decode(s + i, n - i, &cp);
		if (cp < 0)
			return i;
		i += l;
	}
	return n;
}

size_t u8_tail_cut(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		unsigned char c = p[n - back];
		if ((c & 0xC0) == 0x80)
			continue;            /* continuation: keep looking for the lead */
		int len = lead_len(c);
		if (len > 1 && (size_t)len > back) {
			int32_t cp;
			/* only an incomplete but so far valid sequence is a cut */
			size_t l = u8_decode(s + n - back, back, &cp);
			return l == back ? back : 0;
		}
		return 0;
	}
	return 0;
}

size_t u8_repair(const char *s, size_t n, struct buf *out, size_t *first_bad)
{
	size_t bad = 0, i = 0;
	while (i < n) {
		size_t ok = u8_valid_prefix(s + i, n - i);
		buf_add(out, s + i, ok);
		i += ok;
		if (i >= n)
			break;
		int32_t cp;
		size_t l = u8_decode(s + i, n - i, &cp);
		if (!bad && first_bad)
			*first_bad = i;
		bad++;
		buf_add(out, "\xEF\xBF\xBD", 3);
		i += l;
	}
	return bad;
}

size_t u8_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

size_t u8_offset(const char *s, size_t n, size_t cpi)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (c == cpi)
				return i;
			c++;
		}
	}
	return n;
}

static int is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] & 0x80)
			return 0;
	return 1;
}

void u8_normalize(const char *s, size_t n, enum u8_form form, struct buf *out)
{
	if (form == U8_NONE || is_ascii(s, n)) {
		buf_add(out, s, n);
		return;
	}
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	if (form == U8_NFKC)
		opt |= UTF8PROC_COMPAT;
	utf8proc_uint8_t *r = NULL;
	/* utf8proc_map stops at NUL for NUL-terminated input only; lengths are explicit here. */
	utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &r, opt);
	if (m < 0) {
		if (m == UTF8PROC_ERROR_NOMEM)
			fatal(EXIT_SYS, "out of memory");
		buf_add(out, s, n);   /* invalid input: callers repair first; keep bytes */
		return;
	}
	buf_add(out, r, (size_t)m);
	free(r);
}

int u8_form_parse(const char *s)
{
	if (strcasecmp(s, "nfc") == 0) return U8_NFC;
	if (strcasecmp(s, "nfkc") == 0) return U8_NFKC;
	if (strcasecmp(s, "none") == 0) return U8_NONE;
	return -1;
}

int u8_is_cjk(int32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x20000 && c <= 0x323AF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x2F800 && c <= 0x2FA1F) || c == 0x3007;
}

int u8_is_punct(int32_t c)
{
	if (c < 0x80)
		return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
		       (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return 1;
	default:
		return 0;
	}
}

int u8_is_digit(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

int u8_is_space(int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= 0x09 && c <= 0x0D);
	if (c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	    c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000)
		return 1;
	return 0;
}

int u8_is_alpha(int32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
		return 1;
	default:
		return 0;
	}
}

int u8_grapheme_break(int32_t a, int32_t b, int32_t *state)
{
	return utf8proc_grapheme_break_stateful(a, b, state);
}

size_t u8_width(const char *s, size_t n)
{
	size_t w = 0, i = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			w += s[i] >= 0x20 && s[i] < 0x7F;
			i++;
			continue;
		}
		int32_t cp;
		i += u8_decode(s + i, n - i, &cp);
		if (cp < 0) {
			w += 1;
			continue;
		}
		int cw = utf8proc_charwidth(cp);
		w += cw > 0 ? (size_t)cw : 0;
	}
	return w;
}

const char *u8_name_id(const char *name, struct buf *out)
{
	size_t n = strlen(name);
	if (u8_valid_prefix(name, n) == n && !strstr(name, "\\x"))
		return name;
	buf_clear(out);
	static const char hex[] = "0123456789ABCDEF";
	size_t i = 0;
	while (i < n) {
		size_t ok = u8_valid_prefix(name + i, n - i);
		for (size_t k = i; k < i + ok; k++) {
			if (name[k] == '\\' && name[k + 1] == 'x')
				buf_add(out, "\\x5C", 4);
			else
				buf_addc(out, name[k]);
		}
		i += ok;
		if (i >= n)
			break;
		int32_t cp;
		size_t l = u8_decode(name + i, n - i, &cp);
		for (size_t k = i; k < i + l; k++) {
			unsigned char c = (unsigned char)name[k];
			char e[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
			buf_add(out, e, 4);
		}
		i += l;
	}
	return out->p ? out->p : "";
}
