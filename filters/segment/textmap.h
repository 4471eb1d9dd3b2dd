/* textmap: where decoded text came from in the source. The text a stage works on is the
 * source after BOM removal, charset conversion and U+FFFD repair, and lines are glued
 * across layout breaks, so a byte position in the text is not a byte offset in the file.
 * An anchor says "text position d starts at source offset s"; between two anchors the
 * mapping is linear. Two anchors at the same d mark a seam (the end of one piece and the
 * start of the next), so a segment ending there ends where the first piece ends. */
#ifndef SEGMENT_TEXTMAP_H
#define SEGMENT_TEXTMAP_H
#include <stddef.h>

struct anchor {
	size_t d;                /* position in the decoded text */
	unsigned long long s;    /* byte offset in the source */
};

struct tmap {
	struct anchor *a;
	size_t n, cap;
};

#define TMAP_INIT { NULL, 0, 0 }

void tm_clear(struct tmap *m);
void tm_free(struct tmap *m);
void tm_add(struct tmap *m, size_t d, unsigned long long s);
/* Source offset where the text starting at position p begins. */
unsigned long long tm_start(const struct tmap *m, size_t p);
/* Source offset where the text ending at position p ends. */
unsigned long long tm_end(const struct tmap *m, size_t p);
/* Append to dst the mapping of src's text [from, to) placed at dst position base, closed
 * by an anchor at its end. */
void tm_copy(struct tmap *dst, const struct tmap *src, size_t from, size_t to, size_t base);
/* Forget everything before position from and renumber so that from becomes 0. */
void tm_rebase(struct tmap *m, size_t from);

#endif
