/* entities: the recognisers run in order over one segment, and the rows they give. */
#ifndef TAGENT_ENTITIES_H
#define TAGENT_ENTITIES_H
#include <stddef.h>
#include "ctx.h"

struct model;

struct ent_opts {
	int builtin;                /* use the compiled-in resources and rules */
	const struct model *model;  /* the sequence model for PER/LOC/ORG, or NULL (rules only) */
	int flat;                   /* outermost PER/LOC/ORG only (no place inside a name, no
	                               split chain of units): the training data's convention */
};

void entities_init(const struct ent_opts *o);
/* A mention found: code points [s, e) of the whole text, its type and value (vlen bytes,
 * not NUL-terminated; NULL when none). Valid during the call only. */
typedef void ent_emit(void *arg, size_t s, size_t e, int type, const char *v, size_t vlen);

/* Find the mentions of text[0..len) of document doc and hand each to emit (names learnt
 * in one segment are remembered for the rest of the same document). A text longer than
 * a window is read window by window, each ending at punctuation where it can, so memory
 * stays bounded whatever the length of a line. c holds the working buffers. */
void entities_find(struct ctx *c, const char *doc, const char *text, size_t len,
                   ent_emit *emit, void *arg);
/* The next text is a credit line (segment type byline): its short words are names. */
void entities_byline(int on);
/* Window size in bytes (tests make it small). */
void entities_set_window(size_t bytes);
void entities_fini(void);

#endif
