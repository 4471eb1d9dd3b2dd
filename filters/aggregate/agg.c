/* agg: setting up a run's memory from what was asked, and releasing it. */
#include <stdlib.h>
#include <string.h>
#include "agg.h"
#include "cli.h"
#include "scan.h"
#include "state.h"

#define STATE_ALIGN 8   /* states hold 8-byte words at most (no long double) */

void agg_setup(struct agg *a)
{
	size_t off = 0;
	for (size_t i = 0; i < a->nops; i++) {
		struct opspec *s = &a->ops[i];
		s->off = off;
		s->mean_digits = a->mean_digits;
		s->alias = 0;
		/* Operations that keep the distinct values of one column (countunique:v median:v)
		 * keep one bag between them. Not with --skip-bad, where a non-number goes into
		 * countunique's bag but not median's; not in --merge, whose states come apart. */
		for (size_t j = 0; j < i && s->op->kind == ST_BAG && !a->skip_bad && !a->merge && s->colspec; j++) {
			const struct opspec *o = &a->ops[j];
			if (o->op->kind == ST_BAG && !o->alias && o->colspec && strcmp(o->colspec, s->colspec) == 0) {
				s->off = o->off;
				s->alias = 1;
				break;
			}
		}
		if (!s->alias)
			off += (state_size(s->op->kind) + STATE_ALIGN - 1) & ~(size_t)(STATE_ALIGN - 1);
	}
	a->state_bytes = off;
	if (a->sorted)
		a->curst = xcalloc(1, off ? off : 1);
	else
		a->groups = groups_new(off);
	size_t ncols = a->nkeys + a->nops;
	a->keycol = xcalloc(a->nkeys + 1, sizeof *a->keycol);
	a->keyf = xcalloc(a->nkeys + 1, sizeof *a->keyf);
	a->bkey = xcalloc(SCAN_BATCH, sizeof *a->bkey);
	a->bkoff = xcalloc(SCAN_BATCH, sizeof *a->bkoff);
	a->bhash = xcalloc(SCAN_BATCH, sizeof *a->bhash);
	a->bskip = xcalloc(SCAN_BATCH, sizeof *a->bskip);
	a->cell_end = xcalloc(ncols, sizeof *a->cell_end);
	a->row = xcalloc(ncols, sizeof *a->row);
	buf_reserve(&a->key, 1);   /* the key of no columns is "" at a real address */
}

void agg_free_states(struct agg *a, unsigned char *st)
{
	for (size_t i = 0; i < a->nops; i++)
		if (!a->ops[i].alias)
			state_free(a->ops[i].op->kind, st + a->ops[i].off);
}

static void fini_cb(unsigned char *st, void *ctx)
{
	agg_free_states(ctx, st);
}

/* Do the states of a run hold memory of their own? Counts never do; sums, means, mins and
 * maxes only once a value outgrew 64 bits somewhere (num_any_big); text and bags do. */
int agg_states_own_memory(const struct agg *a)
{
	for (size_t i = 0; i < a->nops; i++) {
		enum state_kind k = a->ops[i].op->kind;
		if (k == ST_FIRST || k == ST_LAST || k == ST_BAG ||
		    ((k == ST_SUM || k == ST_MEAN || k == ST_MIN || k == ST_MAX) && num_any_big()))
			return 1;
	}
	return 0;
}

void agg_free_groups(struct agg *a)
{
	/* freed at once, arenas and all, without a visit to each group when none owns memory */
	groups_free(a->groups, agg_states_own_memory(a) ? fini_cb : NULL, a);
	a->groups = NULL;
}

void agg_free(struct agg *a)
{
	agg_free_groups(a);
	if (a->curst) {
		agg_free_states(a, a->curst);
		free(a->curst);
	}
	for (size_t i = 0; a->names && i < a->nkeys + a->nops; i++)
		free(a->names[i]);
	free(a->names);
	for (size_t i = 0; i < a->nops; i++)
		opspec_free(&a->ops[i]);
	free(a->ops);
	for (size_t i = 0; i < a->nwhere; i++)
		where_free(&a->where[i]);
	free(a->where);
	if (a->keyspec && a->nkeys)
		free(a->keyspec[0]);   /* the copy of -g that the specs point into */
	free(a->keyspec);
	free(a->keycol);
	free(a->keyf);
	free(a->bkey);
	free(a->bkoff);
	free(a->bhash);
	free(a->bskip);
	free(a->cell_end);
	free(a->row);
	buf_free(&a->key);
	buf_free(&a->curkey);
	buf_free(&a->cell);
	buf_free(&a->firstbad);
	buf_free(&a->merge_header);
}
