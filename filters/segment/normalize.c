/* normalize: inline folding for the common characters, utf8proc for the rest. */
#include <string.h>
#include "chars.h"
#include "normalize.h"

/* Characters NFC and NFKC leave alone, and that nothing composes with. */
static int stable(int32_t c)
{
	if (c >= 0x4E00 && c <= 0x9FFF)
		return 1;
	switch (c) {
	case 0x3001: case 0x3002: case 0x300A: case 0x300B: case 0x300C: case 0x300D:
	case 0x300E: case 0x300F: case 0x3010: case 0x3011: case 0x3008: case 0x3009:
	case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2014: case 0x2013:
	case 0x00B7: case 0x2022: case 0x25A0: case 0x25A1: case 0x00A9: case 0x3007:
	case 0xFFFD:
		return 1;
	default:
		return 0;
	}
}

static int is_ideograph(const char *p, size_t n)
{
	unsigned char b = (unsigned char)p[0];
	return n >= 3 && ((b >= 0xE5 && b <= 0xE9) || (b == 0xE4 && (unsigned char)p[1] >= 0xB8));
}

/* Fold p[0..n) into out when every character is known; 0 (out unchanged) otherwise. */
static int fold_known(const char *p, size_t n, enum u8_form form, struct buf *out)
{
	size_t start = out->n;
	size_t i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)p[i];
		if (b < 0x80) {
			size_t j = i + 1;
			while (j < n && (unsigned char)p[j] < 0x80)
				j++;
			buf_add(out, p + i, j - i);
			i = j;
			continue;
		}
		/* Ideographs U+4E00..U+9FFF (E4 B8.. to E9 BF BF) need no decoding. */
		if (is_ideograph(p + i, n - i)) {
			size_t j = i + 3;
			while (is_ideograph(p + j, n - j))
				j += 3;
			buf_add(out, p + i, j - i);
			i = j;
			continue;
		}
		int32_t c;
		size_t l = ch_decode(p + i, n - i, &c);
		if (stable(c)) {
			size_t j = i + l;
			while (j < n && (unsigned char)p[j] >= 0x80) {
				int32_t d;
				size_t k = ch_decode(p + j, n - j, &d);
				if (!stable(d))
					break;
				j += k;
			}
			buf_add(out, p + i, j - i);
			i = j;
			continue;
		} else if (form == U8_NFKC && c >= 0xFF01 && c <= 0xFF5E) {
			buf_addc(out, (char)(c - 0xFEE0));
		} else if (form == U8_NFKC && c == 0x3000) {
			buf_addc(out, ' ');
		} else if (form == U8_NFKC && c == 0x2026) {
			buf_add(out, "...", 3);
		} else if (form == U8_NFC && (c == 0x3000 || c == 0x2026 || (c >= 0xFF01 && c <= 0xFF5E))) {
			buf_add(out, p + i, l);
		} else {
			out->n = start;
			if (out->cap)
				out->p[start] = '\0';
			return 0;
		}
		i += l;
	}
	/* A combining mark after ASCII would compose; those marks are not "known", so an
	 * ASCII letter here is never followed by one. */
	return 1;
}

static void trim_tail(struct buf *out, size_t start)
{
	size_t a = start;
	while (a < out->n && ch_is_space((unsigned char)out->p[a]))
		a++;
	if (a > start) {
		memmove(out->p + start, out->p + a, out->n - a);
		out->n -= a - start;
	}
	while (out->n > start) {
		size_t q = ch_prev(out->p, out->n);
		if (q < start)
			break;
		int32_t c;
		ch_decode(out->p + q, out->n - q, &c);
		if (!ch_is_space(c))
			break;
		out->n = q;
	}
	if (out->cap)
		out->p[out->n] = '\0';
}

void norm_text(const char *p, size_t n, enum u8_form form, struct buf *out)
{
	size_t start = out->n;
	if (form == U8_NONE)
		buf_add(out, p, n);
	else if (!fold_known(p, n, form, out))
		u8_normalize(p, n, form, out);
	trim_tail(out, start);
}
