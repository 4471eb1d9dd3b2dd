/* columns: the columns of each input (keys, operations, filters) found in its header,
 * the output column names, and the header of a partial read back for --merge. */
#include <stdlib.h>
#include <string.h>
#include "agg.h"
#include "cli.h"
#include "source.h"

/* A column named by a name the header holds twice is refused: taking the first silently
 * would sum the wrong one. Naming it by number still works. */
static int find_col(struct source *src, const struct row *h, const char *spec, int *col)
{
	*col = source_col(src, spec);
	if (*col < 0) {
		warn_at(source_name(src), 1, "no column '%s' in the header", spec);
		return -1;
	}
	size_t len = strlen(spec);
	if (!h || (size_t)*col >= h->nf || h->f[*col].n != len || memcmp(h->f[*col].p, spec, len))
		return 0;
	for (size_t i = (size_t)*col + 1; i < h->nf; i++)
		if (h->f[i].n == len && memcmp(h->f[i].p, spec, len) == 0) {
			warn_at(source_name(src), 1, "column '%s' is in the header twice (columns %d and %zu): "
			        "name it by number", spec, *col + 1, i + 1);
			return -1;
		}
	return 0;
}

static char *field_dup(const struct field *f)
{
	char *s = xmalloc(f->n + 1);
	memcpy(s, f->p, f->n);
	s[f->n] = '\0';
	return s;
}

/* Column names of the output, from the first input that has a header. */
static void name_columns(struct agg *a, const struct row *h)
{
	a->names = xcalloc(a->nkeys + a->nops, sizeof *a->names);
	for (size_t i = 0; i < a->nkeys; i++)
		a->names[i] = field_dup(&h->f[a->keycol[i]]);
	for (size_t i = 0; i < a->nops; i++) {
		struct opspec *s = &a->ops[i];
		if (s->col >= 0)
			opspec_name(s, h->f[s->col].p, h->f[s->col].n);
		else
			opspec_name(s, "", 0);
		a->names[a->nkeys + i] = xstrdup(s->name);
	}
	a->named = 1;
}

int agg_columns(struct agg *a, struct source *t, const struct row *h)
{
	const struct row *hdr = a->no_header ? NULL : h;
	int bad = 0;
	for (size_t i = 0; i < a->nkeys; i++)
		bad |= find_col(t, hdr, a->keyspec[i], &a->keycol[i]);
	for (size_t i = 0; i < a->nops; i++)
		if (a->ops[i].colspec)
			bad |= find_col(t, hdr, a->ops[i].colspec, &a->ops[i].col);
	for (size_t i = 0; i < a->nwhere; i++)
		bad |= find_col(t, hdr, a->where[i].colspec, &a->where[i].col);
	if (bad)
		return -1;
	if (!a->named && a->no_header)
		agg_names_from_specs(a);
	else if (!a->named)
		name_columns(a, h);
	return 0;
}

/* The header of a partial: key names, then "@" and an operation per state column. */
int agg_partial_header(struct agg *a, struct source *t, const struct row *h)
{
	struct buf hb = BUF_INIT;
	for (size_t i = 0; i < h->nf; i++) {
		buf_add(&hb, h->f[i].p, h->f[i].n);
		buf_addc(&hb, '\t');
	}
	if (a->named) {
		int same = hb.n == a->merge_header.n && memcmp(hb.p, a->merge_header.p, hb.n) == 0;
		buf_free(&hb);
		if (!same)
			warn_at(source_name(t), 1, "not the same partial header as the first input's");
		return same ? 0 : -1;
	}
	a->merge_header = hb;
	size_t nk = 0;
	while (nk < h->nf && !(h->f[nk].n && h->f[nk].p[0] == '@'))
		nk++;
	a->nkeys = nk;
	a->nops = h->nf - nk;
	a->ops = xcalloc(a->nops ? a->nops : 1, sizeof *a->ops);
	struct buf err = BUF_INIT;
	for (size_t i = 0; i < a->nops; i++) {
		const struct field *f = &h->f[nk + i];
		if (!f->n || f->p[0] != '@' || opspec_from_name(&a->ops[i], f->p + 1, f->n - 1, &err) < 0) {
			fatal(EXIT_DATA, "%s:1: not a partial written by aggregate --partial: %s",
			      source_name(t), err.n ? err.p : "a key column after the states");
		}
	}
	buf_free(&err);
	if (!a->nops)
		fatal(EXIT_DATA, "%s:1: not a partial written by aggregate --partial: no '@' state column",
		      source_name(t));
	agg_setup(a);
	for (size_t i = 0; i < nk; i++)
		a->keycol[i] = (int)i;
	a->names = xcalloc(nk + a->nops, sizeof *a->names);
	for (size_t i = 0; i < nk; i++)
		a->names[i] = field_dup(&h->f[i]);
	for (size_t i = 0; i < a->nops; i++)
		a->names[nk + i] = xstrdup(a->ops[i].name);
	a->named = 1;
	return 0;
}

/* Output names when no input had a header: the columns as given. */
void agg_names_from_specs(struct agg *a)
{
	a->names = xcalloc(a->nkeys + a->nops, sizeof *a->names);
	for (size_t i = 0; i < a->nkeys; i++)
		a->names[i] = xstrdup(a->keyspec[i]);
	for (size_t i = 0; i < a->nops; i++) {
		struct opspec *s = &a->ops[i];
		opspec_name(s, s->colspec ? s->colspec : "", s->colspec ? strlen(s->colspec) : 0);
		a->names[a->nkeys + i] = xstrdup(s->name);
	}
	a->named = 1;
}

