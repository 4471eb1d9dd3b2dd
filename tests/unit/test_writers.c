/* Unit tests of the TSV and CSV writers: what they write reads back the same. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "check.h"
#include "cli.h"
#include "csvout.h"
#include "out.h"
#include "stream.h"

static char path[] = "/tmp/test_writers.XXXXXX";

static struct table *reopen(enum tbl_format fmt)
{
	out_flush();
	return tbl_open(path, fmt, 1);
}

int main(void)
{
	check_suite = "writers";
	cli_init("test_writers");
	int fd = mkstemp(path);
	out_set_fd(fd);
	const char *nasty = "a\\b\tc\nd\re \"q\", 回";
	struct field f[2] = { { (char *)nasty, strlen(nasty) }, { "", 0 } };
	struct field h[2] = { { "x", 1 }, { "y", 1 } };
	tsv_write_row(h, 2);
	tsv_write_row(f, 2);
	struct table *t = reopen(TBL_TSV);
	struct row *r;
	CHECK("tsv round trip", tbl_next(t, &r) == 1 && r->nf == 2 && r->f[0].n == strlen(nasty) &&
	      memcmp(r->f[0].p, nasty, r->f[0].n) == 0 && r->f[1].n == 0);
	tbl_close(t);
	char raw[128];
	ssize_t n = pread(fd, raw, sizeof raw, 4);
	static const char want_tsv[] = "a\\\\b\\tc\\nd\\re \"q\", 回\t\n";
	CHECK("tsv escapes", n == sizeof want_tsv - 1 && memcmp(raw, want_tsv, (size_t)n) == 0);

	if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
		abort();
	csv_write_row(h, 2);
	csv_write_row(f, 2);
	t = reopen(TBL_CSV);
	CHECK("csv round trip", tbl_next(t, &r) == 1 && r->nf == 2 && r->f[0].n == strlen(nasty) &&
	      memcmp(r->f[0].p, nasty, r->f[0].n) == 0);
	tbl_close(t);
	n = pread(fd, raw, sizeof raw, 4);
	static const char want_csv[] = "\"a\\b\tc\nd\re \"\"q\"\", 回\",\n";
	CHECK("csv quotes", n == sizeof want_csv - 1 && memcmp(raw, want_csv, (size_t)n) == 0);
	close(fd);
	unlink(path);
	return check_done();
}
