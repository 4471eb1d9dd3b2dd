/* emit: normalise the text and write the ten columns. */
#include <string.h>
#include "buf.h"
#include "emit.h"
#include "normalize.h"
#include "out.h"
#include "stream.h"

void emit_row(struct emitter *e, const char *p, size_t n,
              unsigned long long start, unsigned long long end)
{
	static struct buf text = BUF_INIT;
	buf_clear(&text);
	norm_text(p, n, e->form, &text);
	if (text.n == 0)
		return;
	tsv_write_field(e->doc, strlen(e->doc));
	out_putc('\t');
	tsv_write_ull(++e->seg);
	out_write("\tseg\t", 5);
	out_puts(e->type);
	out_putc('\t');
	tsv_write_ull(start);
	out_putc('\t');
	tsv_write_ull(end);
	out_putc('\t');
	tsv_write_field(text.p, text.n);
	out_putc('\t');
	tsv_write_ull(e->para);
	out_write("\t\t\n", 3);
}
