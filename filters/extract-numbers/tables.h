/* tables: every word list the scanner uses, loaded from the data files compiled into the
 * program (the data folder) plus the user's --exclude lists. */
#ifndef XN_TABLES_H
#define XN_TABLES_H
#include "lexicon.h"
#include "zh_numeral.h"

struct tables {
	struct numtab num;
	struct lexicon units, nonunits, currency, magnitudes, compounds;
	/* mods.tsv by position */
	struct lexicon pre, mid, post, range, frac, freq, also, half, name, event, clause, disc, det,
	               openq, closeq, motto, pct, share, header, rank, scale, money, tail;
	/* dates.tsv by role */
	struct lexicon datewords, daytime, dayafter, daybefore, spanbefore, spanafter;
	/* exclusions keyed by each numeral character inside them: the word is the phrase from
	 * that character on, field 0 the part before it */
	struct lexicon exclude;
	/* the unit reported for 元, which a currency named before the number replaces */
	const char *yuan;
};

void tables_load(struct tables *t);
/* Add a user's exclusion list (one phrase a line, '#' comments). Before tables_build. */
void tables_add_exclude(struct tables *t, const char *data, size_t len, const char *name);
void tables_build(struct tables *t);
void tables_free(struct tables *t);

#endif
