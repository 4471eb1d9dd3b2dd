/* where: row filters of the form COL=VALUE and COL!=VALUE, all of which must hold. */
#ifndef AGG_WHERE_H
#define AGG_WHERE_H
#include <stddef.h>
#include "table.h"

struct where {
	char *colspec;
	const char *value;   /* points into colspec's allocation */
	size_t vn;
	int negate;
	int col;             /* in the current input */
};

/* Parse "COL=VALUE" or "COL!=VALUE"; -1 when there is no '='. */
int where_parse(struct where *w, const char *arg);
int where_match(const struct where *w, size_t n, const struct row *r);
void where_free(struct where *w);

#endif
