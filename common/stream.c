/* stream: the ten stream columns and escaped TSV writing. */
#include <stdint.h>
#include <string.h>
#include "out.h"
#include "rowout.h"
#include "stream.h"

const char *const stream_cols[S_NCOLS] = {
	"doc", "seg", "kind", "type", "start", "end", "text", "value", "unit", "mod"
};

void stream_write_header(void)
{
	row_header_strs(stream_cols, S_NCOLS);
}

int stream_is_header(const struct row *h)
{
	if (!h || h->nf != S_NCOLS)
		return 0;
	for (size_t i = 0; i < S_NCOLS; i++) {
		size_t n = strlen(stream_cols[i]);
		if (h->f[i].n != n || memcmp(h->f[i].p, stream_cols[i], n) != 0)
			return 0;
	}
	return 1;
}

/* Bytes that need an escape; everything else is copied in runs. NUL is escaped too: a raw
 * NUL breaks PostgreSQL's COPY and C-string consumers (SQLite's text import). */
static const unsigned char special[256] = { ['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r',
                                            ['\0'] = '0' };

/* Does any byte of w need an escape? Word-at-a-time: a byte below 0x0E (NUL, TAB, LF, CR
 * and a few harmless controls) or a backslash; false positives only cost the slow path. */
static int word_special(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t below = (w - ones * 0x0E) & ~w & high;
	uint64_t bs = w ^ (ones * '\\');
	return (below | ((bs - ones) & ~bs & high)) != 0;
}

void tsv_write_field(const char *p, size_t n)
{
	/* Empty fields often come as { NULL, 0 }; p + 0 on a null pointer is undefined. */
	if (n == 0)
		return;
	size_t run = 0, i = 0;
	for (;;) {
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if (word_special(w))
				break;
			i += 8;
		}
		size_t stop = i + 8 < n ? i + 8 : n;
		for (; i < stop; i++) {
			unsigned char e = special[(unsigned char)p[i]];
			if (!e)
				continue;
			out_write(p + run, i - run);
			char esc[2] = { '\\', (char)e };
			out_write(esc, 2);
			run = i + 1;
		}
		if (i >= n)
			break;
	}
	out_write(p + run, n - run);
}

void tsv_write_row(const struct field *f, size_t nf)
{
	for (size_t i = 0; i < nf; i++) {
		if (i)
			out_putc('\t');
		tsv_write_field(f[i].p, f[i].n);
	}
	out_putc('\n');
}

void tsv_write_strs(const char *const *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			out_putc('\t');
		if (s[i])
			tsv_write_field(s[i], strlen(s[i]));
	}
	out_putc('\n');
}

void tsv_write_ull(unsigned long long v)
{
	char d[24];
	size_t i = sizeof d;
	do {
		d[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	out_write(d + i, sizeof d - i);
}
