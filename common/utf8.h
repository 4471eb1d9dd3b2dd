/* utf8: validation and repair, decoding, normalisation (utf8proc), character classes,
 * grapheme boundaries and display width. Functions that produce text append to a caller's
 * buf; nothing keeps state between calls except the grapheme state the caller holds. */
#ifndef COMMON_UTF8_H
#define COMMON_UTF8_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

#define U8_REPLACEMENT 0xFFFD

/* Length of the longest valid UTF-8 prefix of p[0..n) (ASCII fast path). A sequence cut
 * at the end of the buffer counts as invalid; callers streaming blocks use u8_tail_cut. */
size_t u8_valid_prefix(const char *p, size_t n);
/* Number of bytes at the end of p[0..n) that start a sequence not yet complete (0..3). */
size_t u8_tail_cut(const char *p, size_t n);
/* Decode one code point at p (n > 0). Returns its byte length (1..4) and sets *cp; an
 * invalid sequence returns the length of its maximal invalid subpart and *cp = -1. */
size_t u8_decode(const char *p, size_t n, int32_t *cp);
/* Append p[0..n) to out with every invalid subpart replaced by U+FFFD. Returns the number
 * of replacements; *first_bad (may be NULL) gets the byte offset of the first one. */
size_t u8_repair(const char *p, size_t n, struct buf *out, size_t *first_bad);
/* Number of code points in valid UTF-8 p[0..n). */
size_t u8_count(const char *p, size_t n);
/* Byte offset of the code point with index cpi in valid p[0..n) (n when past the end). */
size_t u8_offset(const char *p, size_t n, size_t cpi);

/* A file name as a document id (docs/FORMAT.md): valid UTF-8 is kept; each byte of an
 * invalid sequence becomes \xHH (upper-case hex) and a backslash before 'x' becomes \x5C,
 * so the id is UTF-8 and two different names never give the same id. Returns name when
 * nothing changes, else out->p (out is cleared first). */
const char *u8_name_id(const char *name, struct buf *out);

enum u8_form { U8_NONE, U8_NFC, U8_NFKC };
/* Append the normalised form of valid p[0..n) to out. ASCII input is copied as is. */
void u8_normalize(const char *p, size_t n, enum u8_form form, struct buf *out);
/* "nfc", "nfkc", "none" -> form, or -1. */
int u8_form_parse(const char *s);

int u8_is_cjk(int32_t cp);      /* CJK unified ideograph (all blocks) or 〇 */
int u8_is_punct(int32_t cp);    /* Unicode punctuation, ASCII and full-width included */
int u8_is_digit(int32_t cp);    /* 0-9 and full-width ０-９ */
int u8_is_space(int32_t cp);    /* Unicode white space, U+3000 included */
int u8_is_alpha(int32_t cp);    /* letters (any script) */

/* Is there a grapheme cluster boundary between a and b? state starts at 0 for a new text. */
int u8_grapheme_break(int32_t a, int32_t b, int32_t *state);
/* Display width in terminal columns of valid p[0..n) (CJK wide = 2, combining = 0). */
size_t u8_width(const char *p, size_t n);

#endif
