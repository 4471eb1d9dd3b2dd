/* slab: filling a slab with whole lines of TSV, checking them (UTF-8, width, escapes as
 * table.c does) and splitting them into rows; runs in the reader thread. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bag.h"
#include "cli.h"
#include "slab.h"
#include "utf8.h"

void note(struct scan *s, struct slab *sl, unsigned long long line, const char *fmt, ...)
{
	if (sl->nnotes == sl->ncap) {
		sl->ncap = sl->ncap ? 2 * sl->ncap : 16;
		sl->notes = xrealloc(sl->notes, sl->ncap * sizeof *sl->notes);
	}
	struct note *n = &sl->notes[sl->nnotes++];
	n->order = s->line;
	n->line = line;
	n->off = sl->text.n;
	va_list ap;
	va_start(ap, fmt);
	char small[256];
	int len = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (len >= (int)sizeof small) {
		buf_reserve(&sl->text, (size_t)len + 1);
		va_start(ap, fmt);
		vsnprintf(sl->text.p + sl->text.n, (size_t)len + 1, fmt, ap);
		va_end(ap);
		sl->text.n += (size_t)len;
	} else if (len > 0) {
		buf_add(&sl->text, small, (size_t)len);
	}
	buf_addc(&sl->text, '\0');
}

static void slab_reset(struct slab *sl)
{
	sl->len = sl->nrows = sl->nnotes = 0;
	buf_clear(&sl->text);
	for (size_t i = 0; i < sl->nfixed; i++)
		free(sl->fixed[i]);
	sl->nfixed = 0;
	sl->end = 0;
}

void slab_free(struct slab *sl)
{
	slab_reset(sl);
	free(sl->buf);
	free(sl->rows);
	free(sl->hash);
	free(sl->f);
	free(sl->notes);
	free(sl->fixed);
	buf_free(&sl->text);
}

/* Bytes of whole lines from p that are valid UTF-8 (region ends on a line end). It stops
 * at the first invalid byte, so over a slab the scanning stays linear. */
static size_t valid_span(const char *p, size_t avail)
{
	size_t ok = u8_valid_prefix(p, avail);
	if (ok == avail)
		return ok;
	const char *nl = ok ? memrchr(p, '\n', ok) : NULL;
	return nl ? (size_t)(nl + 1 - p) : 0;
}

static void grow_fields(struct slab *sl, size_t need)
{
	if (need <= sl->fcap)
		return;
	sl->fcap = need * 2;
	sl->f = xrealloc(sl->f, sl->fcap * sizeof *sl->f);
}

/* The first tab in [p, end), or end. Eight bytes at a time: a byte equal to '\t' is a
 * zero byte of w ^ 0x09..09, and the lowest flagged byte of the classic zero-byte test is
 * exact (on little-endian machines; others take the byte loop). */
static char *find_tab(char *p, char *end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	for (; end - p >= 8; p += 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		w ^= ones * '\t';
		uint64_t z = (w - ones) & ~w & highs;
		if (z)
			return p + (__builtin_ctzll(z) >> 3);
	}
#endif
	while (p < end && *p != '\t')
		p++;
	return p;
}

/* Split a line into fields at sl->f[at...]; returns their number. Most lines hold no
 * backslash, and then no field needs unescaping. */
static size_t split(struct scan *s, struct slab *sl, char *p, size_t n, size_t at)
{
	size_t nf = 0;
	int bad = 0, esc = memchr(p, '\\', n) != NULL;
	char *end = p + n, *fs = p;
	for (;;) {
		char *q = find_tab(fs, end);
		if (at + nf >= sl->fcap)
			grow_fields(sl, at + nf + 1);
		sl->f[at + nf].p = fs;
		sl->f[at + nf].n = esc ? tsv_unescape(fs, (size_t)(q - fs), &bad) : (size_t)(q - fs);
		nf++;
		if (q == end)
			break;
		fs = q + 1;
	}
	if (bad)
		note(s, sl, s->line, "bad escape sequence kept literally");
	return nf;
}

static void keep_header(struct scan *s, struct slab *sl, size_t nf)
{
	/* without a header line: as wide as the first row, with empty names */
	for (size_t i = 0; i < nf && !s->no_header; i++)
		buf_add(&s->header_bytes, sl->f[i].p, sl->f[i].n);
	buf_reserve(&s->header_bytes, 1);
	s->header.f = xcalloc(nf ? nf : 1, sizeof *s->header.f);
	s->header.nf = nf;
	s->header.line = s->line;
	size_t off = 0;
	for (size_t i = 0; i < nf; i++) {
		s->header.f[i].p = s->header_bytes.p + off;
		s->header.f[i].n = s->no_header ? 0 : sl->f[i].n;
		off += s->header.f[i].n;
	}
}

/* One line of the slab: the header, a row, or a row of the wrong width (reported). */
static void take_line(struct scan *s, struct slab *sl, char *p, size_t n)
{
	s->line++;
	if (s->first) {
		s->first = 0;
		if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
			p += 3;
			n -= 3;
		}
	}
	if (n && p[n - 1] == '\r')
		n--;
	size_t at = s->header.f ? sl->nrows * s->header.nf : 0;
	size_t nf = split(s, sl, p, n, at);
	if (!s->header.f) {
		keep_header(s, sl, nf);
		s->hash_col = s->hash_spec ? scan_col(s, s->hash_spec) : -1;
		if (!s->no_header)
			return;
	}
	if (nf != s->header.nf) {
		note(s, sl, s->line, "expected %zu fields, found %zu; row skipped", s->header.nf, nf);
		return;
	}
	if (sl->nrows == sl->rcap) {
		sl->rcap = sl->rcap ? 2 * sl->rcap : 1024;
		sl->rows = xrealloc(sl->rows, sl->rcap * sizeof *sl->rows);
		sl->hash = xrealloc(sl->hash, sl->rcap * sizeof *sl->hash);
	}
	if (s->hash_col >= 0)
		sl->hash[sl->nrows] = hash_bytes(sl->f[at + s->hash_col].p, sl->f[at + s->hash_col].n);
	sl->rows[sl->nrows].nf = nf;
	sl->rows[sl->nrows].line = s->line;
	sl->nrows++;
}

/* A line with invalid UTF-8: repaired into an allocation of its own, and reported. */
static void take_bad_line(struct scan *s, struct slab *sl, char *p, size_t n)
{
	struct buf fix = BUF_INIT;
	size_t first = 0, bad = u8_repair(p, n, &fix, &first);
	if (sl->nfixed == sl->fixcap) {
		sl->fixcap = sl->fixcap ? 2 * sl->fixcap : 8;
		sl->fixed = xrealloc(sl->fixed, sl->fixcap * sizeof *sl->fixed);
	}
	sl->fixed[sl->nfixed++] = fix.p;
	note(s, sl, s->line + 1, "invalid UTF-8 at byte %zu of the line (%zu sequence%s replaced by U+FFFD)",
	     first + 1, bad, bad == 1 ? "" : "s");
	sl->notes[sl->nnotes - 1].order = s->line + 1;
	take_line(s, sl, fix.p, fix.n);
}

/* Split the whole lines of buf[0..r) into rows. */
static void split_slab(struct scan *s, struct slab *sl, size_t r)
{
	size_t pos = 0, valid = 0;
	while (pos < r) {
		char *p = sl->buf + pos;
		char *nl = memchr(p, '\n', r - pos);
		size_t len = nl ? (size_t)(nl - p) : r - pos, used = len + (nl != NULL);
		if (valid == 0)
			valid = valid_span(p, r - pos);
		if (valid == 0) {
			take_bad_line(s, sl, p, len);
		} else {
			valid -= used;
			take_line(s, sl, p, len);
		}
		pos += used;
	}
	for (size_t i = 0; i < sl->nrows; i++)
		sl->rows[i].f = sl->f + i * s->header.nf;
}

/* Fill a slab with whole lines: the carried start of a line, then reads up to slab_bytes
 * more (the size, not the reads, decides where a slab ends, so runs are alike on pipes).
 * A line longer than that makes the slab grow until the line fits; the next slab of
 * ordinary lines gives the memory back, so memory stays a few slabs plus the longest line. */
void fill_slab(struct scan *s, struct slab *sl)
{
	slab_reset(sl);
	size_t limit = s->carry.n + s->slab_bytes;
	if (sl->cap < limit || sl->cap > 4 * limit) {
		free(sl->buf);
		sl->buf = xmalloc(limit);
		sl->cap = limit;
	}
	if (s->carry.n)
		memcpy(sl->buf, s->carry.p, s->carry.n);
	sl->len = s->carry.n;
	if (s->carry.cap > 4 * s->slab_bytes)
		buf_free(&s->carry);
	buf_clear(&s->carry);
	char *nl = NULL;
	for (;;) {
		while (!s->eof && sl->len < limit) {
			size_t want = limit - sl->len;
			if (want > s->left)
				want = (size_t)s->left;
			ssize_t n = 0;
			if (want && (s->in.detect || s->in.conv || s->in.pos < s->in.len)) {
				/* charset detection or conversion (input.h), then the direct path */
				char *chunk;
				n = in_read(&s->in, &chunk, want);
				if (n > 0)
					memcpy(sl->buf + sl->len, chunk, (size_t)n);
				else if (n < 0)
					errno = s->in.err;
			} else if (want) {
				n = read(s->in.fd, sl->buf + sl->len, want);
			}
			if (n > 0) {
				sl->len += (size_t)n;
				s->left -= (unsigned long long)n;
				__atomic_add_fetch(&s->bytes, (unsigned long long)n, __ATOMIC_RELAXED);
			} else if (n == 0) {
				s->eof = 1;
			} else if (errno != EINTR) {
				note(s, sl, 0, "read error: %s", strerror(errno));
				s->eof = 1;
			}
		}
		nl = sl->len ? memrchr(sl->buf, '\n', sl->len) : NULL;
		if (nl || s->eof)
			break;
		limit *= 2;
		if (limit > sl->cap) {
			sl->cap = limit;
			sl->buf = xrealloc(sl->buf, sl->cap);
		}
	}
	size_t r = s->eof ? sl->len : (size_t)(nl + 1 - sl->buf);
	buf_add(&s->carry, sl->buf + r, sl->len - r);
	split_slab(s, sl, r);
	sl->end = s->eof;
}

