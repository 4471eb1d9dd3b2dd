/* emit: writing groups out, as results or as partial states, and the end of a run. */
#include <stdlib.h>
#include <string.h>
#include "agg.h"
#include "bag.h"
#include "cli.h"
#include "state.h"

/* The header, once: key names, then operation names ("@" marks partial states). */
static void start_output(struct agg *a)
{
	size_t ncols = a->nkeys + a->nops;
	int *right = xcalloc(ncols, sizeof *right);
	for (size_t i = 0; i < a->nops; i++)
		right[a->nkeys + i] = a->ops[i].op->number_out;
	print_init(a->out, ncols, right);
	free(right);
	buf_clear(&a->cell);
	for (size_t i = 0; i < ncols; i++) {
		if (a->partial && i >= a->nkeys)
			buf_addc(&a->cell, '@');
		buf_adds(&a->cell, a->names[i]);
		a->cell_end[i] = a->cell.n;
	}
	for (size_t i = 0; i < ncols; i++) {
		size_t start = i ? a->cell_end[i - 1] : 0;
		a->row[i].p = a->cell.p + start;
		a->row[i].n = a->cell_end[i] - start;
	}
	print_header(a->row);
	a->started = 1;
}

void agg_emit(struct agg *a, const char *key, size_t keylen, unsigned char *st)
{
	if (!a->started)
		start_output(a);
	buf_clear(&a->cell);
	for (size_t i = 0; i < a->nops; i++) {
		const struct opspec *s = &a->ops[i];
		if (a->partial)
			state_encode(s, st + s->off, &a->cell);
		else
			s->op->result(s, st + s->off, &a->cell);
		a->cell_end[i] = a->cell.n;
	}
	key_decode(key, keylen, a->nkeys, a->row);
	for (size_t i = 0; i < a->nops; i++) {
		size_t start = i ? a->cell_end[i - 1] : 0;
		a->row[a->nkeys + i].p = a->cell.p ? a->cell.p + start : (char *)"";
		a->row[a->nkeys + i].n = a->cell_end[i] - start;
	}
	print_row(a->row);
}

static void emit_hash(struct agg *a)
{
	if (!a->order_first)
		groups_sort(a->groups, a->nkeys);
	struct group **list = groups_list(a->groups);
	size_t n = groups_count(a->groups);
	for (size_t i = 0; i < n; i++) {
		/* in key order the groups are all over memory: fetch those a few rows ahead */
		if (i + 8 < n) {
			__builtin_prefetch(list[i + 8]);
			__builtin_prefetch((const char *)list[i + 8] + 64);
		}
		agg_emit(a, group_key(list[i]), list[i]->keylen, group_st(list[i]));
	}
}

void agg_finish(struct agg *a)
{
	if (!a->stop && !a->named) {
		if (a->merge)
			fatal(EXIT_DATA, "no partial to merge (every input was empty)");
		agg_names_from_specs(a);
	}
	if (!a->stop) {
		/* Without groups there is one result row, even over no rows (count 0); a partial
		 * of no rows has none, so that merging it changes nothing. */
		int one = a->nkeys == 0 && !a->partial;
		if (a->sorted && (a->have_cur || one))
			agg_emit(a, a->curkey.p, a->curkey.n, a->curst);
		if (!a->sorted && one && groups_count(a->groups) == 0)
			groups_get(a->groups, a->key.p, 0, hash_bytes("", 0));
		if (a->spill)
			agg_spill_finish(a);
		else if (!a->sorted)
			emit_hash(a);
		if (!a->started)
			start_output(a);
		print_end();
	}
	if (a->nbad) {
		warn("skipped %llu value%s that could not be used (the first at %s)", a->nbad,
		     a->nbad == 1 ? "" : "s", a->firstbad.p);
		cli_mark_bad();
	}
}

