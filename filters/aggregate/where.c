/* where: simple row filters, tested before a row reaches any group. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "where.h"

int where_parse(struct where *w, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg)
		return -1;
	w->colspec = xstrdup(arg);
	w->negate = eq[-1] == '!' && eq - 1 > arg;
	size_t cn = (size_t)(eq - arg) - (size_t)w->negate;
	w->colspec[cn] = '\0';
	w->value = w->colspec + (eq - arg) + 1;
	w->vn = strlen(w->value);
	w->col = -1;
	return 0;
}

int where_match(const struct where *w, size_t n, const struct row *r)
{
	for (size_t i = 0; i < n; i++) {
		const struct field *f = (size_t)w[i].col < r->nf ? &r->f[w[i].col] : NULL;
		int eq = f ? f->n == w[i].vn && memcmp(f->p, w[i].value, f->n) == 0 : w[i].vn == 0;
		if (eq == w[i].negate)
			return 0;
	}
	return 1;
}

void where_free(struct where *w)
{
	free(w->colspec);
	w->colspec = NULL;
}
