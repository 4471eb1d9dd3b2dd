/* html: an HTML document read as the text a browser shows, then segmented like any text.
 * libxml2's HTML parser finds the structure; block elements become paragraph breaks, <br>
 * a line break, script, style, navigation, header and footer are dropped, entities are
 * decoded and white space collapses as CSS says. Every character of that text keeps the
 * source byte offset it came from, so segment rows point into the original HTML. The
 * document streams through libxml2's push parser: memory is bounded by the parser's own
 * needs (a text node or a tag is held whole), not by the document. */
#ifndef SEGMENT_HTML_H
#define SEGMENT_HTML_H
#include "document.h"
#include "reader.h"
#include "textmap.h"

enum html_mode { HTML_AUTO, HTML_ON, HTML_OFF };

/* Segment the document r reads: as HTML when mode says so or, under HTML_AUTO, when its
 * text starts with <!DOCTYPE or <html; as text otherwise. Returns what doc_run returns. */
int html_run(struct reader *r, const char *doc, const struct doc_opts *o, enum html_mode mode);

/* Turn the offsets of a line read from an extracted text into source offsets: m maps the
 * line to positions in that text, pre maps the text to the source (the reader's hook).
 * Lines come in order, so what pre holds before the line is dropped. */
void html_remap(struct tmap *m, struct tmap *pre);

#endif
