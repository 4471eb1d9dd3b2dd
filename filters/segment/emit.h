/* emit: the seg rows of the stream, one per segment. */
#ifndef SEGMENT_EMIT_H
#define SEGMENT_EMIT_H
#include <stddef.h>
#include "utf8.h"

struct emitter {
	const char *doc;
	unsigned long long seg;     /* rows written for this document */
	unsigned long long para;    /* paragraph number, the value column */
	const char *type;
	enum u8_form form;
};

/* Write one row for text p[0..n) at source bytes [start, end). */
void emit_row(struct emitter *e, const char *p, size_t n,
              unsigned long long start, unsigned long long end);

#endif
