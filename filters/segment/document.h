/* document: one document from its lines to its segments. Each line gets a type from its
 * own features and from its neighbours (blank lines around it, the line after it); body
 * lines cut by the page layout are glued to the line that continues them; body paragraphs
 * are split into sentences, every other kind of line is one segment. */
#ifndef SEGMENT_DOCUMENT_H
#define SEGMENT_DOCUMENT_H
#include <stddef.h>
#include "reader.h"
#include "utf8.h"

struct doc_opts {
	size_t max_cp;       /* longest segment, in code points */
	enum u8_form form;   /* normal form of the text column */
};

/* Write the rows of the document r reads, under the id doc. Returns 0, or -1 when the
 * document could not be read to its end (already reported). */
int doc_run(struct reader *r, const char *doc, const struct doc_opts *o);

#endif
