/* annotate: input modes, grouping by segment and sorted output for annotating stages. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "annotate.h"
#include "charset.h"
#include "input.h"
#include "meter.h"
#include "out.h"
#include "pathlist.h"
#include "rowout.h"
#include "stream.h"
#include "utf8.h"

struct ann {
	size_t start, end, seq;
	const char *type;
	size_t value, unit, mod;   /* offsets into the set's arena; SIZE_MAX = empty */
	size_t vlen;
};

struct annset {
	struct ann *a;
	size_t n, cap;
	struct buf arena;
	size_t ncp;
};

static size_t arena_str(struct annset *s, const char *p, size_t n)
{
	if (!p || !n)
		return (size_t)-1;
	size_t at = s->arena.n;
	buf_add(&s->arena, p, n);
	buf_addc(&s->arena, '\0');
	return at;
}

void ann_addn(struct annset *s, size_t start, size_t end, const char *type,
              const char *value, size_t vlen, const char *unit, const char *mod)
{
	if (start > end || end > s->ncp)
		fatal(EXIT_SYS, "internal error: annotation [%zu, %zu) outside a segment of %zu characters",
		      start, end, s->ncp);
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->a = xrealloc(s->a, s->cap * sizeof *s->a);
	}
	struct ann *a = &s->a[s->n];
	a->start = start;
	a->end = end;
	a->seq = s->n++;
	a->type = type;
	a->value = arena_str(s, value, vlen);
	a->vlen = vlen;
	a->unit = arena_str(s, unit, unit ? strlen(unit) : 0);
	a->mod = arena_str(s, mod, mod ? strlen(mod) : 0);
}

void ann_add(struct annset *s, size_t start, size_t end, const char *type,
             const char *value, const char *unit, const char *mod)
{
	ann_addn(s, start, end, type, value, value ? strlen(value) : 0, unit, mod);
}

static int ann_cmp(const void *x, const void *y)
{
	const struct ann *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;   /* the enclosing mention first */
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* ---- the driver's state ---- */

static const struct annotator *A;
static int only;
static struct annset set;
static size_t *cpoff;       /* byte offset of each code point of the segment, and of its end */
static size_t cpoff_cap;

/* A segment group of the stream: its seg row and the rows earlier stages added. */
struct group {
	int open;
	struct buf bytes;        /* every field of every row, each NUL-terminated */
	size_t *fields;          /* offset and length of each field (10 per row) */
	size_t nrows, rcap;
	struct prior *prior;
	size_t pcap;
};
static struct group grp;
static unsigned long long bytes_done;   /* input bytes of the files finished (--progress) */

static void map_codepoints(const char *t, size_t n, size_t ncp)
{
	if (ncp + 1 > cpoff_cap) {
		cpoff_cap = (ncp + 1) * 2;
		cpoff = xrealloc(cpoff, cpoff_cap * sizeof *cpoff);
	}
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)t[i] & 0xC0) != 0x80)
			cpoff[c++] = i;
	cpoff[c] = n;
}

/* Decimal digits of v into d (24 bytes); returns where they start. snprintf per row was a
 * visible share of a stage's time. */
static char *digits(char d[24], unsigned long long v)
{
	char *p = d + 23;
	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	return p;
}

static void write_anns(const char *doc, const char *segno, const char *text)
{
	if (set.n > 1)   /* set.a is NULL before the first annotation; qsort wants a pointer */
		qsort(set.a, set.n, sizeof *set.a, ann_cmp);
	for (size_t i = 0; i < set.n; i++) {
		const struct ann *a = &set.a[i];
		char sb[24], eb[24];
		const char *s = digits(sb, a->start), *e = digits(eb, a->end);
		struct field f[S_NCOLS] = {
			{ (char *)doc, strlen(doc) }, { (char *)segno, strlen(segno) },
			{ (char *)A->kind, strlen(A->kind) }, { (char *)a->type, strlen(a->type) },
			{ (char *)s, strlen(s) }, { (char *)e, strlen(e) },
			{ (char *)text + cpoff[a->start], cpoff[a->end] - cpoff[a->start] },
			{ NULL, 0 }, { NULL, 0 }, { NULL, 0 },
		};
		if (a->value != (size_t)-1)
			f[S_VALUE] = (struct field){ set.arena.p + a->value, a->vlen };
		if (a->unit != (size_t)-1)
			f[S_UNIT] = (struct field){ set.arena.p + a->unit, strlen(set.arena.p + a->unit) };
		if (a->mod != (size_t)-1)
			f[S_MOD] = (struct field){ set.arena.p + a->mod, strlen(set.arena.p + a->mod) };
		row_write(f, S_NCOLS);
	}
}

/* Run the stage on one segment and write its new rows. */
static void annotate_one(const char *doc, const char *segno, const char *segtype,
                         const char *text, size_t len, const struct prior *prior, size_t nprior)
{
	set.n = 0;
	buf_clear(&set.arena);
	set.ncp = u8_count(text, len);
	map_codepoints(text, len, set.ncp);
	struct segment seg = { doc, text, len, set.ncp, segtype, prior, nprior };
	A->annotate(&seg, &set);
	write_anns(doc, segno, text);
}

static const char *gfield(size_t row, int col)
{
	return grp.bytes.p + grp.fields[2 * (row * S_NCOLS + (size_t)col)];
}

static size_t gflen(size_t row, int col)
{
	return grp.fields[2 * (row * S_NCOLS + (size_t)col) + 1];
}

static void group_add(const struct row *r)
{
	if (grp.nrows == grp.rcap) {
		grp.rcap = grp.rcap ? grp.rcap * 2 : 16;
		grp.fields = xrealloc(grp.fields, grp.rcap * 2 * S_NCOLS * sizeof *grp.fields);
	}
	for (int i = 0; i < S_NCOLS; i++) {
		grp.fields[2 * (grp.nrows * S_NCOLS + (size_t)i)] = grp.bytes.n;
		grp.fields[2 * (grp.nrows * S_NCOLS + (size_t)i) + 1] = r->f[i].n;
		buf_add(&grp.bytes, r->f[i].p, r->f[i].n);
		buf_addc(&grp.bytes, '\0');
	}
	grp.nrows++;
}

static size_t parse_size(const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	return (*s && !*end && !errno) ? (size_t)v : (size_t)-1;
}

static void group_flush(void)
{
	if (!grp.nrows)
		return;
	for (size_t r = 0; r < grp.nrows; r++) {
		struct field f[S_NCOLS];
		for (int c = 0; c < S_NCOLS; c++)
			f[c] = (struct field){ (char *)gfield(r, c), gflen(r, c) };
		if (!only)
			row_write(f, S_NCOLS);
	}
	if (grp.open) {
		size_t np = grp.nrows - 1;
		if (np > grp.pcap) {
			grp.pcap = np * 2;
			grp.prior = xrealloc(grp.prior, grp.pcap * sizeof *grp.prior);
		}
		for (size_t r = 1; r < grp.nrows; r++)
			grp.prior[r - 1] = (struct prior){ gfield(r, S_KIND), gfield(r, S_TYPE), gfield(r, S_VALUE),
			                                   parse_size(gfield(r, S_START)), parse_size(gfield(r, S_END)) };
		annotate_one(gfield(0, S_DOC), gfield(0, S_SEG), gfield(0, S_TYPE),
		             gfield(0, S_TEXT), gflen(0, S_TEXT), grp.prior, np);
	}
	grp.nrows = 0;
	grp.open = 0;
	buf_clear(&grp.bytes);
}

static int same(const struct field *f, size_t row, int col)
{
	return f->n == gflen(row, col) && memcmp(f->p, gfield(row, col), f->n) == 0;
}

static void stream_row(const struct row *r)
{
	int is_seg = r->f[S_KIND].n == 3 && memcmp(r->f[S_KIND].p, "seg", 3) == 0;
	if (is_seg || !grp.open || !same(&r->f[S_DOC], 0, S_DOC) || !same(&r->f[S_SEG], 0, S_SEG))
		group_flush();
	group_add(r);
	if (is_seg)
		grp.open = 1;
}

static int do_stream(struct table *t)
{
	struct row *r;
	int rc;
	while ((rc = tbl_next(t, &r)) == 1) {
		stream_row(r);
		meter_tick(bytes_done + tbl_offset(t));
	}
	group_flush();
	return rc;
}

/* ---- table and line input ---- */

static const char *text_col, *id_col, *doc_id, *files_from, *encoding = "auto";
static int csv_in, lines_in, no_header, nul_names;
static struct buf name_buf;

/* The doc column for input path: --doc-id for standard input, else the name, escaped
 * when it is not UTF-8 (docs/FORMAT.md). */
static const char *doc_of(const char *path)
{
	return u8_name_id(doc_id && strcmp(path, "-") == 0 ? doc_id : path, &name_buf);
}

static int do_table(struct table *t)
{
	struct row *r;
	if (!tbl_header(t) && !no_header)
		return tbl_next(t, &r);   /* empty input (or a read error, reported there) */
	/* Columns are checked against the header before any row, so a header-only table
	 * with a wrong column name is reported too. */
	int tc = tbl_find(t, text_col, "--text"), ic = -1;
	if (tc < 0 || (id_col && (ic = tbl_find(t, id_col, "--id")) < 0))
		return 0;
	int rc = tbl_next(t, &r);
	const char *name = doc_of(tbl_name(t));
	if (rc <= 0)
		return rc;
	struct buf doc = BUF_INIT, text = BUF_INIT;
	unsigned long long n = 0;
	do {
		char segno[24], end[24];
		n++;
		if ((size_t)tc >= r->nf || (ic >= 0 && (size_t)ic >= r->nf)) {
			/* only without a header, where rows may differ in width */
			warn_at(tbl_name(t), r->line, "no column %d in this row; row skipped",
			        ((size_t)tc >= r->nf ? tc : ic) + 1);
			continue;
		}
		buf_clear(&doc);
		buf_clear(&text);
		if (ic >= 0)
			buf_add(&doc, r->f[ic].p, r->f[ic].n);
		else
			buf_adds(&doc, name);
		snprintf(segno, sizeof segno, "%llu", ic >= 0 ? 1ULL : n);
		buf_add(&text, r->f[tc].p, r->f[tc].n);
		snprintf(end, sizeof end, "%zu", text.n);
		if (!only) {
			struct field f[S_NCOLS] = { { doc.p, doc.n }, { segno, strlen(segno) }, { "seg", 3 },
				{ "sent", 4 }, { "0", 1 }, { end, strlen(end) }, { text.p, text.n },
				{ NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
			row_write(f, S_NCOLS);
		}
		annotate_one(doc.p, segno, "sent", text.p, text.n, NULL, 0);
		meter_tick(bytes_done + tbl_offset(t));
	} while ((rc = tbl_next(t, &r)) == 1);
	buf_free(&doc);
	buf_free(&text);
	return rc;
}

/* One segment of --lines input: text p[0..n) (writable, with a spare byte at p[n]) from
 * source bytes [off, end) of line lineno, which starts at line_off. */
static void line_segment(const char *path, const char *doc, unsigned long long lineno, char *p,
                         size_t n, unsigned long long off, unsigned long long end,
                         unsigned long long line_off)
{
	static struct buf fixed;
	if (u8_valid_prefix(p, n) != n) {
		buf_clear(&fixed);
		size_t first = 0, bad = u8_repair(p, n, &fixed, &first);
		warn_at(path, lineno, "invalid UTF-8 at byte %llu of the line (%zu replaced by U+FFFD)",
		        off - line_off + first + 1, bad);
		p = fixed.p;
		n = fixed.n;
	}
	char segno[24], s[24], e[24];
	snprintf(segno, sizeof segno, "%llu", lineno);
	snprintf(s, sizeof s, "%llu", off);
	snprintf(e, sizeof e, "%llu", end);
	char save = p[n];
	p[n] = '\0';   /* the line's '\n', or a buffer's spare byte */
	if (!only) {
		struct field f[S_NCOLS] = { { (char *)doc, strlen(doc) }, { segno, strlen(segno) },
			{ "seg", 3 }, { "sent", 4 }, { s, strlen(s) }, { e, strlen(e) }, { p, n },
			{ NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
		row_write(f, S_NCOLS);
	}
	annotate_one(doc, segno, "sent", p, n, NULL, 0);
	p[n] = save;
}

/* A line longer than this is cut into several segments (that share its number), so that
 * memory is bounded by the piece, not the line: a stage takes many times a segment's size. */
#define LINE_PIECE ((size_t)1 << 20)

/* Where to cut a piece of a long line: after the last sentence end in its second half, else
 * at the last character boundary. */
static size_t cut_at(const char *p, size_t n)
{
	static const char *const ends[] = { "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x9B" };
	for (size_t i = n; i >= 3 && i - 3 >= n / 2; i--)
		for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
			if (memcmp(p + i - 3, ends[k], 3) == 0)
				return i;
	size_t cut = n - u8_tail_cut(p, n);
	return cut ? cut : n;
}

static int do_lines(const char *path)
{
	struct input in;
	if (in_open(&in, path) != 0) {
		warn_at(path, 0, "%s", strerror(errno));
		return -1;
	}
	in_set_encoding(&in, encoding);   /* checked in annotate_main */
	struct buf carry = BUF_INIT;      /* the part of a long line not written yet */
	unsigned long long coff = 0;      /* its source offset */
	unsigned long long lstart = 0;    /* and where its line starts */
	int cut_before = 0;               /* the line was cut already */
	char *p;
	ssize_t got;
	int complete;
	unsigned long long start = in.off;
	const char *doc = doc_of(path);
	while ((got = in_getpiece(&in, &p, LINE_PIECE, &complete)) >= 0) {
		size_t n = (size_t)got;
		unsigned long long off = start, end = start + n;
		start = in.off;
		if (carry.n == 0 && in.line == 1 && off == 0 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
			p += 3; n -= 3; off += 3;
		}
		if (complete && !cut_before) {   /* the usual case: a whole line */
			if (n > 0 && p[n - 1] == '\r') {
				n--; end--;
			}
			if (n > 0)
				line_segment(path, doc, in.line, p, n, off, end, off);
			meter_tick(bytes_done + in.off);
			continue;
		}
		if (carry.n == 0)
			coff = off;
		if (!cut_before)
			lstart = off;
		buf_add(&carry, p, n);
		if (complete) {
			if (carry.n > 0 && carry.p[carry.n - 1] == '\r')
				carry.n--;
			if (carry.n > 0)
				line_segment(path, doc, in.line, carry.p, carry.n, coff, coff + carry.n, lstart);
			buf_clear(&carry);
			cut_before = 0;
		} else {
			size_t k = cut_at(carry.p, carry.n);
			line_segment(path, doc, in.line, carry.p, k, coff, coff + k, lstart);
			cut_before = 1;
			memmove(carry.p, carry.p + k, carry.n - k);
			carry.n -= k;
			coff += k;
		}
		meter_tick(bytes_done + in.off);
	}
	if (carry.n > 0)   /* the input ended inside a long line */
		line_segment(path, doc, in.line, carry.p, carry.n, coff, coff + carry.n, lstart);
	bytes_done += in.off;
	int rc = in.err ? -1 : 0;
	if (in.err)
		warn_at(path, 0, "read error: %s", strerror(in.err));
	buf_free(&carry);
	in_close(&in);
	return rc;
}

static int do_file(const char *path)
{
	int rc;
	if (lines_in) {
		rc = do_lines(path);
		meter_file_done();
		return rc;
	}
	struct table *t = tbl_open_enc(path, csv_in ? TBL_CSV : TBL_TSV, !no_header, encoding);
	if (!t)
		return -1;
	if (text_col) {
		rc = do_table(t);
	} else if (tbl_header(t) && !stream_is_header(tbl_header(t))) {
		/* Said once, before any row is read: the rows of another table would each be
		 * reported as the wrong width otherwise. */
		warn_at(tbl_name(t), 1, "not an annotation stream (the header must be doc seg kind type "
		        "start end text value unit mod); use --lines for plain text or --text COL for a table");
		rc = 0;
	} else {
		rc = do_stream(t);
	}
	bytes_done += tbl_offset(t);
	meter_file_done();
	tbl_close(t);
	return rc;
}

static int do_list(void)
{
	struct pathlist pl;
	if (pl_open(&pl, files_from, nul_names) < 0) {
		warn_at(files_from, 0, "%s", strerror(errno));
		return -1;
	}
	int failed = 0;
	const char *name;
	while ((name = pl_next(&pl)))
		failed |= do_file(name) < 0;
	pl_close(&pl);
	return failed ? -1 : 0;
}

/* ---- options and main ---- */

enum { OPT_TEXT = 256, OPT_ID, OPT_LINES, OPT_ONLY, OPT_DOC_ID, OPT_FILES_FROM, OPT_ENCODING,
       OPT_NO_HEADER, OPT_PROGRESS };

static const struct cli_opt driver_opts[] = {
	{ "text", OPT_TEXT, "COL", "read a headed TSV (or CSV) table; COL (name or number) holds the text" },
	{ "id", OPT_ID, "COL", "with --text: the column that names each row's document" },
	{ "no-header", OPT_NO_HEADER, NULL, "with --text: the table has no header line; name columns by number" },
	{ "lines", OPT_LINES, NULL, "read plain text, one segment per line" },
	ROWOUT_OPTIONS,
	{ "only", OPT_ONLY, NULL, "write only the rows this program adds (and the header)" },
	{ "files-from", OPT_FILES_FROM, "FILE", "read the names of the input files from FILE, one a line" },
	{ "null", '0', NULL, "with --files-from: names are separated by NUL bytes" },
	{ "doc-id", OPT_DOC_ID, "NAME", "document id of standard input with --lines or --text (default '-')" },
	{ "encoding", OPT_ENCODING, "NAME", "charset of --lines and --text input: auto (default), UTF-8, GBK..." },
	{ "progress", OPT_PROGRESS, NULL, "show bytes, files and MB/s on stderr" },
	{ NULL, 0, NULL, NULL },
};

static struct cli_opt *merged_opts(const struct cli_opt *extra)
{
	size_t n = 0, m = 0;
	while (extra && extra[n].name)
		n++;
	while (driver_opts[m].name)
		m++;
	struct cli_opt *o = xcalloc(n + m + 1, sizeof *o);
	memcpy(o, driver_opts, m * sizeof *o);
	if (n)
		memcpy(o + m, extra, n * sizeof *o);
	return o;
}

int annotate_main(int argc, char **argv, const struct annotator *a)
{
	A = a;
	cli_init(a->name);
	struct cli_opt *opts = merged_opts(a->opts);
	struct buf usage = BUF_INIT;
	buf_addf(&usage, "[OPTION]... [FILE]...");
	struct cli_spec spec = { usage.p, a->summary, opts, a->epilog };
	const char *arg;
	int key, progress = 0;
	while ((key = cli_next(argc, argv, &spec, &arg)) != -1) {
		if (row_option(key))
			continue;
		switch (key) {
		case OPT_TEXT: text_col = arg; break;
		case OPT_ID: id_col = arg; break;
		case OPT_LINES: lines_in = 1; break;
		case OPT_ONLY: only = 1; break;
		case OPT_NO_HEADER: no_header = 1; break;
		case OPT_DOC_ID: doc_id = arg; break;
		case OPT_FILES_FROM: files_from = arg; break;
		case '0': nul_names = 1; break;
		case OPT_ENCODING: encoding = arg; break;
		case OPT_PROGRESS: progress = 1; break;
		default:
			if (!a->option)
				usage_error("unexpected option");
			a->option(key, arg);
		}
	}
	csv_in = row_options_done();
	if (lines_in && (text_col || csv_in))
		usage_error("--lines cannot be combined with --text or CSV input (--ocsv writes CSV)");
	if (id_col && !text_col)
		usage_error("--id needs --text COL");
	if (no_header && !text_col)
		usage_error("--no-header goes with --text COL (the stream always has its header)");
	if (nul_names && !files_from)
		usage_error("-0 goes with --files-from");
	charset_check_option(encoding);
	if (a->init)
		a->init();
	meter_start(progress);
	stream_write_header();
	int first = cli_optind(), failed = 0;
	if (files_from)
		failed |= do_list() < 0;
	for (int i = first; i < argc; i++)
		failed |= do_file(argv[i]) < 0;
	if (!files_from && first >= argc)
		failed |= do_file("-") < 0;
	meter_done(bytes_done);
	if (a->fini)
		a->fini();
	out_finish();
	free(opts);
	buf_free(&usage);
	buf_free(&name_buf);
	free(set.a);
	buf_free(&set.arena);
	free(cpoff);
	buf_free(&grp.bytes);
	free(grp.fields);
	free(grp.prior);
	if (failed)
		cli_mark_bad();
	return cli_status();
}
