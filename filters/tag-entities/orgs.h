/* orgs: ORG mentions built from a head (a chain of places or a known organisation), a few
 * describing characters and an organisation suffix. */
#ifndef TAGENT_ORGS_H
#define TAGENT_ORGS_H
#include "ctx.h"

void orgs_find(struct ctx *c);

#endif
