/* segment: raw news documents in, the stream of typed segments out (one seg row per title,
 * byline, caption, boiler line or sentence). See segment.1. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cli.h"
#include "document.h"
#include "html.h"
#include "out.h"
#include "pathlist.h"
#include "progress.h"
#include "rowout.h"
#include "meter.h"
#include "charset.h"
#include "reader.h"
#include "sentences.h"
#include "stream.h"
#include "table.h"

extern const char data_abbrev_txt[];
extern const unsigned long data_abbrev_txt_len;

/* Lines up to this long are read whole and typed from their full text; longer ones are
 * body text and stream through in pieces of this size. */
#define HOLD (64 * 1024)

enum {
	OPT_DOC_ID = 512, OPT_FILES_FROM, OPT_NO_HEADER, OPT_TEXT, OPT_ID, OPT_ENCODING,
	OPT_STRICT, OPT_NORMALIZE, OPT_MAX_CHARS, OPT_PROGRESS, OPT_HTML, OPT_NO_HTML
};

static const struct cli_opt options[] = {
	{ "doc-id", OPT_DOC_ID, "NAME", "document id of standard input (default '-')" },
	{ "files-from", OPT_FILES_FROM, "FILE", "read the names of the input files from FILE, one a line" },
	{ "null", '0', NULL, "with --files-from: names are separated by NUL bytes" },
	{ "text", OPT_TEXT, "COL", "table input: a headed TSV, one document per row in column COL" },
	{ "id", OPT_ID, "COL", "table input: the document id is column COL (default: the row number)" },
	{ "no-header", OPT_NO_HEADER, NULL, "table input has no header line: name columns by number" },
	ROWOUT_OPTIONS,
	{ "encoding", OPT_ENCODING, "NAME", "input charset: auto (default: BOM, else UTF-8, else detected), UTF-8, GBK, BIG5..." },
	{ "html", OPT_HTML, NULL, "documents are HTML (default: when they start with <!DOCTYPE or <html)" },
	{ "no-html", OPT_NO_HTML, NULL, "documents are text, even when they start like HTML" },
	{ "strict", OPT_STRICT, NULL, "an invalid byte is an error that ends its document" },
	{ "normalize", OPT_NORMALIZE, "FORM", "normal form of the text column: nfkc (default), nfc, none" },
	{ "max-chars", OPT_MAX_CHARS, "N", "no segment longer than N code points (default 2000)" },
	{ "progress", OPT_PROGRESS, NULL, "show bytes, files and MB/s on stderr (a terminal)" },
	{ NULL, 0, NULL, NULL }
};

static const char epilog[] =
	"Each FILE is one document (its id is the name as given); with no FILE, or when FILE\n"
	"is -, standard input is read. Output: the stream header, then one row per segment:\n"
	"doc seg kind=seg type start end text value unit mod, where type is title, byline,\n"
	"caption, boiler or sent, start/end are byte offsets in the source file and value is\n"
	"the paragraph number.\n"
	"\n"
	"Examples:\n"
	"  segment data/sample/*.txt > segments.tsv\n"
	"  segment --encoding=GB18030 old/*.txt | tag-entities | extract-numbers\n"
	"  find corpus -name '*.txt' -print0 | segment --files-from=- -0 > all.tsv\n"
	"  segment --icsv --id=url --text=body articles.csv\n"
	"  segment --ojsonl news.txt > segments.jsonl\n"
	"  curl -s https://example.com/page.txt | segment --doc-id=page1\n";

static const struct cli_spec spec = {
	"[OPTION]... [FILE]...",
	"Split raw news documents into typed segments: titles, bylines, captions, boilerplate\n"
	"and sentences, with layout breaks repaired.",
	options, epilog
};

struct config {
	const char *doc_id, *files_from, *text_col, *id_col;
	int nul, csv, icsv, no_header;
	struct reader_opts ro;
	struct doc_opts dopts;
	int progress;
	enum html_mode html;
};

static void parse(int argc, char **argv, struct config *c)
{
	const char *arg;
	int key;
	while ((key = cli_next(argc, argv, &spec, &arg)) != -1) {
		c->icsv |= key == ROWOPT_ICSV;
		if (row_option(key))
			continue;
		switch (key) {
		case OPT_DOC_ID: c->doc_id = arg; break;
		case OPT_NO_HEADER: c->no_header = 1; break;
		case OPT_FILES_FROM: c->files_from = arg; break;
		case '0': c->nul = 1; break;
		case OPT_TEXT: c->text_col = arg; break;
		case OPT_ID: c->id_col = arg; break;
		case OPT_ENCODING: c->ro.encoding = arg; break;
		case OPT_STRICT: c->ro.strict = 1; break;
		case OPT_PROGRESS: c->progress = 1; break;
		case OPT_HTML: c->html = HTML_ON; break;
		case OPT_NO_HTML: c->html = HTML_OFF; break;
		case OPT_NORMALIZE: {
			int f = u8_form_parse(arg);
			if (f < 0)
				usage_error("invalid --normalize form '%s' (nfkc, nfc or none)", arg);
			c->dopts.form = (enum u8_form)f;
			break;
		}
		case OPT_MAX_CHARS:
			c->dopts.max_cp = (size_t)cli_ull("--max-chars", arg);
			if (c->dopts.max_cp == 0)
				usage_error("--max-chars must be at least 1");
			break;
		}
	}
	/* --csv reads a table as CSV and writes CSV; raw documents are no table, so without
	 * --text it only chooses the output. */
	c->csv = row_options_done() && c->text_col;
	if ((c->icsv || c->id_col || c->no_header) && !c->text_col)
		usage_error("table input needs --text COL");
	if (c->ro.encoding && !*c->ro.encoding)
		usage_error("--encoding needs a charset name (or auto)");
	if (c->text_col && !charset_is_auto(c->ro.encoding))
		usage_error("--encoding applies to raw documents, not to table input");
	if (c->nul && !c->files_from)
		usage_error("-0 goes with --files-from");
}

static void one_file(const struct config *c, const char *path)
{
	static struct reader r;
	r.o = c->ro;
	int is_stdin = strcmp(path, "-") == 0;
	static struct buf name;
	const char *doc = u8_name_id(is_stdin && c->doc_id ? c->doc_id : path, &name);
	if (rd_open_file(&r, path, is_stdin ? "-" : path) < 0) {
		warn_at(path, 0, "%s", strerror(errno));
		return;
	}
	html_run(&r, doc, &c->dopts, c->html);
	rd_close(&r);
	progress_file_done();
}

/* Find the --text and --id columns in the header; 0, or -1 after a message. */
static int find_columns(const struct config *c, struct table *t, const char *path, int *tcol, int *icol)
{
	(void)path;
	*tcol = tbl_find(t, c->text_col, "--text");
	*icol = -1;
	if (*tcol >= 0 && (!c->id_col || (*icol = tbl_find(t, c->id_col, "--id")) >= 0))
		return 0;
	*tcol = -1;
	return -1;
}

static void one_table(const struct config *c, const char *path)
{
	/* The table file's charset is detected (an explicit --encoding is refused with tables:
	 * the rows' text is UTF-8 once read, and the reader must not convert it again). */
	struct table *t = tbl_open_enc(path, c->csv ? TBL_CSV : TBL_TSV, !c->no_header, "auto");
	if (!t) {
		cli_mark_bad();
		return;
	}
	struct row *row;
	int tcol = -1, icol = -1;
	struct buf id = BUF_INIT;
	static struct reader r;
	r.o = c->ro;
	unsigned long long n = 0;
	int rc;
	while ((rc = tbl_next(t, &row)) > 0) {
		if (tcol < 0 && find_columns(c, t, path, &tcol, &icol) < 0)
			break;
		n++;
		buf_clear(&id);
		if (icol >= 0 && (size_t)icol < row->nf)
			buf_add(&id, row->f[icol].p, row->f[icol].n);
		else
			buf_addf(&id, "%llu", n);
		const char *text = (size_t)tcol < row->nf ? row->f[tcol].p : "";
		size_t len = (size_t)tcol < row->nf ? row->f[tcol].n : 0;
		rd_open_mem(&r, id.p, text, len);
		html_run(&r, id.p, &c->dopts, c->html);
		rd_close(&r);
		progress_file_done();
	}
	if (rc < 0)
		cli_mark_bad();
	else if (rc == 0 && n == 0 && tbl_header(t))
		find_columns(c, t, path, &tcol, &icol);   /* a header alone: still check it */
	buf_free(&id);
	tbl_close(t);
}

static void one_input(const struct config *c, const char *path)
{
	if (c->text_col)
		one_table(c, path);
	else
		one_file(c, path);
}

static void from_list(const struct config *c)
{
	struct pathlist pl;
	if (pl_open(&pl, c->files_from, c->nul) < 0) {
		warn_at(c->files_from, 0, "%s", strerror(errno));
		return;
	}
	const char *name;
	while ((name = pl_next(&pl)))
		one_input(c, name);
	pl_close(&pl);
}

int main(int argc, char **argv)
{
	cli_init("segment");
	struct config c = { 0 };
	c.dopts.max_cp = 2000;
	c.dopts.form = U8_NFKC;
	c.ro.hold = HOLD;
	parse(argc, argv, &c);
	rd_setup(&c.ro);
	spl_set_abbrevs(data_abbrev_txt, data_abbrev_txt_len);
	progress_start(c.progress);
	stream_write_header();
	int first = cli_optind();
	if (c.files_from)
		from_list(&c);
	for (int i = first; i < argc; i++)
		one_input(&c, argv[i]);
	if (!c.files_from && first >= argc)
		one_input(&c, "-");
	progress_done(rd_total_bytes());
	out_finish();
	return cli_status();
}
