/* input: reading a file or standard input in large blocks, by line (any length) or by
 * chunk. The struct owns its buffers; a line or chunk returned is borrowed until the next
 * call. Memory is bounded by the block size plus the longest line actually read. */
#ifndef COMMON_INPUT_H
#define COMMON_INPUT_H
#include <stddef.h>
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
};

/* Open path ("-" is stdin). Returns 0, or -1 with errno set (the caller reports). */
int in_open(struct input *in, const char *path);
/* Next line without its '\n' (a trailing '\r' is kept). Returns its length and sets *line,
 * or -1 at end of input or on a read error (check in->err). *had_nl says whether the line
 * ended with '\n' (may be NULL). The bytes are writable by the caller. */
ssize_t in_getline(struct input *in, char **line, int *had_nl);
/* Next block of at most max bytes (any split point). Returns its length, 0 at end, -1 on a
 * read error. The bytes stay valid until the next call. */
ssize_t in_read(struct input *in, char **chunk, size_t max);
void in_close(struct input *in);

#endif
