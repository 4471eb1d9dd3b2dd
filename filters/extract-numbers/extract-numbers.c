/* extract-numbers: add a num row for every quantity stated in the text of the stream. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "annotate.h"
#include "input.h"
#include "scan.h"
#include "utf8.h"

enum { OPT_EXCLUDE = 512, OPT_BARE };

static const struct cli_opt options[] = {
	{ "exclude", OPT_EXCLUDE, "FILE", "also skip numerals inside the phrases of FILE (one a line)" },
	{ "bare", OPT_BARE, NULL, "also report numerals without a measure word (type other)" },
	{ NULL, 0, NULL, NULL }
};

static struct tables tables;
static struct scanner scanner;
static int bare;
static const char **excludes;
static size_t nexcludes;

static void option(int key, const char *arg)
{
	if (key == OPT_BARE) {
		bare = 1;
	} else if (key == OPT_EXCLUDE) {
		excludes = xrealloc(excludes, (nexcludes + 1) * sizeof *excludes);
		excludes[nexcludes++] = arg;
	}
}

/* A user's exclusion list is read whole: it is a word list, not data to stream. */
static void load_exclude(const char *path)
{
	struct input in;
	if (in_open(&in, path) != 0) {   /* warn_at: the name shown escaped */
		warn_at(path, 0, "%s", strerror(errno));
		exit(EXIT_USAGE);
	}
	struct buf all = BUF_INIT;
	char *chunk;
	ssize_t got;
	while ((got = in_read(&in, &chunk, 1 << 16)) > 0)
		buf_add(&all, chunk, (size_t)got);
	if (got < 0) {
		warn_at(path, 0, "%s", strerror(in.err));
		exit(EXIT_USAGE);
	}
	in_close(&in);
	tables_add_exclude(&tables, all.p ? all.p : "", all.n, path);
	buf_free(&all);
}

static void init(void)
{
	tables_load(&tables);
	for (size_t i = 0; i < nexcludes; i++)
		load_exclude(excludes[i]);
	tables_build(&tables);
	scanner_init(&scanner, &tables, bare);
}

static void fini(void)
{
	scanner_free(&scanner);
	tables_free(&tables);
	free(excludes);
}

/* Entities whose digits are not quantities. */
static int skips(const struct prior *p)
{
	static const char *const types[] = { "DATE", "TIME", "PHONE", "EMAIL", "URL" };
	if (strcmp(p->kind, "ent") != 0)
		return 0;
	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (strcmp(p->type, types[i]) == 0)
			return 1;
	return 0;
}

static int span_cmp(const void *x, const void *y)
{
	const struct span *a = x, *b = y;
	return a->start < b->start ? -1 : a->start > b->start;
}

static struct span *spans;
static size_t spans_cap;

/* Span ends in code points become byte offsets in one forward walk over the text: every
 * boundary is listed, sorted, and reached in turn. */
struct point {
	size_t cp;
	size_t *slot;
};

static struct point *points;
static size_t points_cap;

static int point_cmp(const void *x, const void *y)
{
	const struct point *a = x, *b = y;
	return a->cp < b->cp ? -1 : a->cp > b->cp;
}

static void to_bytes(const struct segment *seg, size_t n)
{
	if (2 * n > points_cap) {
		points_cap = 4 * n;
		points = xrealloc(points, points_cap * sizeof *points);
	}
	for (size_t i = 0; i < n; i++) {
		points[2 * i] = (struct point){ spans[i].start, &spans[i].start };
		points[2 * i + 1] = (struct point){ spans[i].end, &spans[i].end };
	}
	qsort(points, 2 * n, sizeof *points, point_cmp);
	size_t byte = 0, cp = 0;
	for (size_t i = 0; i < 2 * n; i++) {
		while (cp < points[i].cp && byte < seg->len) {
			byte++;
			while (byte < seg->len && ((unsigned char)seg->text[byte] & 0xC0) == 0x80)
				byte++;
			cp++;
		}
		*points[i].slot = byte;
	}
}

static size_t skip_spans(const struct segment *seg)
{
	size_t n = 0;
	for (size_t i = 0; i < seg->nprior; i++) {
		const struct prior *p = &seg->prior[i];
		if (!skips(p) || p->start >= p->end || p->end > seg->ncp)
			continue;
		if (n == spans_cap) {
			spans_cap = spans_cap ? 2 * spans_cap : 16;
			spans = xrealloc(spans, spans_cap * sizeof *spans);
		}
		spans[n].start = p->start;
		spans[n].end = p->end;
		n++;
	}
	if (!n)
		return 0;
	to_bytes(seg, n);
	if (n > 1)
		qsort(spans, n, sizeof *spans, span_cmp);
	return n;
}

/* Mentions come in byte offsets, nearly in order: count code points forward. */
struct out_ctx {
	const char *text;
	struct annset *set;
	size_t byte, cp;
};

static size_t to_cp(struct out_ctx *o, size_t byte)
{
	if (byte < o->byte)
		o->byte = o->cp = 0;
	o->cp += u8_count(o->text + o->byte, byte - o->byte);
	o->byte = byte;
	return o->cp;
}

static void add_mention(void *ctx, const struct mention *m)
{
	struct out_ctx *o = ctx;
	size_t start = to_cp(o, m->start), end = to_cp(o, m->end);
	ann_addn(o->set, start, end, m->type, m->value, m->vlen, m->unit, m->mod);
}

static void annotate(const struct segment *seg, struct annset *set)
{
	size_t n = skip_spans(seg);
	struct out_ctx o = { seg->text, set, 0, 0 };
	scan_text(&scanner, seg->text, seg->len, spans, n, add_mention, &o);
}

static void fini_all(void)
{
	fini();
	free(spans);
	free(points);
}

static const struct annotator numbers_annotator = {
	"extract-numbers", "num",
	"Find the quantities stated in the text: value, unit, type and approximation.",
	"Examples:\n"
	"  segment news/*.txt | extract-numbers > with-numbers.tsv\n"
	"  echo '共有14720.7万元，惠及300余户' | extract-numbers --lines --only\n"
	"  extract-numbers --icsv --text body --id url articles.csv\n"
	"  extract-numbers --exclude our-slogans.txt stream.tsv\n"
	"\n"
	"Each mention is a num row: type (count money percent measure duration ordinal\n"
	"fraction score other), value as a plain exact decimal with 万/亿 folded in, unit,\n"
	"mod (about over under). See extract-numbers(1) for the rules.",
	options, option, init, annotate, fini_all
};

int main(int argc, char **argv)
{
	return annotate_main(argc, argv, &numbers_annotator);
}
