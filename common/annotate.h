/* annotate: the driver shared by the annotating stages (tag-entities, extract-numbers).
 * It reads the stream, a headed TSV/CSV table or plain lines, hands each segment's text
 * to the stage's annotate() with the rows earlier stages wrote for it, and writes the
 * stream back with the stage's rows after the existing ones, sorted by start. The driver
 * owns every segment, row and annotation; a stage borrows them during annotate(). */
#ifndef COMMON_ANNOTATE_H
#define COMMON_ANNOTATE_H
#include <stddef.h>
#include "buf.h"
#include "cli.h"
#include "table.h"

/* An annotation row that already exists for the segment (from an earlier stage). */
struct prior {
	const char *kind, *type, *value;   /* NUL-terminated copies */
	size_t start, end;                 /* code points */
};

struct segment {
	const char *doc;      /* NUL-terminated */
	const char *text;     /* the segment text, valid UTF-8, NUL-terminated */
	size_t len;           /* bytes */
	size_t ncp;           /* code points */
	const char *segtype;  /* title, byline, caption, boiler, sent ("" when unknown) */
	const struct prior *prior;
	size_t nprior;
};

struct annset;

/* Add one row: code points [start, end) of the segment text; the surface text is cut from
 * the segment. value/unit/mod may be NULL (empty). Strings are copied. */
void ann_add(struct annset *s, size_t start, size_t end, const char *type,
             const char *value, const char *unit, const char *mod);
/* The same with a value that is not NUL-terminated. */
void ann_addn(struct annset *s, size_t start, size_t end, const char *type,
              const char *value, size_t vlen, const char *unit, const char *mod);

struct annotator {
	const char *name;            /* program name */
	const char *kind;            /* kind column of the rows it writes: "ent", "num" */
	const char *summary;         /* --help summary line */
	const char *epilog;          /* --help examples */
	const struct cli_opt *opts;  /* stage options (keys >= 512), may be NULL */
	/* Handle one stage option; return 0, or call usage_error. May be NULL. */
	void (*option)(int key, const char *arg);
	/* After the options, before any input. May be NULL. */
	void (*init)(void);
	void (*annotate)(const struct segment *seg, struct annset *out);
	/* At exit. May be NULL. */
	void (*fini)(void);
};

/* The whole program: options, inputs, output, exit status. */
int annotate_main(int argc, char **argv, const struct annotator *a);

#endif
