/* table_check: the invariants of the row interface, whatever the bytes. */
#include <string.h>
#include "feed.h"
#include "table_check.h"
#include "utf8.h"

static void check_row(const struct row *r, const struct row *h, int strict,
                      unsigned long long prev_line, unsigned long long lines)
{
	if (r->nf == 0)
		feed_fail("a row with no fields");
	/* CSV may end records at a lone CR, so two rows can share a line */
	if (r->line < prev_line || r->line == 0)
		feed_fail("row line numbers go backwards");
	if (r->line > lines)
		feed_fail("a row's line number is past the end of the input");
	if (strict && h && r->nf != h->nf)
		feed_fail("strict width let a row of the wrong width through");
	for (size_t i = 0; i < r->nf; i++)
		if (u8_valid_prefix(r->f[i].p, r->f[i].n) != r->f[i].n)
			feed_fail("a field handed out is not valid UTF-8");
}

void table_check(const uint8_t *data, size_t size, enum tbl_format fmt)
{
	feed_quiet("fuzz-table");
	if (size < 1)
		return;
	int header = data[0] & 1, loose = data[0] & 2;
	unsigned long long lines = 1;
	for (size_t i = 1; i < size; i++)
		lines += data[i] == '\n';
	feed_stdin(data + 1, size - 1, (size_t)(data[0] >> 2) + 1);
	struct table *t = tbl_open("-", fmt, header);
	if (!t)
		feed_fail("tbl_open(\"-\") failed");
	if (loose)
		tbl_strict_width(t, 0);
	const struct row *h = tbl_header(t);
	if (h) {
		for (size_t i = 0; i < h->nf; i++)
			if (u8_valid_prefix(h->f[i].p, h->f[i].n) != h->f[i].n)
				feed_fail("a header field is not valid UTF-8");
		/* a column found by name is that column or an earlier one of the same name */
		if (h->nf && h->f[0].n < 64 && !memchr(h->f[0].p, '\0', h->f[0].n)) {
			char name[64];
			memcpy(name, h->f[0].p, h->f[0].n);
			name[h->f[0].n] = '\0';
			if (tbl_col(t, name) < 0 && h->f[0].n)
				feed_fail("tbl_col cannot find the first header name");
		}
	}
	struct row *r;
	unsigned long long prev = h ? h->line : 0, rows = 0;
	int rc;
	while ((rc = tbl_next(t, &r)) == 1) {
		check_row(r, h, header && !loose, prev, lines);
		prev = r->line;
		rows++;
	}
	if (rc != 0)
		feed_fail("tbl_next reported a read error on a socket that cannot fail");
	if (rows == 0 && tbl_next(t, &r) != 0)
		feed_fail("tbl_next after the end did not stay at the end");
	tbl_close(t);
}
