/* input: block and line reading from a file or standard input. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "charset.h"
#include "cli.h"
#include "meter.h"
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

static size_t fill_conv(struct input *in);

/* Refill the block; returns bytes now available after pos, 0 at EOF or error. */
static size_t fill(struct input *in)
{
	if (in->pos < in->len)
		return in->len - in->pos;
	in->pos = in->len = 0;
	if (in->detect || in->conv)
		return fill_conv(in);
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

ssize_t in_getpiece(struct input *in, char **line, size_t max, int *complete)
{
	buf_clear(&in->acc);
	*complete = 1;
	int straddle = 0;
	for (;;) {
		size_t avail = fill(in);
		if (avail == 0) {
			if (!straddle) {
				in->mid = 0;
				return -1;
			}
			break;   /* last line without newline */
		}
		char *p = in->blk + in->pos;
		size_t room = max > in->acc.n ? max - in->acc.n : 1;
		size_t look = avail < room ? avail : room;
		char *nl = memchr(p, '\n', look);
		size_t n = nl ? (size_t)(nl - p) : look;
		in->pos += n + (nl != NULL);
		in->off += n + (nl != NULL);
		if (nl && !straddle) {
			in->line += !in->mid;
			in->mid = 0;
			*line = p;
			return (ssize_t)n;
		}
		buf_add(&in->acc, p, n);
		straddle = 1;
		if (nl)
			break;
		if (look == room) {   /* a full piece of a longer line */
			in->line += !in->mid;
			in->mid = 1;
			*complete = 0;
			*line = in->acc.p;
			return (ssize_t)in->acc.n;
		}
	}
	in->line += !in->mid;
	in->mid = 0;
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

int in_set_encoding(struct input *in, const char *enc)
{
	in->charset = "UTF-8";
	if (!enc || charset_is_utf8(enc))
		return 0;
	if (charset_is_auto(enc)) {
		in->detect = 1;
		return 0;
	}
	in->cd = iconv_open("UTF-8", enc);
	if (in->cd == (iconv_t)-1)
		return -1;
	in->conv = 1;
	in->charset = enc;
	return 0;
}

/* Raw bytes appended to in->raw; 0 at the end of the input. */
static size_t read_raw(struct input *in, size_t want)
{
	buf_reserve(&in->raw, want);
	while (!in->eof) {
		ssize_t r = read(in->fd, in->raw.p + in->raw.n, want);
		if (r > 0) {
			in->raw.n += (size_t)r;
			return (size_t)r;
		}
		if (r == 0)
			in->eof = 1;
		else if (errno != EINTR) {
			in->err = errno;
			in->eof = 1;
		}
	}
	return 0;
}

/* The first block decides the charset: UTF-8 goes back to the direct path (the block is
 * handed out as it is), another gets a converter. */
static void detect(struct input *in)
{
	in->detect = 0;
	const char *name = charset_detect(in->raw.p ? in->raw.p : "", in->raw.n);
	if (charset_is_utf8(name))
		return;
	in->cd = iconv_open("UTF-8", name);
	if (in->cd == (iconv_t)-1) {
		meter_note("%s: charset %s (detected) is unknown to iconv; read as UTF-8", in->name, name);
		return;
	}
	in->conv = 1;
	in->charset = xstrdup(name);
	in->charset_owned = 1;
	meter_note("%s: charset %s (detected)", in->name, name);
}

/* Decoding path of fill(): raw bytes in, UTF-8 out into blk. A block of raw bytes is a
 * third of blk: no charset iconv knows takes more than three UTF-8 bytes per byte. */
static size_t fill_conv(struct input *in)
{
	size_t want = in->blk_cap / 3;
	while (in->len == 0) {
		if (in->raw.n < 16)
			read_raw(in, want);
		if (in->detect) {
			detect(in);
			if (!in->conv) {   /* UTF-8 after all: hand out the bytes read */
				memcpy(in->blk, in->raw.p, in->raw.n);
				in->len = in->raw.n;
				in->raw.n = 0;
				return in->len;
			}
		}
		if (in->raw.n == 0) {
			/* A converter may hold the last character back (Vietnamese letters wait for a
			 * combining mark): flush it once at the end. */
			if (in->eof && !in->flushed) {
				char *op = in->blk;
				size_t ol = in->blk_cap;
				in->flushed = 1;
				iconv(in->cd, NULL, NULL, &op, &ol);
				in->len = (size_t)(op - in->blk);
			}
			return in->len;
		}
		char *ip = in->raw.p, *op = in->blk;
		size_t il = in->raw.n, ol = in->blk_cap;
		while (il) {
			if (iconv(in->cd, &ip, &il, &op, &ol) != (size_t)-1)
				continue;
			if ((errno == EINVAL && !in->eof) || errno == E2BIG)
				break;   /* a character cut at the end: wait for the rest; or blk is full */
			/* invalid (or cut at the very end): one byte becomes U+FFFD */
			if (ol < 3)
				break;
			memcpy(op, "\xEF\xBF\xBD", 3);
			op += 3;
			ol -= 3;
			ip++;
			il--;
			in->nbad++;
		}
		in->len = (size_t)(op - in->blk);
		memmove(in->raw.p, ip, il);
		in->raw.n = il;
		if (in->len == 0 && in->eof && il == 0)
			return 0;
	}
	return in->len;
}

void in_close(struct input *in)
{
	if (in->nbad)
		warn_at(in->name, 0, "%llu invalid %s sequence%s replaced by U+FFFD", in->nbad, in->charset,
		        in->nbad == 1 ? "" : "s");
	if (in->conv)
		iconv_close(in->cd);
	in->conv = 0;
	in->nbad = 0;
	buf_free(&in->raw);
	if (in->charset_owned)
		free((char *)in->charset);
	in->charset_owned = 0;
	if (in->fd > 0)
		close(in->fd);
	in->fd = -1;
	free(in->blk);
	in->blk = NULL;
	buf_free(&in->acc);
}
