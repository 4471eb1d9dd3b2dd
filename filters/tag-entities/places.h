/* places: LOC units from the gazetteer, the document's memory and place suffixes. */
#ifndef TAGENT_PLACES_H
#define TAGENT_PLACES_H
#include "ctx.h"

/* Dictionary units: the longest gazetteer or known name at each free position, left to
 * right, and, with use_mem, the names the document taught (docmem). */
void places_units(struct ctx *c, int use_mem);
/* Names before place suffixes (新营子镇, 中山西路, 内蒙古国际贸易大厦). */
void places_suffix(struct ctx *c);

#endif
