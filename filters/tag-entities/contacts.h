/* contacts: PHONE, EMAIL and URL mentions. */
#ifndef TAGENT_CONTACTS_H
#define TAGENT_CONTACTS_H
#include "ctx.h"

void contacts_init(void);
void contacts_find(struct ctx *c, const struct lex *x);
void contacts_fini(void);

#endif
