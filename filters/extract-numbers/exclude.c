/* exclude: match the exclusion phrases around a numeral character. */
#include <string.h>
#include "exclude.h"

size_t exclude_end(const struct tables *t, const char *text, size_t len, size_t pos)
{
	const size_t *run;
	size_t cnt = lex_by_first(&t->exclude, lex_first_cp(text + pos, len - pos), &run);
	size_t best = 0;
	for (size_t i = 0; i < cnt; i++) {
		const struct lex_entry *e = &t->exclude.e[run[i]];
		size_t blen = strlen(e->f[0]);
		if (e->n > len - pos || blen > pos || memcmp(text + pos, e->s, e->n) != 0 ||
		    memcmp(text + pos - blen, e->f[0], blen) != 0)
			continue;
		if (pos + e->n > best)
			best = pos + e->n;
	}
	return best;
}
