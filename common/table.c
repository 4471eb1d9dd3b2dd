/* table: headed TSV and CSV input as rows of field views. */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "table.h"
#include "utf8.h"

struct table {
	struct input in;
	enum tbl_format fmt;
	int has_header, strict, first;
	struct row row;           /* the row handed out */
	size_t fcap;
	struct row header;
	struct buf header_bytes;  /* the header row's own copy of its fields */
	struct buf fixed;         /* a line repaired for invalid UTF-8 */
	unsigned long long bad;
	/* CSV: libcsv pushes fields; completed rows wait in a queue until handed out */
	struct csv_parser csv;
	struct buf qbytes;        /* field bytes of queued rows */
	size_t *qfield;           /* start offset and length of each queued field */
	size_t qf, qfcap;
	size_t *qrow;             /* number of fields of each queued row */
	unsigned long long *qline;
	size_t qr, qrcap, qnext, qnextf;
	unsigned long long row_start;
	size_t cur_fields;        /* fields of the row libcsv is building */
	int csv_done;
	int at_nl;                /* feeding libcsv the line's own '\n' (not a lone CR) */
};

static void grow_fields(struct table *t, size_t need)
{
	if (need <= t->fcap)
		return;
	t->fcap = need * 2;
	t->row.f = xrealloc(t->row.f, t->fcap * sizeof *t->row.f);
}

size_t tsv_unescape(char *p, size_t n, int *bad)
{
	char *s = memchr(p, '\\', n);
	if (!s)
		return n;
	char *d = s, *end = p + n;
	while (s < end) {
		if (*s != '\\') {
			*d++ = *s++;
			continue;
		}
		if (s + 1 == end) {
			*bad = 1;
			*d++ = *s++;
			break;
		}
		switch (s[1]) {
		case '\\': *d++ = '\\'; break;
		case 't': *d++ = '\t'; break;
		case 'n': *d++ = '\n'; break;
		case 'r': *d++ = '\r'; break;
		case '0': *d++ = '\0'; break;
		default:
			*bad = 1;
			*d++ = '\\';
			*d++ = s[1];
		}
		s += 2;
	}
	return (size_t)(d - p);
}

/* Report invalid UTF-8 and replace it; returns the line to use. */
static char *checked_utf8(struct table *t, char *p, size_t *n, unsigned long long line)
{
	if (u8_valid_prefix(p, *n) == *n)
		return p;
	buf_clear(&t->fixed);
	size_t first = 0;
	size_t bad = u8_repair(p, *n, &t->fixed, &first);
	warn_at(t->in.name, line, "invalid UTF-8 at byte %zu of the line (%zu sequence%s replaced by U+FFFD)",
	        first + 1, bad, bad == 1 ? "" : "s");
	t->bad++;
	*n = t->fixed.n;
	return t->fixed.p;
}

static void strip_line(struct table *t, char **p, ssize_t *n)
{
	if (t->first) {
		t->first = 0;
		if (*n >= 3 && memcmp(*p, "\xEF\xBB\xBF", 3) == 0) {
			*p += 3;
			*n -= 3;
		}
	}
	if (*n > 0 && (*p)[*n - 1] == '\r')
		(*n)--;
}

static void split_tsv(struct table *t, char *p, size_t n, unsigned long long line)
{
	size_t nf = 0;
	int bad = 0;
	char *end = p + n;
	for (;;) {
		char *tab = memchr(p, '\t', (size_t)(end - p));
		char *fe = tab ? tab : end;
		grow_fields(t, nf + 1);
		t->row.f[nf].p = p;
		t->row.f[nf].n = tsv_unescape(p, (size_t)(fe - p), &bad);
		nf++;
		if (!tab)
			break;
		p = tab + 1;
	}
	t->row.nf = nf;
	t->row.line = line;
	if (bad) {
		warn_at(t->in.name, line, "bad escape sequence kept literally");
		t->bad++;
	}
}

static void keep_header(struct table *t)
{
	buf_clear(&t->header_bytes);
	for (size_t i = 0; i < t->row.nf; i++)
		buf_add(&t->header_bytes, t->row.f[i].p, t->row.f[i].n);
	t->header.nf = t->row.nf;
	t->header.f = xcalloc(t->row.nf, sizeof *t->header.f);
	size_t off = 0;
	for (size_t i = 0; i < t->row.nf; i++) {
		t->header.f[i].p = t->header_bytes.p + off;
		t->header.f[i].n = t->row.f[i].n;
		off += t->row.f[i].n;
	}
	t->header.line = t->row.line;
}

static int width_ok(struct table *t)
{
	if (!t->strict || !t->header.f || t->row.nf == t->header.nf)
		return 1;
	warn_at(t->in.name, t->row.line, "expected %zu fields, found %zu; row skipped",
	        t->header.nf, t->row.nf);
	t->bad++;
	return 0;
}

static int next_tsv(struct table *t)
{
	char *p;
	ssize_t n;
	while ((n = in_getline(&t->in, &p, NULL)) >= 0) {
		strip_line(t, &p, &n);
		size_t len = (size_t)n;
		p = checked_utf8(t, p, &len, t->in.line);
		split_tsv(t, p, len, t->in.line);
		return 1;
	}
	return t->in.err ? -1 : 0;
}

/* libcsv callbacks: append a field to the queue, close a row. */
static void csv_field_cb(void *s, size_t n, void *data)
{
	struct table *t = data;
	if (t->qf == t->qfcap) {
		t->qfcap = t->qfcap ? t->qfcap * 2 : 64;
		t->qfield = xrealloc(t->qfield, t->qfcap * 2 * sizeof *t->qfield);
	}
	t->qfield[2 * t->qf] = t->qbytes.n;
	t->qfield[2 * t->qf + 1] = n;
	buf_add(&t->qbytes, s, n);
	t->qf++;
	t->cur_fields++;
}

static void csv_row_cb(int c, void *data)
{
	struct table *t = data;
	(void)c;
	if (t->qr == t->qrcap) {
		t->qrcap = t->qrcap ? t->qrcap * 2 : 16;
		t->qrow = xrealloc(t->qrow, t->qrcap * sizeof *t->qrow);
		t->qline = xrealloc(t->qline, t->qrcap * sizeof *t->qline);
	}
	t->qrow[t->qr] = t->cur_fields;
	t->qline[t->qr] = t->row_start;
	t->qr++;
	t->cur_fields = 0;
	/* libcsv also ends a record at a lone CR; the next record then starts on this line */
	t->row_start = t->at_nl ? t->in.line + 1 : t->in.line;
}

static void csv_take(struct table *t)
{
	size_t nf = t->qrow[t->qnext], f0 = t->qnextf;
	unsigned long long line = t->qline[t->qnext];
	int bad = 0;
	/* Repairs are appended to qbytes (which only grows until the queue empties), so
	 * offsets stay right; pointers are made only after the last append. */
	for (size_t i = 0; i < nf; i++) {
		size_t *fo = &t->qfield[2 * (f0 + i)];
		if (u8_valid_prefix(t->qbytes.p + fo[0], fo[1]) == fo[1])
			continue;
		struct buf fix = BUF_INIT;
		u8_repair(t->qbytes.p + fo[0], fo[1], &fix, NULL);
		fo[0] = t->qbytes.n;
		fo[1] = fix.n;
		buf_add(&t->qbytes, fix.p, fix.n);
		buf_free(&fix);
		bad = 1;
	}
	grow_fields(t, nf + 1);
	for (size_t i = 0; i < nf; i++) {
		t->row.f[i].p = t->qbytes.p + t->qfield[2 * (f0 + i)];
		t->row.f[i].n = t->qfield[2 * (f0 + i) + 1];
	}
	if (bad) {
		warn_at(t->in.name, line, "invalid UTF-8 replaced by U+FFFD");
		t->bad++;
	}
	t->row.nf = nf;
	t->row.line = line;
	t->qnextf += nf;
	t->qnext++;
}

/* Every queued row was handed out: drop them, keeping the fields of the row that libcsv
 * is still building (a quoted field across lines). */
static void queue_compact(struct table *t)
{
	size_t keep = t->qf - t->qnextf;
	size_t from = keep ? t->qfield[2 * t->qnextf] : t->qbytes.n;
	size_t bytes = t->qbytes.n - from;
	memmove(t->qbytes.p, t->qbytes.p + from, bytes);
	t->qbytes.n = bytes;
	for (size_t i = 0; i < keep; i++) {
		t->qfield[2 * i] = t->qfield[2 * (t->qnextf + i)] - from;
		t->qfield[2 * i + 1] = t->qfield[2 * (t->qnextf + i) + 1];
	}
	t->qf = keep;
	t->qr = t->qnext = t->qnextf = 0;
}

/* libcsv (strict) refused the input: bad data, reported at its line. At the end of the
 * input that is all; within it, the record is dropped and parsing starts afresh on the
 * next line, as a row of the wrong width is skipped. */
static void csv_failed(struct table *t, unsigned long long line, const char *what)
{
	if (csv_error(&t->csv) != CSV_EPARSE)
		fatal(EXIT_SYS, "%s: CSV parser: %s", t->in.name, csv_strerror(csv_error(&t->csv)));
	warn_at(t->in.name, line, "%s", what);
	t->bad++;
	t->qf -= t->cur_fields;
	t->cur_fields = 0;
	t->row_start = 0;
	csv_free(&t->csv);
	if (csv_init(&t->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
		fatal(EXIT_SYS, "out of memory");
}

static int next_csv(struct table *t)
{
	for (;;) {
		if (t->qnext < t->qr) {
			csv_take(t);
			return 1;
		}
		if (t->qr)
			queue_compact(t);
		if (t->csv_done)
			return t->in.err ? -1 : 0;
		char *p;
		ssize_t n = in_getline(&t->in, &p, NULL);
		if (n < 0) {
			if (t->in.err)
				return -1;
			/* a last row without newline ends here; an unclosed quote is an error (it
			 * would swallow every later record into one field) */
			if (csv_fini(&t->csv, csv_field_cb, csv_row_cb, t) != 0)
				csv_failed(t, t->row_start, "unterminated quoted field at the end of the input "
				           "(the record starts here)");
			t->csv_done = 1;
			continue;
		}
		if (!t->row_start)
			t->row_start = t->in.line;
		strip_line(t, &p, &n);
		if (csv_parse(&t->csv, p, (size_t)n, csv_field_cb, csv_row_cb, t) != (size_t)n) {
			csv_failed(t, t->in.line, "malformed CSV: a quote inside an unquoted field or after "
			           "a closing quote; record skipped");
			continue;
		}
		t->at_nl = 1;
		size_t nl = csv_parse(&t->csv, "\n", 1, csv_field_cb, csv_row_cb, t);
		t->at_nl = 0;
		if (nl != 1)
			csv_failed(t, t->in.line, "malformed CSV: a quote inside an unquoted field or after "
			           "a closing quote; record skipped");
	}
}

static int next_any(struct table *t)
{
	return t->fmt == TBL_CSV ? next_csv(t) : next_tsv(t);
}

struct table *tbl_open(const char *path, enum tbl_format fmt, int header)
{
	return tbl_open_enc(path, fmt, header, NULL);
}

struct table *tbl_open_enc(const char *path, enum tbl_format fmt, int header, const char *enc)
{
	struct table *t = xcalloc(1, sizeof *t);
	if (in_open(&t->in, path) != 0) {
		warn_at(path, 0, "%s", strerror(errno));
		free(t);
		return NULL;
	}
	if (in_set_encoding(&t->in, enc) != 0)
		fatal(EXIT_USAGE, "unknown encoding '%s' (see iconv --list)", enc);
	t->fmt = fmt;
	t->has_header = header;
	t->strict = header;
	t->first = 1;
	if (fmt == TBL_CSV && csv_init(&t->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
		fatal(EXIT_SYS, "out of memory");
	if (header && next_any(t) == 1)
		keep_header(t);
	return t;
}

int tbl_next(struct table *t, struct row **row)
{
	int r;
	while ((r = next_any(t)) == 1) {
		if (width_ok(t)) {
			*row = &t->row;
			return 1;
		}
	}
	if (r < 0)
		warn_at(t->in.name, 0, "read error: %s", strerror(t->in.err));
	return r;
}

const struct row *tbl_header(const struct table *t)
{
	return t->header.f ? &t->header : NULL;
}

int tbl_col(const struct table *t, const char *spec)
{
	size_t len = strlen(spec);
	if (t->header.f)
		for (size_t i = 0; i < t->header.nf; i++)
			if (t->header.f[i].n == len && memcmp(t->header.f[i].p, spec, len) == 0)
				return (int)i;
	char *end;
	errno = 0;
	long v = strtol(spec, &end, 10);
	if (*spec >= '1' && *spec <= '9' && !*end && !errno && v >= 1 && v <= 1000000 &&
	    (!t->header.f || (size_t)v <= t->header.nf))
		return (int)v - 1;
	return -1;
}

int tbl_find(const struct table *t, const char *spec, const char *what)
{
	int c = tbl_col(t, spec);
	unsigned long long line = t->header.f ? t->header.line : 0;
	if (c < 0) {
		warn_at(t->in.name, line, "no column '%s' (%s) in the header", spec, what);
		return -1;
	}
	size_t len = strlen(spec);
	if (t->header.f && t->header.f[c].n == len && memcmp(t->header.f[c].p, spec, len) == 0)
		for (size_t i = (size_t)c + 1; i < t->header.nf; i++)
			if (t->header.f[i].n == len && memcmp(t->header.f[i].p, spec, len) == 0) {
				warn_at(t->in.name, line, "column '%s' (%s) is in the header twice (columns %d "
				        "and %zu): name it by number", spec, what, c + 1, i + 1);
				return -1;
			}
	return c;
}

void tbl_strict_width(struct table *t, int on)
{
	t->strict = on;
}

unsigned long long tbl_offset(const struct table *t)
{
	return t->in.off;
}

const char *tbl_name(const struct table *t)
{
	return t->in.name;
}

unsigned long long tbl_bad(const struct table *t)
{
	return t->bad;
}

void tbl_close(struct table *t)
{
	if (!t)
		return;
	in_close(&t->in);
	if (t->fmt == TBL_CSV)
		csv_free(&t->csv);
	free(t->row.f);
	free(t->header.f);
	buf_free(&t->header_bytes);
	buf_free(&t->fixed);
	buf_free(&t->qbytes);
	free(t->qfield);
	free(t->qrow);
	free(t->qline);
	free(t);
}
