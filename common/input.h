/* input: reading a file or standard input in large blocks, by line (any length) or by
 * chunk. The struct owns its buffers; a line or chunk returned is borrowed until the next
 * call. Memory is bounded by the block size plus the longest line actually read. */
#ifndef COMMON_INPUT_H
#define COMMON_INPUT_H
#include <stddef.h>
#include <iconv.h>
#include <sys/types.h>
#include "buf.h"

struct input {
	const char *name;        /* as given; "-" for standard input */
	int fd;
	char *blk;               /* read block */
	size_t blk_cap, pos, len;
	int eof;
	int err;                 /* errno of a failed read, 0 if none */
	unsigned long long line; /* number of the line last returned by in_getline (1-based) */
	unsigned long long off;  /* byte offset in the file of the next unread byte */
	struct buf acc;          /* a line that straddles blocks is gathered here */
	int mid;                 /* in_getpiece: inside a line handed out in pieces */
	/* in_set_encoding: the input is converted to UTF-8 as it is read */
	int detect, conv;
	int flushed;             /* the converter's held-back text written at the end */
	iconv_t cd;
	struct buf raw;          /* undecoded bytes carried to the next read */
	const char *charset;     /* the charset read (detected or given) */
	int charset_owned;
	unsigned long long nbad; /* invalid sequences replaced by U+FFFD */
};

/* Open path ("-" is stdin). Returns 0, or -1 with errno set (the caller reports). */
int in_open(struct input *in, const char *path);
/* Next line without its '\n' (a trailing '\r' is kept). Returns its length and sets *line,
 * or -1 at end of input or on a read error (check in->err). *had_nl says whether the line
 * ended with '\n' (may be NULL). The bytes are writable by the caller. */
ssize_t in_getline(struct input *in, char **line, int *had_nl);
/* in_getline for lines of any length in bounded memory: a line longer than max bytes is
 * handed out in pieces of max bytes (the last one shorter), *complete saying whether the
 * piece ends the line (a piece of exactly max bytes says 0: an empty last piece, or the end
 * of the input, may follow). in->line counts lines, not pieces. A piece that does not end the
 * line is always in in->acc (so p[n] is writable); a whole line is as in_getline. */
ssize_t in_getpiece(struct input *in, char **line, size_t max, int *complete);
/* Next block of at most max bytes (any split point). Returns its length, 0 at end, -1 on a
 * read error. The bytes stay valid until the next call. */
ssize_t in_read(struct input *in, char **chunk, size_t max);
/* Read the input as charset enc, converted to UTF-8 (call after in_open, before reading):
 * NULL or "UTF-8" reads the bytes as they are; "auto" tells the charset from the first
 * block (charset.h) and names it through meter_note when it is not UTF-8. Invalid
 * sequences become U+FFFD, counted in nbad and reported by in_close (status 1). off then
 * counts UTF-8 bytes. Returns 0, or -1 when iconv does not know enc. */
int in_set_encoding(struct input *in, const char *enc);
void in_close(struct input *in);

#endif
