/* exclude: match the exclusion phrases around a numeral character. */
#include <string.h>
#include "exclude.h"

size_t exclude_end(const struct tables *t, const char *text, size_t len, size_t pos)
{
	const size_t *run;
	size_t cnt = lex_by_first(&t->exclude, lex_first_cp(text + pos, len - pos), &run);
	/* the run is sorted longest first, so the first phrase that matches ends furthest */
	for (size_t i = 0; i < cnt; i++) {
		const struct lex_entry *e = &t->exclude.e[run[i]];
		if (e->n > len - pos || memcmp(text + pos, e->s, e->n) != 0)
			continue;
		size_t blen = strlen(e->f[0]);
		if (blen <= pos && memcmp(text + pos - blen, e->f[0], blen) == 0)
			return pos + e->n;
	}
	return 0;
}
