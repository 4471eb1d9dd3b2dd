/* stage: the annotate driver built into the harness, with checks around the stage. */
#include <stdlib.h>
#include <string.h>
#include "feed.h"
#include "stage.h"

/* The driver's own definitions are renamed so the harness can stand between the stage
 * and the driver: annotate_main captures, ann_add* check what the stage adds. */
#define annotate_main driver_annotate_main
#define ann_add driver_ann_add
#define ann_addn driver_ann_addn
#include "../../common/annotate.c"
#undef annotate_main
#undef ann_add
#undef ann_addn

static struct annotator wrapped;
static const struct segment *cur;

static void check_text(const char *p, size_t n, const char *what)
{
	if (p && u8_valid_prefix(p, n) != n)
		feed_fail(what);
}

void ann_addn(struct annset *s, size_t start, size_t end, const char *type,
              const char *value, size_t vlen, const char *unit, const char *mod)
{
	if (!type || !*type)
		feed_fail("annotation without a type");
	check_text(value, vlen, "annotation value is not valid UTF-8");
	check_text(unit, unit ? strlen(unit) : 0, "annotation unit is not valid UTF-8");
	check_text(mod, mod ? strlen(mod) : 0, "annotation mod is not valid UTF-8");
	if (cur && (start >= end || end > cur->ncp))
		feed_fail("annotation span is empty or outside the segment");
	driver_ann_addn(s, start, end, type, value, vlen, unit, mod);
}

void ann_add(struct annset *s, size_t start, size_t end, const char *type,
             const char *value, const char *unit, const char *mod)
{
	ann_addn(s, start, end, type, value, value ? strlen(value) : 0, unit, mod);
}

static const struct annotator *real;

static void checked_annotate(const struct segment *seg, struct annset *out)
{
	if (seg->text[seg->len] != '\0')
		feed_fail("segment text not NUL-terminated");
	check_text(seg->text, seg->len, "segment text handed to the stage is not valid UTF-8");
	if (seg->ncp != u8_count(seg->text, seg->len))
		feed_fail("segment ncp is not its code point count");
	cur = seg;
	real->annotate(seg, out);
	cur = NULL;
}

int annotate_main(int argc, char **argv, const struct annotator *a)
{
	(void)argc;
	(void)argv;
	stage_use(a);
	return 0;
}

void stage_use(const struct annotator *a)
{
	real = a;
	wrapped = *a;
	wrapped.annotate = checked_annotate;
	A = &wrapped;
	feed_quiet(a->name);
	if (a->init)
		a->init();
}

void stage_capture(int (*filter_main)(int, char **), const char *name)
{
	char *argv[] = { (char *)name, NULL };
	filter_main(1, argv);
	if (!A)
		feed_fail("the stage's main never called annotate_main");
}

static const char header[] = "doc\tseg\tkind\ttype\tstart\tend\ttext\tvalue\tunit\tmod\n";

void stage_run(const uint8_t *data, size_t size)
{
	if (size < 2 || !A)
		return;
	int mode = data[0] & 7;
	size_t chunk = (size_t)data[1] + 1;
	data += 2;
	size -= 2;
	only = (data[-2] & 8) != 0;
	lines_in = mode == 2;
	csv_in = mode == 4;
	text_col = mode >= 3 ? "text" : NULL;
	id_col = mode >= 3 ? "id" : NULL;
	if (mode == 0) {
		uint8_t *all = malloc(sizeof header - 1 + size + 1);
		if (!all)
			feed_fail("out of memory");
		memcpy(all, header, sizeof header - 1);
		if (size)
			memcpy(all + sizeof header - 1, data, size);
		feed_stdin(all, sizeof header - 1 + size, chunk);
		free(all);
	} else {
		feed_stdin(data, size, chunk);
	}
	do_file("-");
	grp.open = 0;
	grp.nrows = 0;
	buf_clear(&grp.bytes);
}
