/* entities: the recognisers run in order over one segment, and the rows they give. */
#ifndef TAGENT_ENTITIES_H
#define TAGENT_ENTITIES_H
#include <stddef.h>
#include "ctx.h"

struct ent_opts {
	int builtin;   /* use the compiled-in resources and rules */
};

void entities_init(const struct ent_opts *o);
/* Find the mentions of text[0..len) of document doc (names learnt in one segment are
 * remembered for the rest of the same document). The result stays in *c. */
void entities_find(struct ctx *c, const char *doc, const char *text, size_t len);
/* Visit the final mentions in a stable order. */
void entities_each(const struct ctx *c, void (*f)(void *arg, const struct mention *m), void *arg);
void entities_fini(void);

#endif
