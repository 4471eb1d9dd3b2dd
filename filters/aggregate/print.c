/* print: rows out through rowout.h (TSV, CSV, JSON Lines) or held for --pretty. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "out.h"
#include "print.h"
#include "rowout.h"
#include "utf8.h"

static enum outfmt fmt;
static size_t ncols;
static int *right;
/* --pretty: every cell, escaped, as offsets into one buffer */
static struct buf cells;
static size_t *cell_end, ncells, cells_cap;

void print_init(enum outfmt f, size_t n, const int *r)
{
	fmt = f;
	ncols = n;
	right = xcalloc(n ? n : 1, sizeof *right);
	buf_reserve(&cells, 1);   /* so that an empty first cell has an address */
	if (n)
		memcpy(right, r, n * sizeof *right);
}

/* Cells are escaped as TSV is, so a tab or newline inside a value cannot break the table. */
static void keep_cell(const struct field *f)
{
	static const char esc[256] = { ['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\0'] = '0' };
	for (size_t i = 0; i < f->n; i++) {
		char e = esc[(unsigned char)f->p[i]];
		if (e) {
			buf_addc(&cells, '\\');
			buf_addc(&cells, e);
		} else {
			buf_addc(&cells, f->p[i]);
		}
	}
	if (ncells == cells_cap) {
		cells_cap = cells_cap ? cells_cap * 2 : 256;
		cell_end = xrealloc(cell_end, cells_cap * sizeof *cell_end);
	}
	cell_end[ncells++] = cells.n;
}

void print_header(const struct field *names)
{
	if (fmt != OUT_PRETTY) {
		row_set_format(fmt == OUT_CSV ? ROW_CSV : fmt == OUT_JSONL ? ROW_JSONL : ROW_TSV);
		row_header(names, ncols);
		return;
	}
	for (size_t i = 0; i < ncols; i++)
		keep_cell(&names[i]);
}

void print_row(const struct field *f)
{
	if (fmt != OUT_PRETTY) {
		row_write(f, ncols);
		return;
	}
	for (size_t i = 0; i < ncols; i++)
		keep_cell(&f[i]);
}

static void spaces(size_t n)
{
	while (n--)
		out_putc(' ');
}

/* Columns two spaces apart, widths in terminal columns (a CJK character counts two). */
static void print_pretty(void)
{
	size_t *width = xcalloc(ncols ? ncols : 1, sizeof *width);
	size_t *cw = xmalloc((ncells ? ncells : 1) * sizeof *cw);
	for (size_t c = 0; c < ncells; c++) {
		size_t start = c ? cell_end[c - 1] : 0;
		cw[c] = u8_width(cells.p + start, cell_end[c] - start);
		if (cw[c] > width[c % ncols])
			width[c % ncols] = cw[c];
	}
	for (size_t c = 0; c < ncells; c++) {
		size_t i = c % ncols, start = c ? cell_end[c - 1] : 0, pad = width[i] - cw[c];
		if (i)
			spaces(2);
		if (right[i])
			spaces(pad);
		out_write(cells.p + start, cell_end[c] - start);
		if (!right[i] && i + 1 < ncols)
			spaces(pad);
		if (i + 1 == ncols)
			out_putc('\n');
	}
	free(width);
	free(cw);
}

void print_end(void)
{
	if (fmt == OUT_PRETTY && ncols)
		print_pretty();
	buf_free(&cells);
	free(cell_end);
	free(right);
	cell_end = NULL;
	right = NULL;
	ncells = cells_cap = 0;
}
