/* reader: one document's bytes turned into decoded lines. It strips a UTF-8 BOM, converts
 * other charsets through iconv, replaces invalid bytes with U+FFFD, ends lines at LF, CRLF,
 * CR, form feed, U+2028, U+2029 or U+E40C (the separator of Sogou news dumps), and keeps
 * for every line where each piece of it lies in the source. A line longer than the hold
 * size is handed over as a head plus fragments, so memory stays bounded. */
#ifndef SEGMENT_READER_H
#define SEGMENT_READER_H
#include <iconv.h>
#include <stddef.h>
#include "buf.h"
#include "input.h"
#include "textmap.h"

struct line {
	struct buf t;            /* decoded UTF-8, no line terminator */
	struct tmap m;           /* positions in t -> source offsets */
	unsigned long long no;   /* 1-based line number */
	int complete;            /* the line (or this fragment) reaches the end of the line */
};

struct reader_opts {
	const char *encoding;    /* NULL or "auto": detected per document; "UTF-8": as is */
	int strict;              /* invalid input stops the document */
	size_t hold;             /* longest line kept whole, in bytes */
};

struct reader {
	const char *name;
	struct reader_opts o;
	struct input in;         /* a file or stdin ... */
	int from_mem;            /* ... or a buffer (table input) */
	const char *mem;
	size_t memlen, mempos;
	unsigned long long raw_off;   /* source offset of the next raw byte */
	iconv_t cd;
	int conv, ascii_fast, flush_each;
	int detect;              /* the charset is still to be told from the first block */
	char carry[16];
	size_t ncarry;
	int started, eof, failed;
	unsigned long long nbad, first_bad, first_bad_line, nl_seen;
	struct buf q;            /* decoded text not yet handed out */
	struct tmap qm;
	size_t qpos;
	size_t sep_pos[3];       /* next separator of each kind (FF, U+E40C, U+2028/9) in q, */
	size_t sep_upto[3];      /* or SIZE_MAX: none in q up to sep_upto */
	size_t sep_next, sep_next_qn;   /* the nearest of them, and q.n when it was found */
	unsigned long long lineno;
	struct tmap *premap;          /* html.c: the input is a text extracted through this map */
	ssize_t (*pull)(void *, const char **);   /* html.c: the input comes from this call */
	void *pull_ctx;
};

/* Prepare the shared conversion for every document (exits 2 on an unknown charset). */
void rd_setup(const struct reader_opts *o);
/* Open a file ("-" is stdin); -1 with errno set when it cannot be opened. */
int rd_open_file(struct reader *r, const char *path, const char *name);
/* Read a document held in memory (a table cell); the bytes must outlive the reader. */
void rd_open_mem(struct reader *r, const char *name, const char *p, size_t n);
/* Next line: 1 with *ln filled (ln->complete is 0 when only the head is there and
 * rd_more must be called), 0 at the end, -1 on a read error or an invalid byte under
 * --strict (already reported). */
int rd_line(struct reader *r, struct line *ln);
/* The next fragment of a line handed out incomplete: 1 (ln->complete says whether it
 * ends the line), -1 on error. */
int rd_more(struct reader *r, struct line *ln);
/* The decoded text not handed out yet, at least n bytes unless the document is shorter, for
 * a look at a document's start; 0, or -1 on error. */
int rd_peek(struct reader *r, size_t n, const char **p, size_t *len);
/* Report the replacements made (once per document) and release the input. */
void rd_close(struct reader *r);
/* Bytes read from all sources so far (for --progress). */
unsigned long long rd_total_bytes(void);

void line_free(struct line *ln);

#endif
