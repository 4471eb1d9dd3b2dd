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

	/* The word-at-a-time escaper against a byte-by-byte reference on random fields. */
	if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
		abort();
	static const char alphabet[] = "ab\\\t\n\r\x0b\x0e\x5b\x5d\xe5\x9b\x9e";
	char field[40], want[80];
	size_t wn = 0;
	srand(7);
	int same = 1;
	for (int k = 0; k < 20000 && same; k++) {
		size_t n = (size_t)(rand() % 40);
		wn = 0;
		for (size_t i = 0; i < n; i++) {
			char c = alphabet[rand() % (int)(sizeof alphabet - 1)];
			field[i] = c;
			const char *e = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : NULL;
			if (e) { memcpy(want + wn, e, 2); wn += 2; } else want[wn++] = c;
		}
		tsv_write_field(field, n);
		out_flush();
		char got[80];
		ssize_t g = pread(fd, got, sizeof got, 0);
		same = g == (ssize_t)wn && memcmp(got, want, wn) == 0;
		if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
			abort();
	}
	CHECK("fast escaper agrees with the byte-by-byte rule", same);
	close(fd);
	unlink(path);
	return check_done();
}
