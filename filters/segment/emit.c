/* emit: normalise the text and write the ten columns. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "buf.h"
#include "emit.h"
#include "normalize.h"
#include "out.h"
#include "rowout.h"
#include "stream.h"

/* Does p[0..n) hold a byte the stream escapes (\\, tab, newline, carriage return)? Eight
 * bytes at a time: a byte below 0x0E or equal to 0x5C is flagged. */
static int needs_escape(const char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		uint64_t low = (x - ones * 0x0E) & ~x & highs;
		uint64_t y = x ^ (ones * 0x5C);
		uint64_t bs = (y - ones) & ~y & highs;
		if (low | bs)
			return 1;
	}
	for (; i < n; i++)
		if ((unsigned char)p[i] < 0x0E || p[i] == '\\')
			return 1;
	return 0;
}

/* A TAB and then v in decimal. */
static void put_num(unsigned long long v)
{
	char d[24];
	int i = sizeof d;
	do
		d[--i] = (char)('0' + v % 10);
	while ((v /= 10));
	d[--i] = '\t';
	out_write(d + i, sizeof d - (size_t)i);
}

static void write_text(const char *p, size_t n)
{
	if (needs_escape(p, n))
		tsv_write_field(p, n);
	else
		out_write(p, n);
}

/* CSV or JSONL (rowout.h): the same ten columns through the general writer. */
static void emit_other(struct emitter *e, const struct buf *text, unsigned long long start,
                       unsigned long long end)
{
	char seg[24], s[24], en[24], para[24];
	snprintf(seg, sizeof seg, "%llu", ++e->seg);
	snprintf(s, sizeof s, "%llu", start);
	snprintf(en, sizeof en, "%llu", end);
	snprintf(para, sizeof para, "%llu", e->para);
	struct field f[S_NCOLS] = {
		{ (char *)e->doc, strlen(e->doc) }, { seg, strlen(seg) }, { "seg", 3 },
		{ (char *)e->type, strlen(e->type) }, { s, strlen(s) }, { en, strlen(en) },
		{ text->p, text->n }, { para, strlen(para) }, { NULL, 0 }, { NULL, 0 } };
	row_write(f, S_NCOLS);
}

void emit_row(struct emitter *e, const char *p, size_t n,
              unsigned long long start, unsigned long long end)
{
	static struct buf text = BUF_INIT;
	buf_clear(&text);
	norm_text(p, n, e->form, &text);
	if (text.n == 0)
		return;
	if (row_format() != ROW_TSV) {
		emit_other(e, &text, start, end);
		return;
	}
	tsv_write_field(e->doc, strlen(e->doc));
	put_num(++e->seg);
	out_write("\tseg\t", 5);
	out_puts(e->type);
	put_num(start);
	put_num(end);
	out_putc('\t');
	write_text(text.p, text.n);
	put_num(e->para);
	out_write("\t\t\n", 3);
}
