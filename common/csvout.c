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
	if (n && memchr(p, '\0', n)) {
		/* CSV has no escapes and no CSV consumer takes a NUL byte: it is written as the two
		 * characters \0, as the TSV stream writes it (docs/FORMAT.md). */
		static struct buf fixed;
		buf_clear(&fixed);
		for (size_t i = 0; i < n; i++) {
			if (p[i])
				buf_addc(&fixed, p[i]);
			else
				buf_add(&fixed, "\\0", 2);
		}
		p = fixed.p;
		n = fixed.n;
	}
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
