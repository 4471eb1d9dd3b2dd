/* dates: DATE and TIME mentions with ISO 8601 values. */
#ifndef TAGENT_DATES_H
#define TAGENT_DATES_H
#include "ctx.h"

void dates_find(struct ctx *c);

#endif
