/* chars: the punctuation classes sentence splitting and line typing depend on. Full-width
 * and half-width forms are listed together because the rules run on the source text,
 * before normalisation folds them. */
#ifndef SEGMENT_CHARS_H
#define SEGMENT_CHARS_H
#include <stddef.h>
#include <stdint.h>

/* Ends a Chinese sentence on its own: 。｡！？ (the ASCII ! ? need context, see sentences.c). */
static inline int ch_is_cjk_stop(int32_t c)
{
	return c == 0x3002 || c == 0xFF61 || c == 0xFF01 || c == 0xFF1F;
}

/* Any sentence-final mark a line may end with: the above, ! ? and the ellipsis. */
static inline int ch_is_final(int32_t c)
{
	return ch_is_cjk_stop(c) || c == '!' || c == '?' || c == 0x2026 || c == '.' ||
	       c == 0xFF0E || c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049;
}

/* Closing quotes and brackets that stay with the sentence they close. */
static inline int ch_is_closer(int32_t c)
{
	switch (c) {
	case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF09: case ')':
	case 0x3011: case 0x3015: case 0x3017: case 0x300B: case 0x3009: case ']':
	case 0xFF3D: case '"': case '\'': case 0xFF02: case 0xFF07: case 0x00BB: case 0x203A:
		return 1;
	default:
		return 0;
	}
}

/* Opening quotes and brackets. */
static inline int ch_is_opener(int32_t c)
{
	switch (c) {
	case 0x201C: case 0x2018: case 0x300C: case 0x300E: case 0xFF08: case '(':
	case 0x3010: case 0x3014: case 0x3016: case 0x300A: case 0x3008: case '[':
	case 0xFF3B: case 0x00AB: case 0x2039:
		return 1;
	default:
		return 0;
	}
}

/* Commas, enumeration commas, semicolons, colons: the sentence goes on after them. */
static inline int ch_is_pause(int32_t c)
{
	switch (c) {
	case ',': case 0xFF0C: case 0x3001: case 0xFF64: case ';': case 0xFF1B:
	case ':': case 0xFF1A: case 0xFE50: case 0xFE51: case 0xFE54: case 0xFE55:
		return 1;
	default:
		return 0;
	}
}

static inline int ch_is_comma(int32_t c)
{
	return c == ',' || c == 0xFF0C || c == 0x3001 || c == 0xFF64 || c == 0xFE50 || c == 0xFE51;
}

static inline int ch_is_colon(int32_t c)
{
	return c == ':' || c == 0xFF1A || c == 0xFE55;
}

/* White space of any width, the ideographic space and the BOM/zero-width no-break space. */
static inline int ch_is_space(int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= 0x09 && c <= 0x0D);
	return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
	       c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
	       c == 0xFEFF;
}

/* Han ideographs (the common blocks; enough to tell names and words from other text). */
static inline int ch_is_han(int32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x20000 && c <= 0x323AF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

static inline int ch_is_ascii_alnum(int32_t c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Characters that cannot begin a sentence: a line starting with one continues the last. */
static inline int ch_is_continuation(int32_t c)
{
	return ch_is_pause(c) || ch_is_closer(c) || ch_is_cjk_stop(c) || c == 0x2026 ||
	       c == 0xFF0E;
}

/* Decode one code point of valid UTF-8 at p (n > 0); returns its length. */
static inline size_t ch_decode(const char *p, size_t n, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)p;
	if (s[0] < 0x80) { *cp = s[0]; return 1; }
	if (s[0] < 0xE0 && n >= 2) { *cp = ((s[0] & 0x1F) << 6) | (s[1] & 0x3F); return 2; }
	if (s[0] < 0xF0 && n >= 3) {
		*cp = ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	if (n >= 4) {
		*cp = ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

/* Start of the code point that ends just before p[i] (i > 0). */
static inline size_t ch_prev(const char *p, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)p[i] & 0xC0) == 0x80);
	return i;
}

#endif
