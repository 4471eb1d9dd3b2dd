/* Unit tests of rowout: JSON Lines escaping and keys, CSV and TSV through one call, and the
 * NUL escape of the TSV stream read back by the table reader. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "check.h"
#include "cli.h"
#include "out.h"
#include "rowout.h"
#include "stream.h"

static char path[] = "/tmp/test_rowout.XXXXXX";
static int fd;

/* Everything written since the last call, as a C string. */
static const char *written(void)
{
	static char got[4096];
	out_flush();
	ssize_t n = pread(fd, got, sizeof got - 1, 0);
	got[n < 0 ? 0 : n] = '\0';
	if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
		abort();
	return got;
}

int main(void)
{
	check_suite = "rowout";
	cli_init("test_rowout");
	fd = mkstemp(path);
	out_set_fd(fd);

	const char *names[] = { "doc", "va\"l" };
	row_set_format(ROW_JSONL);
	row_header_strs(names, 2);
	CHECK_STR("jsonl has no header line", written(), "");
	const char *vals[] = { "a\\b\"c\td\ne\rf\x01g\x7fh\x1f", "104590460217306344.66" };
	row_write_strs(vals, 2);
	CHECK_STR("jsonl escapes and keeps digits as a string", written(),
	          "{\"doc\":\"a\\\\b\\\"c\\td\\ne\\rf\\u0001g\x7fh\\u001f\",\"va\\\"l\":\"104590460217306344.66\"}\n");
	const char *cjk[] = { "引号\xF0\x9F\x98\x80𠀀", NULL, "extra" };
	row_write_strs(cjk, 3);
	CHECK_STR("jsonl: non-BMP as UTF-8, empty, extra column keyed by number", written(),
	          "{\"doc\":\"引号\xF0\x9F\x98\x80𠀀\",\"va\\\"l\":\"\",\"3\":\"extra\"}\n");
	const char *after[] = { "回\"引\t号\\", "" };
	row_write_strs(after, 2);
	CHECK_STR("jsonl escapes after non-ASCII text", written(),
	          "{\"doc\":\"回\\\"引\\t号\\\\\",\"va\\\"l\":\"\"}\n");
	struct field nul[2] = { { "a\0b", 3 }, { "\xff", 1 } };
	row_write(nul, 2);
	CHECK_STR("jsonl: NUL as \\u0000, an invalid byte as U+FFFD", written(),
	          "{\"doc\":\"a\\u0000b\",\"va\\\"l\":\"\xEF\xBF\xBD\"}\n");

	row_set_format(ROW_CSV);
	row_header_strs(names, 2);
	row_write(nul, 2);
	CHECK_STR("csv header, quoting and NUL", written(), "doc,\"va\"\"l\"\na\\0b,\xff\n");

	row_set_format(ROW_TSV);
	stream_write_header();
	CHECK_STR("tsv stream header", written(), "doc\tseg\tkind\ttype\tstart\tend\ttext\tvalue\tunit\tmod\n");
	struct field h[2] = { { "x", 1 }, { "y", 1 } };
	row_header(h, 2);
	row_write(nul, 2);
	out_flush();
	struct table *t = tbl_open(path, TBL_TSV, 1);
	struct row *r;
	CHECK("tsv NUL read back", t && tbl_next(t, &r) == 1 && r->f[0].n == 3 && memcmp(r->f[0].p, "a\0b", 3) == 0);
	tbl_close(t);
	CHECK_STR("tsv writes NUL as \\0", written(), "x\ty\na\\0b\t\xff\n");

	CHECK("options: --csv is input and output", row_option(ROWOPT_CSV) && row_options_done() == 1 &&
	      row_format() == ROW_CSV);
	CHECK("options: a later --ojsonl wins for output, input stays CSV",
	      row_option(ROWOPT_OJSONL) && row_options_done() == 1 && row_format() == ROW_JSONL);
	CHECK("options: --tsv resets", row_option(ROWOPT_TSV) && row_options_done() == 0 && row_format() == ROW_TSV);
	CHECK("options: others are not taken", !row_option('g'));
	close(fd);
	unlink(path);
	return check_done();
}
