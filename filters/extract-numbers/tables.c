/* tables: load the embedded data files into word lists. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "tables.h"
#include "utf8.h"

#define DATA(x) extern const char data_##x[]; extern const unsigned long data_##x##_len;
DATA(numerals_tsv)
DATA(units_tsv)
DATA(nonunits_txt)
DATA(currency_tsv)
DATA(magnitudes_tsv)
DATA(compounds_tsv)
DATA(mods_tsv)
DATA(dates_tsv)
DATA(exclude_txt)

struct route {
	struct tables *t;
	int dates;   /* routing dates.tsv (by role) rather than mods.tsv (by position) */
};

static struct lexicon *pick(struct tables *t, int dates, const char *key)
{
	static const char *const mod_pos[] = { "pre", "mid", "post", "range", "frac", "freq",
	                                       "and", "half", "name", "event", "clause", "disc", "det", "openq",
	                                       "closeq", "motto", "pct", "share", "header", "rank", "scale", "money",
	                                       "tail" };
	static const char *const date_role[] = { "daytime", "dayafter", "daybefore", "spanbefore",
	                                         "spanafter" };
	struct lexicon *mods[] = { &t->pre, &t->mid, &t->post, &t->range, &t->frac, &t->freq,
	                           &t->also, &t->half, &t->name, &t->event, &t->clause, &t->disc,
	                           &t->det, &t->openq, &t->closeq, &t->motto, &t->pct, &t->share, &t->header, &t->rank,
	                           &t->scale, &t->money, &t->tail };
	struct lexicon *roles[] = { &t->daytime, &t->dayafter, &t->daybefore, &t->spanbefore,
	                            &t->spanafter };
	if (!dates) {
		for (size_t i = 0; i < sizeof mod_pos / sizeof *mod_pos; i++)
			if (strcmp(key, mod_pos[i]) == 0)
				return mods[i];
		return NULL;
	}
	for (size_t i = 0; i < sizeof date_role / sizeof *date_role; i++)
		if (strcmp(key, date_role[i]) == 0)
			return roles[i];
	return &t->datewords;
}

static void route_line(void *ctx, char **f, size_t nf, const char *name, unsigned long line)
{
	struct route *r = ctx;
	struct lexicon *L = nf > 1 ? pick(r->t, r->dates, f[1]) : NULL;
	if (!L || !f[0][0]) {
		warn_at(name, line, "unknown position or role, line ignored");
		return;
	}
	lex_add(L, f[0], r->dates ? f + 1 : f + 2, r->dates ? nf - 1 : nf - 2, line);
}

/* One exclusion phrase: an entry for each numeral character in it. */
static void exclude_line(void *ctx, char **f, size_t nf, const char *name, unsigned long line)
{
	struct tables *t = ctx;
	(void)nf;
	const char *s = f[0];
	size_t n = strlen(s);
	if (u8_valid_prefix(s, n) != n) {
		warn_at(name, line, "invalid UTF-8, line ignored");
		return;
	}
	int keys = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		size_t l = u8_decode(s + i, n - i, &cp);
		if (numtab_starts(&t->num, cp)) {
			char *before = xmalloc(i + 1);
			memcpy(before, s, i);
			before[i] = '\0';
			lex_add(&t->exclude, s + i, &before, 1, line);
			free(before);
			keys++;
		}
		i += l;
	}
	if (!keys)
		warn_at(name, line, "no numeral in \"%s\", line ignored", s);
}

void tables_add_exclude(struct tables *t, const char *data, size_t len, const char *name)
{
	lex_each_line(data, len, name, 1, exclude_line, t);
}

void tables_load(struct tables *t)
{
	memset(t, 0, sizeof *t);
	numtab_load(&t->num, data_numerals_tsv, data_numerals_tsv_len, "numerals.tsv");
	lex_load(&t->units, data_units_tsv, data_units_tsv_len, "units.tsv");
	lex_load(&t->nonunits, data_nonunits_txt, data_nonunits_txt_len, "nonunits.txt");
	lex_load(&t->currency, data_currency_tsv, data_currency_tsv_len, "currency.tsv");
	lex_load(&t->magnitudes, data_magnitudes_tsv, data_magnitudes_tsv_len, "magnitudes.tsv");
	lex_load(&t->compounds, data_compounds_tsv, data_compounds_tsv_len, "compounds.tsv");
	struct route r = { t, 0 };
	lex_each_line(data_mods_tsv, data_mods_tsv_len, "mods.tsv", 4, route_line, &r);
	r.dates = 1;
	lex_each_line(data_dates_tsv, data_dates_tsv_len, "dates.tsv", 2, route_line, &r);
	tables_add_exclude(t, data_exclude_txt, data_exclude_txt_len, "exclude.txt");
}

static struct lexicon *all(struct tables *t, size_t i)
{
	struct lexicon *l[] = { &t->units, &t->nonunits, &t->currency, &t->magnitudes,
	                        &t->compounds, &t->pre,
	                        &t->mid, &t->post, &t->range, &t->frac, &t->freq, &t->also, &t->half, &t->name, &t->event, &t->clause, &t->disc, &t->det,
	                        &t->openq, &t->closeq, &t->motto, &t->pct, &t->share, &t->header, &t->rank,
	                        &t->scale, &t->money, &t->tail, &t->datewords,
	                        &t->daytime, &t->dayafter, &t->daybefore, &t->spanbefore,
	                        &t->spanafter, &t->exclude };
	return i < sizeof l / sizeof *l ? l[i] : NULL;
}

void tables_build(struct tables *t)
{
	struct lexicon *L;
	for (size_t i = 0; (L = all(t, i)); i++)
		lex_build(L);
	/* the first money unit of units.tsv is the yuan */
	t->yuan = NULL;
	for (size_t i = 0; i < t->units.n && !t->yuan; i++)
		if (strcmp(t->units.e[i].f[0], "money") == 0)
			t->yuan = t->units.e[i].f[1][0] ? t->units.e[i].f[1] : t->units.e[i].s;
}

void tables_free(struct tables *t)
{
	struct lexicon *L;
	for (size_t i = 0; (L = all(t, i)); i++)
		lex_free(L);
	numtab_free(&t->num);
}
