/* sentences: where one sentence ends and the next begins, decided on the source text
 * (full-width and half-width marks alike), one code point at a time. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include "chars.h"
#include "sentences.h"
#include "utf8.h"
#include "wordlist.h"

/* Bytes kept unscanned while more text may come: enough to see past a period, the spaces
 * after it and the capital letter that decides whether it ends a Latin sentence. */
#define LOOKAHEAD 32
/* A 《 further back than this is a stray mark, not an open book title. */
#define BOOK_SPAN 64
/* Text already emitted is dropped once it is this large. */
#define COMPACT_AT (64 * 1024)

static struct wordlist abbrevs;

void spl_set_abbrevs(const char *list, size_t n)
{
	wl_load(&abbrevs, list, n);
}

static void reset_counts(struct splitter *sp)
{
	sp->ncp = 0;
	sp->words = 0;
	sp->cut = sp->gb = sp->seg;
	sp->cut_cp = sp->gb_cp = 0;
	sp->after_stop = 0;
}

void spl_init(struct splitter *sp, size_t max_cp, enum u8_form form, spl_emit_fn emit, void *ctx)
{
	memset(sp, 0, sizeof *sp);
	sp->max_cp = max_cp;
	sp->form = form;
	sp->emit = emit;
	sp->ctx = ctx;
	sp->book = SIZE_MAX;
}

void spl_free(struct splitter *sp)
{
	buf_free(&sp->t);
	tm_free(&sp->m);
}

static void compact(struct splitter *sp)
{
	size_t k = sp->seg;
	memmove(sp->t.p, sp->t.p + k, sp->t.n - k);
	sp->t.n -= k;
	sp->t.p[sp->t.n] = '\0';
	tm_rebase(&sp->m, k);
	sp->seg = 0;
	sp->pos -= k;
	sp->cut -= k;
	sp->gb -= k;
}

void spl_begin(struct splitter *sp, int whole)
{
	buf_clear(&sp->t);
	tm_clear(&sp->m);
	sp->seg = sp->pos = 0;
	reset_counts(sp);
	sp->whole = whole;
	sp->dq_open = 0;
	sp->prev = 0;
	sp->gstate = 0;
	sp->book = SIZE_MAX;
}

/* Hand out t[a..b) without its surrounding white space. */
static void emit_range(struct splitter *sp, size_t a, size_t b)
{
	const char *p = sp->t.p;
	while (a < b) {
		int32_t c;
		size_t l = ch_decode(p + a, b - a, &c);
		if (!ch_is_space(c))
			break;
		a += l;
	}
	while (b > a) {
		size_t q = ch_prev(p, b);
		int32_t c;
		ch_decode(p + q, b - q, &c);
		if (!ch_is_space(c))
			break;
		b = q;
	}
	if (b > a)
		sp->emit(sp->ctx, p + a, b - a, tm_start(&sp->m, a), tm_end(&sp->m, b));
}

/* End the segment at b; the code points between b and the scan position stay counted. */
static void boundary(struct splitter *sp, size_t b, size_t cp_left)
{
	emit_range(sp, sp->seg, b);
	sp->seg = b;
	reset_counts(sp);
	sp->ncp = cp_left;
	if (sp->book != SIZE_MAX)
		sp->book = 0;
}

static int32_t peek(const struct splitter *sp, size_t i)
{
	if (i >= sp->t.n)
		return -1;
	int32_t c;
	ch_decode(sp->t.p + i, sp->t.n - i, &c);
	return c;
}

/* Is the word before the period at i an abbreviation or an initial? */
static int abbrev_before(const struct splitter *sp, size_t i)
{
	size_t a = i;
	while (a > sp->seg && (isalpha((unsigned char)sp->t.p[a - 1]) || sp->t.p[a - 1] == '.'))
		a--;
	size_t n = i - a;
	if (n == 0)
		return 0;
	if (n == 1 && isupper((unsigned char)sp->t.p[a]))
		return 1;
	char w[32];
	if (n >= sizeof w)
		return 0;
	for (size_t k = 0; k < n; k++)
		w[k] = (char)tolower((unsigned char)sp->t.p[a + k]);
	return wl_has(&abbrevs, w, n);
}

/* A Latin period ends a sentence when closing marks, white space and a capital follow,
 * and it does not end an abbreviation or sit inside a number. */
static int latin_stop(const struct splitter *sp, size_t i, size_t len)
{
	size_t j = i + len;
	int32_t c = peek(sp, j);
	if (c >= '0' && c <= '9')
		return 0;
	while (c >= 0 && ch_is_closer(c)) {
		j += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
		c = peek(sp, j);
	}
	if (c < 0 || !ch_is_space(c))
		return 0;
	while (c >= 0 && ch_is_space(c)) {
		j += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
		c = peek(sp, j);
	}
	while (c >= 0 && ch_is_opener(c)) {
		j += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
		c = peek(sp, j);
	}
	if (!(c >= 'A' && c <= 'Z'))
		return 0;
	return !abbrev_before(sp, i);
}

/* ! and ? end a sentence unless a letter, digit or URL character follows at once. */
static int ascii_stop(const struct splitter *sp, size_t i)
{
	int32_t c = peek(sp, i + 1);
	return !(c >= 0 && (ch_is_ascii_alnum(c) || c == '=' || c == '&' || c == '/'));
}

static int in_book(const struct splitter *sp)
{
	return sp->book != SIZE_MAX && sp->ncp - sp->book <= BOOK_SPAN;
}

/* Does code point c at i (len bytes) end a sentence? */
static int is_stop(struct splitter *sp, int32_t c, size_t i, size_t len)
{
	if (c < 0x80) {
		if (c == '!' || c == '?')
			return ascii_stop(sp, i);
		if (c == '.')
			return latin_stop(sp, i, len);
		return 0;
	}
	if (ch_is_cjk_stop(c) || c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049)
		return 1;
	/* "……" ends a sentence, but not when it stands for words left out at its start. */
	if (c == 0x2026)
		return sp->prev == 0x2026 && sp->words > 0;
	if (c == 0xFF0E)
		return latin_stop(sp, i, len);
	return 0;
}

static int simple(int32_t c)
{
	return (c >= 0x20 && c < 0x7F) || ch_is_han(c) || (c >= 0x3000 && c <= 0x303F) ||
	       (c >= 0xFF01 && c <= 0xFF5E) || (c >= 0x2010 && c <= 0x2027);
}

static int grapheme_break(struct splitter *sp, int32_t c)
{
	if (sp->pos == sp->seg || sp->prev == 0)
		return 1;
	if (simple(sp->prev) && simple(c)) {
		sp->gstate = 0;
		return 1;
	}
	return u8_grapheme_break(sp->prev, c, &sp->gstate);
}

static inline int cuttable_after(int32_t c)
{
	if (c < 0x80)
		return ch_is_space(c) || (ispunct((unsigned char)c) && c != '\'' );
	if (ch_is_han(c))
		return 0;
	/* General punctuation U+2010..U+2027 (dashes, quotes, ellipsis) and opening marks
	 * are punctuation: no need to ask the Unicode tables. */
	return (c >= 0x2010 && c <= 0x2027) || ch_is_space(c) || ch_is_pause(c) || ch_is_final(c) ||
	       ch_is_closer(c) || ch_is_opener(c) || u8_is_punct(c);
}

/* Code points c has in the output's normal form (its full decomposition: composition
 * can only make the text shorter). Nearly every character of Chinese news is one; in the
 * ranges taken as one without asking, U+2017 is the exception (a space and U+0333). */
static size_t weight(const struct splitter *sp, const char *p, size_t len, int32_t c)
{
	if (c < 0x80 || sp->form == U8_NONE || ch_is_han(c) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFF01 && c <= 0xFF5E) || (c >= 0x2010 && c <= 0x2022 && c != 0x2017) || c == 0xFFFD)
		return 1;
	static int32_t seen[64];
	static unsigned char w[64][3];   /* per form: 0 = not yet known */
	unsigned k = (unsigned)c & 63;
	if (seen[k] != c) {
		seen[k] = c;
		memset(w[k], 0, sizeof w[k]);
	}
	if (!w[k][sp->form]) {
		struct buf one = BUF_INIT;
		u8_normalize(p, len, sp->form, &one);
		size_t n = u8_count(one.p, one.n);
		w[k][sp->form] = (unsigned char)(n < 1 ? 1 : n > 255 ? 255 : n);
		buf_free(&one);
	}
	return w[k][sp->form];
}

/* cuttable_after for the characters simple() takes, without the Unicode tables: the
 * punctuation and spaces of ASCII, U+2010..U+2027, U+3000..U+303F and the full-width
 * forms. */
static int simple_cuttable(int32_t c)
{
	if (c < 0x80)
		return ch_is_space(c) || (ispunct((unsigned char)c) && c != '\'');
	if (c >= 0x2010 && c <= 0x2027)
		return 1;
	if (c >= 0xFF01 && c <= 0xFF5E)
		return cuttable_after(c);
	/* U+3000..U+303F: the space, 、。〃, brackets, quotes and dashes are; 々, 〆, the
	 * Hangzhou numerals, tone marks, kana repeat marks and symbols are not. */
	return c <= 0x3003 || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301F) ||
	       c == 0x3030 || c == 0x303D;
}

/* Process the code point at pos. */
static void step(struct splitter *sp, int32_t c, size_t len)
{
	size_t i = sp->pos;
	size_t wt = weight(sp, sp->t.p + i, len, c);
	if (sp->after_stop) {
		/* An ASCII " closes a quotation only when one is open; else it opens the next
		 * sentence ("…。\"新的一句…"). */
		int opens = c == '"' && !sp->dq_open;
		if ((ch_is_closer(c) || ch_is_cjk_stop(c) || c == '!' || c == '?' || c == 0x2026) &&
		    !opens && sp->ncp + wt <= sp->max_cp) {
			sp->ncp += wt;
			sp->prev = c;
			sp->pos += len;
			if (c == '"')
				sp->dq_open = 0;
			return;
		}
		boundary(sp, i, 0);
	}
	if (c == '"')
		sp->dq_open = !sp->dq_open;
	int gb = grapheme_break(sp, c);
	if (gb) {
		sp->gb = i;
		sp->gb_cp = sp->ncp;
		if (i > sp->seg && cuttable_after(sp->prev)) {
			sp->cut = i;
			sp->cut_cp = sp->ncp;
		}
	}
	if (sp->ncp > 0 && sp->ncp + wt > sp->max_cp) {
		size_t b = sp->cut > sp->seg ? sp->cut : sp->gb > sp->seg ? sp->gb : i;
		size_t left = b == sp->cut ? sp->ncp - sp->cut_cp : b == sp->gb ? sp->ncp - sp->gb_cp : 0;
		boundary(sp, b, left);
		/* What was carried over may leave no room for c: then cut before c too. */
		if (sp->ncp > 0 && sp->ncp + wt > sp->max_cp)
			boundary(sp, i, 0);
	}
	sp->ncp += wt;
	sp->words += ch_is_han(c) || ch_is_ascii_alnum(c);
	if (!sp->whole) {
		if (c == 0x300A)
			sp->book = sp->ncp;
		else if (c == 0x300B)
			sp->book = SIZE_MAX;
		else if (!in_book(sp) && is_stop(sp, c, i, len))
			sp->after_stop = 1;
	}
	sp->prev = c;
	sp->pos += len;
}

/* Scan up to limit (a code point boundary). */
static void scan(struct splitter *sp, size_t limit)
{
	const char *p = sp->t.p;
	while (sp->pos < limit) {
		unsigned char b = (unsigned char)p[sp->pos];
		int32_t c;
		size_t len;
		if (b < 0x80) {
			c = b;
			len = 1;
			/* Letters and digits after a letter, digit or ideograph: only counting. */
			if (ch_is_ascii_alnum(c) && (ch_is_ascii_alnum(sp->prev) || ch_is_han(sp->prev)) &&
			    !sp->after_stop && sp->ncp + 1 < sp->max_cp && sp->pos > sp->seg) {
				sp->gb = sp->pos;
				sp->gb_cp = sp->ncp;
				sp->ncp++;
				sp->words++;
				sp->prev = c;
				sp->pos++;
				continue;
			}
		} else {
			/* Inside a run of ideographs (U+4000..U+9FFF, lead bytes E4..E9) nothing
			 * can happen but counting: every position is a grapheme boundary, none
			 * is a cut point or a sentence end. */
			if (b >= 0xE4 && b <= 0xE9 && !sp->after_stop && sp->pos > sp->seg &&
			    simple(sp->prev) && sp->ncp + 1 < sp->max_cp) {
				/* After a mark ("，", "“"), the run's start is a cut point. */
				if (!ch_is_han(sp->prev) && !ch_is_ascii_alnum(sp->prev)) {
					sp->gstate = 0;
					if (simple_cuttable(sp->prev)) {
						sp->cut = sp->pos;
						sp->cut_cp = sp->ncp;
					}
				}
				size_t room = sp->max_cp - 1 - sp->ncp, k = 0, j = sp->pos;
				while (k < room && j + 3 <= limit && (unsigned char)p[j] >= 0xE4 &&
				       (unsigned char)p[j] <= 0xE9) {
					j += 3;
					k++;
				}
				sp->gb = j - 3;
				sp->gb_cp = sp->ncp + k - 1;
				sp->ncp += k;
				sp->words += k;
				ch_decode(p + j - 3, 3, &sp->prev);
				sp->pos = j;
				continue;
			}
			len = ch_decode(p + sp->pos, sp->t.n - sp->pos, &c);
		}
		step(sp, c, len);
	}
}

void spl_feed(struct splitter *sp, const char *text, size_t n, const struct tmap *m)
{
	if (sp->seg >= COMPACT_AT && sp->seg > sp->t.n / 2)
		compact(sp);
	size_t base = sp->t.n;
	buf_add(&sp->t, text, n);
	tm_copy(&sp->m, m, 0, n, base);
	if (sp->t.n < sp->pos + LOOKAHEAD)
		return;
	size_t limit = sp->t.n - LOOKAHEAD;
	while (limit > sp->pos && ((unsigned char)sp->t.p[limit] & 0xC0) == 0x80)
		limit--;
	scan(sp, limit);
}

void spl_feed_space(struct splitter *sp)
{
	struct tmap one = TMAP_INIT;
	unsigned long long s = tm_end(&sp->m, sp->t.n);
	tm_add(&one, 0, s);
	tm_add(&one, 1, s);
	buf_addc(&sp->t, ' ');
	tm_copy(&sp->m, &one, 0, 1, sp->t.n - 1);
	tm_free(&one);
}

void spl_end(struct splitter *sp)
{
	scan(sp, sp->t.n);
	sp->at_end = 1;
	if (sp->t.n > sp->seg)
		emit_range(sp, sp->seg, sp->t.n);
	sp->at_end = 0;
	buf_clear(&sp->t);
	tm_clear(&sp->m);
	sp->seg = sp->pos = 0;
	reset_counts(sp);
}
