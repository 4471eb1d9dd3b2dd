/* input: block and line reading from a file or standard input. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "input.h"

#define BLOCK (256 * 1024)

int in_open(struct input *in, const char *path)
{
	memset(in, 0, sizeof *in);
	in->name = path;
	if (strcmp(path, "-") == 0) {
		in->fd = 0;
	} else {
		in->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0)
			return -1;
		struct stat st;
		if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			close(in->fd);
			in->fd = -1;
			errno = EISDIR;
			return -1;
		}
	}
	in->blk_cap = BLOCK;
	in->blk = xmalloc(in->blk_cap);
	return 0;
}

/* Refill the block; returns bytes now available after pos, 0 at EOF or error. */
static size_t fill(struct input *in)
{
	if (in->pos < in->len)
		return in->len - in->pos;
	in->pos = in->len = 0;
	while (!in->eof) {
		ssize_t r = read(in->fd, in->blk, in->blk_cap);
		if (r > 0) {
			in->len = (size_t)r;
			break;
		}
		if (r == 0) {
			in->eof = 1;
		} else if (errno != EINTR) {
			in->err = errno;
			in->eof = 1;
		}
	}
	return in->len;
}

ssize_t in_getline(struct input *in, char **line, int *had_nl)
{
	buf_clear(&in->acc);
	int straddle = 0;
	for (;;) {
		size_t avail = fill(in);
		if (avail == 0) {
			if (!straddle || in->err)
				return -1;
			break;   /* last line without newline */
		}
		char *p = in->blk + in->pos;
		char *nl = memchr(p, '\n', avail);
		if (nl) {
			size_t n = (size_t)(nl - p);
			in->pos += n + 1;
			in->off += n + 1;
			in->line++;
			if (had_nl)
				*had_nl = 1;
			if (!straddle) {
				*line = p;
				return (ssize_t)n;
			}
			buf_add(&in->acc, p, n);
			*line = in->acc.p;
			return (ssize_t)in->acc.n;
		}
		buf_add(&in->acc, p, avail);
		in->pos += avail;
		in->off += avail;
		straddle = 1;
	}
	in->line++;
	if (had_nl)
		*had_nl = 0;
	*line = in->acc.p;
	return (ssize_t)in->acc.n;
}

ssize_t in_read(struct input *in, char **chunk, size_t max)
{
	/* Callers pass *chunk on with the length even at the end (memcpy, p + n), so it is
	 * always a valid pointer, never left unset. */
	*chunk = in->blk + in->pos;
	size_t avail = fill(in);
	if (avail == 0)
		return in->err ? -1 : 0;
	if (avail > max)
		avail = max;
	*chunk = in->blk + in->pos;
	in->pos += avail;
	in->off += avail;
	return (ssize_t)avail;
}

void in_close(struct input *in)
{
	if (in->fd > 0)
		close(in->fd);
	in->fd = -1;
	free(in->blk);
	in->blk = NULL;
	buf_free(&in->acc);
}
