/* csvout: CSV output through libcsv's quoting. */
#include <csv.h>
#include <string.h>
#include "buf.h"
#include "csvout.h"
#include "out.h"

static int needs_quotes(const char *p, size_t n)
{
	if (n && (p[0] == ' ' || p[n - 1] == ' '))
		return 1;
	for (size_t i = 0; i < n; i++)
		if (p[i] == ',' || p[i] == '"' || p[i] == '\n' || p[i] == '\r')
			return 1;
	return 0;
}

void csv_write_field(const char *p, size_t n)
{
	if (!needs_quotes(p, n)) {
		out_write(p, n);
		return;
	}
	/* quoting at most doubles the field, plus two quotes */
	static struct buf q;
	buf_clear(&q);
	buf_reserve(&q, 2 * n + 2);
	size_t w = csv_write(q.p, q.cap, p, n);
	out_write(q.p, w);
}

void csv_write_row(const struct field *f, size_t nf)
{
	for (size_t i = 0; i < nf; i++) {
		if (i)
			out_putc(',');
		csv_write_field(f[i].p, f[i].n);
	}
	out_putc('\n');
}
