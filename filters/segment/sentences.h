/* sentences: a streaming sentence splitter. Text is fed piece by piece (the lines of one
 * paragraph, or the fragments of one very long line); each segment is handed to the emit
 * callback as soon as its end is certain, so only the unfinished segment is held. No
 * segment is longer than max code points once normalised (a character is counted as the
 * code points its normal form has, so "…" is three under NFKC): a run without a sentence
 * end is cut at the last space or punctuation before the limit, else at the last grapheme
 * boundary. */
#ifndef SEGMENT_SENTENCES_H
#define SEGMENT_SENTENCES_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "textmap.h"
#include "utf8.h"

typedef void (*spl_emit_fn)(void *ctx, const char *p, size_t n,
                            unsigned long long start, unsigned long long end);

struct splitter {
	size_t max_cp;          /* counted in the normal form the text is written in */
	enum u8_form form;
	int whole;              /* the paragraph is one segment (titles, captions...) */
	struct buf t;           /* text of the segment in progress and unscanned input */
	struct tmap m;
	size_t seg, pos;        /* segment start; next byte to scan */
	size_t ncp;             /* code points in t[seg..pos) */
	size_t words;           /* letters, digits and ideographs among them */
	size_t cut, cut_cp;     /* last space/punctuation cut point after seg (seg: none) */
	size_t gb, gb_cp;       /* last grapheme boundary after seg */
	int32_t prev, gstate;
	int after_stop;         /* a sentence end was seen; closing marks are being taken */
	int dq_open;            /* an ASCII " opened in this paragraph is not closed yet */
	int at_end;             /* set while the last segment of the paragraph is handed out */
	size_t book;            /* code point count where an unclosed 《 opened, or SIZE_MAX */
	spl_emit_fn emit;
	void *ctx;
};

void spl_init(struct splitter *sp, size_t max_cp, enum u8_form form, spl_emit_fn emit, void *ctx);
void spl_free(struct splitter *sp);
/* Start a paragraph; whole = do not split at sentence ends. */
void spl_begin(struct splitter *sp, int whole);
/* Append text[0..n) whose source positions are given by m (positions 0..n). */
void spl_feed(struct splitter *sp, const char *text, size_t n, const struct tmap *m);
/* Append a space that is not in the source (between two Latin words glued across lines). */
void spl_feed_space(struct splitter *sp);
/* End of the paragraph: everything held becomes segments. */
void spl_end(struct splitter *sp);

/* Load the abbreviations (lower case, one per line) that a Latin period does not end. */
void spl_set_abbrevs(const char *list, size_t n);

#endif
