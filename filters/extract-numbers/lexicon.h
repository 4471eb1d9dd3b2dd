/* lexicon: word lists loaded from the embedded data files, looked up by longest match at
 * a position (units after a numeral) or ending at a position (approximation words before
 * one). Entries carry up to LEX_FIELDS extra fields from their TSV line. */
#ifndef XN_LEXICON_H
#define XN_LEXICON_H
#include <stddef.h>
#include <stdint.h>

#define LEX_FIELDS 5

struct lex_entry {
	char *s;                    /* the word, NUL-terminated */
	size_t n;                   /* its length in bytes */
	char *f[LEX_FIELDS];        /* extra fields ("" when absent) */
	unsigned long line;         /* where it came from, for messages */
};

struct lex_slot;

struct lexicon {
	struct lex_entry *e;
	size_t n, cap;
	/* entries sorted by key code point, longest first within a key; the hash maps a
	 * key to its run. One index by first code point, one by last. */
	size_t *first, *last;
	struct lex_slot *hfirst, *hlast;
	size_t hmask;
};

/* Call fn for each data line of a TSV text (comments start with '#', blank lines are
 * skipped); fields are split at tabs, at most max of them. */
typedef void (*lex_line_fn)(void *ctx, char **f, size_t nf, const char *name, unsigned long line);
void lex_each_line(const char *data, size_t len, const char *name, size_t max,
                   lex_line_fn fn, void *ctx);

void lex_add(struct lexicon *L, const char *s, char **f, size_t nf, unsigned long line);
/* Load every line of data: field 1 is the word, the rest its fields. */
void lex_load(struct lexicon *L, const char *data, size_t len, const char *name);
/* Index the entries; call after the last lex_add and before any lookup. */
void lex_build(struct lexicon *L);
void lex_free(struct lexicon *L);

/* Longest entry that starts at p (p[0..n) is the rest of the text), or NULL. */
const struct lex_entry *lex_at(const struct lexicon *L, const char *p, size_t n);
/* Longest entry that ends at text+pos and starts at or after text+lo, or NULL. */
const struct lex_entry *lex_before(const struct lexicon *L, const char *text, size_t lo, size_t pos);
/* Every entry whose first code point is cp: sets *run, returns how many (longest first). */
size_t lex_by_first(const struct lexicon *L, int32_t cp, const size_t **run);

/* The code point at s (n > 0 bytes, valid UTF-8): ASCII and the 3-byte forms of CJK text
 * are decoded inline, the rest by u8_decode. */
int32_t lex_cp_slow(const char *s, size_t n);
static inline int32_t lex_cp(const char *s, size_t n)
{
	unsigned char b = (unsigned char)s[0];
	if (b < 0x80)
		return b;
	if (b >= 0xE0 && b < 0xF0 && n >= 3)
		return (int32_t)((b & 0x0F) << 12 | ((unsigned char)s[1] & 0x3F) << 6 |
		                 ((unsigned char)s[2] & 0x3F));
	return lex_cp_slow(s, n);
}

/* First and last code point of a UTF-8 string (-1 when empty or invalid). */
int32_t lex_first_cp(const char *s, size_t n);
int32_t lex_last_cp(const char *s, size_t n);

#endif
