/* reader: decoding and line splitting with source offsets. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "charset.h"
#include "cli.h"
#include "meter.h"
#include "html.h"
#include "progress.h"
#include "reader.h"
#include "utf8.h"

#define RAW_BLOCK (256 * 1024)

static iconv_t shared_cd = (iconv_t)-1;
static int shared_ascii_fast, shared_flush_each, shared_auto;
static unsigned long long total_bytes;

unsigned long long rd_total_bytes(void)
{
	return total_bytes;
}

/* Charsets in which a byte below 0x80 at a character boundary is always that ASCII
 * character: the common Chinese legacy encodings and the single-byte ones. */
static int ascii_compatible(const char *enc)
{
	static const char *const prefixes[] = {
		"GB", "CP936", "CP950", "BIG5", "BIG-5", "EUC", "ISO-8859", "ISO8859", "LATIN",
		"WINDOWS-125", "CP125", "HZ-NO", NULL
	};
	for (int i = 0; prefixes[i]; i++)
		if (strncasecmp(enc, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	return 0;
}

/* Vietnamese charsets: glibc's converter holds a letter back until it knows no combining
 * mark follows, so its output would lag behind the bytes read (and the ASCII fast path would
 * overtake it). Flushed after every character, text keeps its order and each character maps
 * to its own bytes; a letter and its mark then come out decomposed. */
static int holds_back(const char *enc)
{
	return strcasestr(enc, "1258") != NULL || strncasecmp(enc, "TCVN", 4) == 0;
}

static int is_utf8_name(const char *enc)
{
	return strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0;
}

void rd_setup(const struct reader_opts *o)
{
	if (charset_is_auto(o->encoding)) {
		shared_auto = 1;
		return;
	}
	if (is_utf8_name(o->encoding))
		return;
	shared_cd = iconv_open("UTF-8", o->encoding);
	if (shared_cd == (iconv_t)-1)
		usage_error("unknown encoding '%s' (see iconv --list)", o->encoding);
	shared_ascii_fast = ascii_compatible(o->encoding);
	shared_flush_each = holds_back(o->encoding);
}

static void start(struct reader *r, const char *name)
{
	struct reader_opts o = r->o;
	struct input in = r->in;
	memset(r, 0, sizeof *r);
	r->o = o;
	r->in = in;
	r->name = name;
	r->cd = shared_cd;
	r->conv = shared_cd != (iconv_t)-1;
	r->ascii_fast = shared_ascii_fast;
	r->flush_each = shared_flush_each;
	r->detect = shared_auto;
	for (int k = 0; k < 3; k++)
		r->sep_pos[k] = SIZE_MAX;
	r->sep_next = SIZE_MAX;
	if (r->conv)
		iconv(r->cd, NULL, NULL, NULL, NULL);
}

int rd_open_file(struct reader *r, const char *path, const char *name)
{
	if (in_open(&r->in, path) < 0)
		return -1;
	start(r, name);
	return 0;
}

void rd_open_mem(struct reader *r, const char *name, const char *p, size_t n)
{
	memset(&r->in, 0, sizeof r->in);
	r->in.fd = -1;
	start(r, name);
	r->from_mem = 1;
	r->mem = p;
	r->memlen = n;
}

/* Append decoded bytes that start at source offset s. */
static void put(struct reader *r, const char *p, size_t n, unsigned long long s)
{
	struct tmap *m = &r->qm;
	if (!m->n || m->a[m->n - 1].s + (r->q.n - m->a[m->n - 1].d) != s)
		tm_add(m, r->q.n, s);
	buf_add(&r->q, p, n);
}

static size_t count_nl(const char *p, size_t n)
{
	size_t c = 0;
	const char *e = p + n;
	while ((p = memchr(p, '\n', (size_t)(e - p)))) {
		c++;
		p++;
	}
	return c;
}

/* An invalid sequence of len bytes at source offset s; p..bad is the block before it. */
static int bad_bytes(struct reader *r, const char *blk, size_t at, size_t len, unsigned long long s)
{
	if (r->nbad == 0) {
		r->first_bad = s;
		r->first_bad_line = r->nl_seen + count_nl(blk, at) + 1;
	}
	r->nbad++;
	if (r->o.strict) {
		warn_at(r->name, r->first_bad_line, "invalid %s at byte offset %llu (--strict: rest of the document skipped)",
		        r->conv ? r->o.encoding : "UTF-8", s);
		r->failed = 1;
		return -1;
	}
	tm_add(&r->qm, r->q.n, s);
	buf_add(&r->q, "\xEF\xBF\xBD", 3);
	tm_add(&r->qm, r->q.n, s + len);
	return 0;
}

/* Decode UTF-8 p[0..n) starting at source offset s; returns bytes used (the rest is an
 * incomplete sequence to carry), or -1 after a strict failure. */
static long decode_utf8(struct reader *r, const char *p, size_t n, unsigned long long s, int last)
{
	size_t i = 0;
	while (i < n) {
		size_t ok = u8_valid_prefix(p + i, n - i);
		if (ok)
			put(r, p + i, ok, s + i);
		i += ok;
		if (i >= n)
			break;
		if (!last && u8_tail_cut(p + i, n - i) == n - i)
			break;
		int32_t cp;
		size_t l = u8_decode(p + i, n - i, &cp);
		if (bad_bytes(r, p, i, l, s + i) < 0)
			return -1;
		i += l;
	}
	return (long)i;
}

/* Convert one character at p[0..n) through iconv: bytes consumed, 0 when incomplete,
 * -1 when invalid. */
static long convert_one(struct reader *r, const char *p, size_t n, unsigned long long s)
{
	size_t max = n < 8 ? n : 8;
	for (size_t k = 1; k <= max; k++) {
		char out[64], *op = out, *ip = (char *)p;
		size_t il = k, ol = sizeof out;
		size_t rc = iconv(r->cd, &ip, &il, &op, &ol);
		if (rc != (size_t)-1 || il < k) {
			if (r->flush_each)
				iconv(r->cd, NULL, NULL, &op, &ol);
			if (op > out) {
				tm_add(&r->qm, r->q.n, s);
				buf_add(&r->q, out, (size_t)(op - out));
				/* Close the character: its bytes map as a whole. */
				tm_add(&r->qm, r->q.n, s + (k - il));
			}
			return (long)(k - il);
		}
		if (errno == EILSEQ)
			return -1;
	}
	return n < 8 ? 0 : -1;
}

static long decode_conv(struct reader *r, const char *p, size_t n, unsigned long long s, int last)
{
	size_t i = 0;
	while (i < n) {
		if (r->ascii_fast && !(p[i] & 0x80)) {
			size_t j = i;
			while (j < n && !(p[j] & 0x80))
				j++;
			put(r, p + i, j - i, s + i);
			i = j;
			continue;
		}
		long k = convert_one(r, p + i, n - i, s + i);
		if (k > 0) {
			i += (size_t)k;
			continue;
		}
		if (k == 0 && !last)
			break;
		if (bad_bytes(r, p, i, 1, s + i) < 0)
			return -1;
		i++;
	}
	if (last && r->conv) {
		char out[64], *op = out;
		size_t ol = sizeof out;
		iconv(r->cd, NULL, NULL, &op, &ol);
		if (op > out)
			put(r, out, (size_t)(op - out), s + n);
	}
	return (long)i;
}

/* Next raw block, with the carried incomplete sequence in front of it. */
static ssize_t raw_read(struct reader *r, const char **p)
{
	if (r->pull)
		return r->pull(r->pull_ctx, p);
	if (r->from_mem) {
		size_t n = r->memlen - r->mempos;
		if (n > RAW_BLOCK)
			n = RAW_BLOCK;
		*p = r->mem + r->mempos;
		r->mempos += n;
		return (ssize_t)n;
	}
	char *c;
	ssize_t n = in_read(&r->in, &c, RAW_BLOCK);
	*p = c;
	return n;
}

static void drop_consumed(struct reader *r)
{
	if (r->qpos == 0)
		return;
	size_t rest = r->q.n - r->qpos;
	memmove(r->q.p, r->q.p + r->qpos, rest);
	r->q.n = rest;
	r->q.p[rest] = '\0';
	tm_rebase(&r->qm, r->qpos);
	r->sep_next = SIZE_MAX;
	for (int k = 0; k < 3; k++) {
		if (r->sep_pos[k] != SIZE_MAX)
			r->sep_pos[k] = r->sep_pos[k] >= r->qpos ? r->sep_pos[k] - r->qpos : SIZE_MAX;
		r->sep_upto[k] = r->sep_upto[k] > r->qpos ? r->sep_upto[k] - r->qpos : 0;
	}
	r->qpos = 0;
}

/* --encoding=auto: the charset of this document from its first block. UTF-8 keeps the
 * direct path; another charset gets a converter (one per charset, kept for the run). */
static void detect_charset(struct reader *r, const char *blk, size_t len)
{
	static struct { char *name; iconv_t cd; } *seen;
	static size_t nseen;
	const char *name = charset_detect(blk, len);
	if (is_utf8_name(name))
		return;
	size_t i = 0;
	while (i < nseen && strcmp(seen[i].name, name) != 0)
		i++;
	if (i == nseen) {
		iconv_t cd = iconv_open("UTF-8", name);
		if (cd == (iconv_t)-1) {
			meter_note("%s: charset %s (detected) is unknown to iconv; read as UTF-8", r->name, name);
			return;
		}
		seen = xrealloc(seen, (nseen + 1) * sizeof *seen);
		seen[nseen].name = xstrdup(name);
		seen[nseen++].cd = cd;
	}
	r->cd = seen[i].cd;
	iconv(r->cd, NULL, NULL, NULL, NULL);
	r->conv = 1;
	r->ascii_fast = ascii_compatible(name);
	r->flush_each = holds_back(name);
	r->o.encoding = seen[i].name;
	meter_note("%s: charset %s (detected)", r->name, name);
}

/* Decode one more block into the queue: 1, 0 at the end of input, -1 on error. */
static int fill(struct reader *r)
{
	if (r->eof || r->failed)
		return r->failed ? -1 : 0;
	drop_consumed(r);
	const char *p;
	ssize_t n = raw_read(r, &p);
	if (n < 0) {
		warn_at(r->name, 0, "read error: %s", strerror(r->in.err));
		r->failed = 1;
		return -1;
	}
	if (!r->pull) {   /* text pulled from html.c was counted as the HTML it came from */
		total_bytes += (unsigned long long)n;
		progress_tick(total_bytes);
	}
	int last = n == 0;
	struct buf tmp = BUF_INIT;
	const char *blk = p;
	size_t len = (size_t)n;
	unsigned long long s = r->raw_off - r->ncarry;
	if (r->ncarry) {
		buf_add(&tmp, r->carry, r->ncarry);
		buf_add(&tmp, p, len);
		blk = tmp.p;
		len = tmp.n;
	}
	if (!r->started && r->detect && (len >= 3 || last)) {
		r->detect = 0;
		if (!r->from_mem)
			detect_charset(r, blk, len);
	}
	if (!r->started && !r->conv && len >= 3 && memcmp(blk, "\xEF\xBB\xBF", 3) == 0) {
		blk += 3;
		len -= 3;
		s += 3;
	}
	if (!r->started && (len >= 3 || last))
		r->started = 1;
	long used = 0;
	if (r->started || last)
		used = r->conv ? decode_conv(r, blk, len, s, last) : decode_utf8(r, blk, len, s, last);
	if (used < 0) {
		buf_free(&tmp);
		return -1;
	}
	if (r->nbad == 0)
		r->nl_seen += count_nl(blk, (size_t)used);
	r->ncarry = len - (size_t)used;
	if (r->ncarry > sizeof r->carry)
		r->ncarry = 0;   /* cannot happen: at most 8 bytes are left undecoded */
	memcpy(r->carry, blk + used, r->ncarry);
	buf_free(&tmp);
	r->raw_off += (unsigned long long)n;
	if (last)
		r->eof = 1;
	return 1;
}

/* Paragraph separators other than LF: CR, form feed, U+2028, U+2029 and U+E40C (the
 * private-use separator of Sogou news dumps). Returns the length of the one at p[0..n),
 * 0 when there is none; n counts the bytes known, so a cut sequence is not taken. */
static size_t separator_at(const char *p, size_t n)
{
	unsigned char b = (unsigned char)p[0];
	if (b == '\r' || b == '\f')
		return 1;
	if (n >= 3 && ((b == 0xE2 && (unsigned char)p[1] == 0x80 &&
	                ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9)) ||
	               (b == 0xEE && (unsigned char)p[1] == 0x90 && (unsigned char)p[2] == 0x8C)))
		return 3;
	return 0;
}

/* Offset of the first byte c in p[0..n), or n. */
static size_t find_byte(const char *p, size_t n, int c)
{
	const char *q = memchr(p, c, n);
	return q ? (size_t)(q - p) : n;
}

/* First separator of kind k (0 form feed, 1 U+E40C, 2 U+2028/U+2029) in p[from..n), or n.
 * The lead bytes are found with memchr; 0xE2 also leads the curly quotes, so its hits are
 * checked one by one. */
static size_t scan_kind(const char *p, size_t from, size_t n, int k)
{
	if (k == 0)
		return from + find_byte(p + from, n - from, '\f');
	int lead = k == 1 ? 0xEE : 0xE2;
	for (size_t i = from; (i += find_byte(p + i, n - i, lead)) < n; i++)
		if (separator_at(p + i, n - i))
			return i;
	return n;
}

/* Position of the first separator other than LF and CR in q[from..), or q.n. The next
 * one of each kind is remembered, so every byte is looked at once for each kind however
 * short the lines. */
static size_t next_separator(struct reader *r, size_t from)
{
	/* The answer of the last call holds while the queue is the same and it lies ahead. */
	if (r->sep_next_qn == r->q.n && r->sep_next >= from && r->sep_next != SIZE_MAX)
		return r->sep_next;
	size_t best = r->q.n;
	for (int k = 0; k < 3; k++) {
		size_t at = r->sep_pos[k];
		if (at == SIZE_MAX || at < from) {
			size_t s = at == SIZE_MAX && r->sep_upto[k] > from ? r->sep_upto[k] : from;
			at = s < r->q.n ? scan_kind(r->q.p, s, r->q.n, k) : r->q.n;
			r->sep_upto[k] = r->q.n;
			r->sep_pos[k] = at < r->q.n ? at : SIZE_MAX;
		}
		if (at < best)
			best = at;
	}
	r->sep_next = best;
	r->sep_next_qn = r->q.n;
	return best;
}

/* Position of the first line end (LF, CR or a separator) in q[from..), or q.n. */
static size_t find_eol(struct reader *r, size_t from)
{
	const char *p = r->q.p + from;
	size_t n = r->q.n - from;
	size_t lim = find_byte(p, n, '\n');
	size_t end = from + find_byte(p, lim, '\r');
	size_t sep = next_separator(r, from);
	return sep < end ? sep : end;
}

/* Hand out q[qpos..end) as ln (replacing its contents). */
static void take(struct reader *r, struct line *ln, size_t end)
{
	buf_clear(&ln->t);
	tm_clear(&ln->m);
	buf_add(&ln->t, r->q.p + r->qpos, end - r->qpos);
	tm_copy(&ln->m, &r->qm, r->qpos, end, 0);
	r->qpos = end;
}

/* Skip the terminator at q[qpos]: CR, LF, CRLF or a separator. Returns -1 on error. */
static int skip_eol(struct reader *r)
{
	size_t sep = separator_at(r->q.p + r->qpos, r->q.n - r->qpos);
	if (sep == 3) {
		r->qpos += 3;
		return 0;
	}
	if (r->q.p[r->qpos] == '\r') {
		if (r->qpos + 1 >= r->q.n && fill(r) < 0)
			return -1;
		if (r->qpos + 1 < r->q.n && r->q.p[r->qpos + 1] == '\n')
			r->qpos++;
	}
	r->qpos++;
	return 0;
}

/* Largest code point boundary at or before qpos + max. */
static size_t cut_point(const struct reader *r, size_t max)
{
	size_t e = r->qpos + max;
	while (e > r->qpos && ((unsigned char)r->q.p[e] & 0xC0) == 0x80)
		e--;
	return e > r->qpos ? e : r->qpos + max;
}

/* Gather up to hold bytes of the current line; sets ln. */
static int next_piece(struct reader *r, struct line *ln)
{
	size_t scanned = r->qpos;
	for (;;) {
		size_t e = find_eol(r, scanned);
		if (e < r->q.n && e - r->qpos <= r->o.hold) {
			take(r, ln, e);
			ln->complete = 1;
			return skip_eol(r);
		}
		if (r->q.n - r->qpos > r->o.hold) {
			take(r, ln, cut_point(r, r->o.hold));
			ln->complete = 0;
			return 0;
		}
		scanned = r->q.n;
		size_t base = r->qpos;
		int f = fill(r);
		scanned -= base - r->qpos;   /* fill may have moved the queue */
		if (f < 0)
			return -1;
		if (f == 0 || (r->eof && r->q.n == r->qpos)) {
			take(r, ln, r->q.n);
			ln->complete = 1;
			return 0;
		}
	}
}

int rd_line(struct reader *r, struct line *ln)
{
	if (r->failed)
		return -1;
	while (r->qpos == r->q.n && !r->eof) {
		if (fill(r) < 0)
			return -1;
	}
	if (r->qpos == r->q.n && r->eof)
		return 0;
	ln->no = ++r->lineno;
	if (next_piece(r, ln) < 0)
		return -1;
	if (r->premap)
		html_remap(&ln->m, r->premap);
	return 1;
}

int rd_more(struct reader *r, struct line *ln)
{
	if (r->failed)
		return -1;
	if (next_piece(r, ln) < 0)
		return -1;
	if (r->premap)
		html_remap(&ln->m, r->premap);
	return 1;
}

int rd_peek(struct reader *r, size_t n, const char **p, size_t *len)
{
	while (r->q.n - r->qpos < n && !r->eof)
		if (fill(r) < 0)
			return -1;
	*p = r->q.p + r->qpos;
	*len = r->q.n - r->qpos;
	return 0;
}

void rd_close(struct reader *r)
{
	if (r->nbad && !r->o.strict)
		warn_at(r->name, r->first_bad_line,
		        "%llu invalid %s sequence%s replaced by U+FFFD (first at byte offset %llu)",
		        r->nbad, r->conv ? r->o.encoding : "UTF-8", r->nbad == 1 ? "" : "s", r->first_bad);
	if (!r->from_mem)
		in_close(&r->in);
	buf_free(&r->q);
	tm_free(&r->qm);
}

void line_free(struct line *ln)
{
	buf_free(&ln->t);
	tm_free(&ln->m);
}
