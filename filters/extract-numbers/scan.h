/* scan: find the number mentions of one text: numeral, approximation words around it,
 * measure word or unit, ranges, fractions and percentages; decide by policy what is a
 * quantity (a Chinese numeral needs a measure word; 一 as "a" is no count; dates, codes,
 * idioms are skipped) and report each mention with its exact value. */
#ifndef XN_SCAN_H
#define XN_SCAN_H
#include <stddef.h>
#include "buf.h"
#include "decimal.h"
#include "tables.h"
#include "zh_numeral.h"

struct mention {
	size_t start, end;     /* bytes in the text */
	const char *type;      /* count, money, percent, ... */
	const char *value;     /* plain decimal */
	size_t vlen;
	const char *unit;      /* NULL when none */
	const char *mod;       /* about, over, under or NULL */
};

typedef void (*mention_fn)(void *ctx, const struct mention *m);

/* A byte range the scanner must leave alone (an entity found by an earlier stage). */
struct span {
	size_t start, end;
};

struct scanner {
	const struct tables *t;
	int bare;              /* also numerals without a measure word (--bare) */
	struct numparser P;
	struct numeral x, y;
	struct dec val, tmp;
	struct buf vbuf;
	struct buf ubuf;       /* the name of a composed unit (毫克/升, 个月) */
};

void scanner_init(struct scanner *S, const struct tables *t, int bare);
void scanner_free(struct scanner *S);
/* Report every mention of text[0..len) (valid UTF-8) in order; skip (sorted by start,
 * may be NULL) lists ranges that hold no numbers. */
void scan_text(struct scanner *S, const char *text, size_t len, const struct span *skip,
               size_t nskip, mention_fn fn, void *ctx);

#endif
