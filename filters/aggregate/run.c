/* run: reading inputs into groups and writing the groups out. */
#include <stdlib.h>
#include <string.h>
#include "bag.h"
#include "cli.h"
#include "out.h"
#include "run.h"
#include "state.h"

#define STATE_ALIGN 16

void agg_setup(struct agg *a)
{
	size_t off = 0;
	for (size_t i = 0; i < a->nops; i++) {
		a->ops[i].off = off;
		a->ops[i].mean_digits = a->mean_digits;
		off += (state_size(a->ops[i].op->kind) + STATE_ALIGN - 1) & ~(size_t)(STATE_ALIGN - 1);
	}
	a->state_bytes = off;
	if (a->sorted)
		a->curst = xcalloc(1, off ? off : 1);
	else
		a->groups = groups_new(off);
	size_t ncols = a->nkeys + a->nops;
	a->keycol = xcalloc(a->nkeys + 1, sizeof *a->keycol);
	a->keyf = xcalloc(a->nkeys + 1, sizeof *a->keyf);
	a->cell_end = xcalloc(ncols, sizeof *a->cell_end);
	a->row = xcalloc(ncols, sizeof *a->row);
	buf_reserve(&a->key, 1);   /* the key of no columns is "" at a real address */
}

static void free_states(struct agg *a, unsigned char *st)
{
	for (size_t i = 0; i < a->nops; i++)
		state_free(a->ops[i].op->kind, st + a->ops[i].off);
}

static void fini_cb(unsigned char *st, void *ctx)
{
	free_states(ctx, st);
}

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
	print_row(a->row);
	a->started = 1;
}

static void emit(struct agg *a, const char *key, size_t keylen, unsigned char *st)
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

/* The states of the group of key: found or added in the hash table, or with --sorted
 * the current group, which is written out and emptied when the key changes. */
static unsigned char *group_states(struct agg *a, const char *key, size_t n)
{
	if (!a->sorted)
		return groups_get(a->groups, key, n, hash_bytes(key, n))->st;
	if (a->have_cur && a->curkey.n == n && memcmp(a->curkey.p, key, n) == 0)
		return a->curst;
	if (a->have_cur) {
		emit(a, a->curkey.p, a->curkey.n, a->curst);
		free_states(a, a->curst);
	}
	buf_clear(&a->curkey);
	buf_add(&a->curkey, key, n);
	a->have_cur = 1;
	return a->curst;
}

static const struct field *field_at(const struct row *r, int col)
{
	static const struct field none = { (char *)"", 0 };
	return col >= 0 && (size_t)col < r->nf ? &r->f[col] : &none;
}

/* The key of a row: its one key field as is, or the fields encoded into a->key. */
static struct field row_key(struct agg *a, const struct row *r)
{
	if (a->nkeys == 1)
		return *field_at(r, a->keycol[0]);
	for (size_t i = 0; i < a->nkeys; i++)
		a->keyf[i] = *field_at(r, a->keycol[i]);
	key_encode(&a->key, a->keyf, a->nkeys);
	return (struct field){ a->key.p, a->key.n };
}

/* A value an operation cannot take: stop, or with --skip-bad count it and go on. */
static void bad_value(struct agg *a, struct table *t, const struct row *r, const char *what,
                      const struct opspec *s, const struct field *f)
{
	size_t show = f->n;
	if (show > 60) {
		show = 60;
		while (show && ((unsigned char)f->p[show] & 0xC0) == 0x80)
			show--;
	}
	struct buf m = BUF_INIT;
	if (a->merge)
		buf_addf(&m, "column '@%s'", s->name);
	else
		buf_addf(&m, "%s: field %d", s->name, s->col + 1);
	buf_addf(&m, ": '%.*s%s' is not %s", (int)show, f->p, show < f->n ? "..." : "", what);
	if (!a->skip_bad) {
		warn_at(tbl_name(t), r->line, "%s", m.p);
		a->stop = 1;
	} else if (a->nbad++ == 0) {
		buf_addf(&a->firstbad, "%s:%llu: %s", tbl_name(t), r->line, m.p);
	}
	buf_free(&m);
}

/* Was the field of operation i already found bad in this row (sum:v mean:v)? Then it is
 * one skipped value, not two. */
static int seen_bad(const struct agg *a, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (a->ops[j].col == a->ops[i].col && a->ops[j].op->numeric)
			return a->ops[j].col >= 0;
	return 0;
}

static void add_row(struct agg *a, struct table *t, const struct row *r)
{
	if (!where_match(a->where, a->nwhere, r))
		return;
	struct field k = row_key(a, r);
	unsigned char *st = group_states(a, k.p, k.n);
	for (size_t i = 0; i < a->nops; i++) {
		const struct opspec *s = &a->ops[i];
		const struct field *f = field_at(r, s->col);
		if (state_add(s, st + s->off, f->p, f->n) < 0 && !seen_bad(a, i)) {
			bad_value(a, t, r, "a number", s, f);
			if (a->stop)
				return;
		}
	}
}

static void merge_row(struct agg *a, struct table *t, const struct row *r)
{
	struct field k = row_key(a, r);
	unsigned char *st = group_states(a, k.p, k.n);
	for (size_t i = 0; i < a->nops; i++) {
		const struct opspec *s = &a->ops[i];
		const struct field *f = field_at(r, (int)(a->nkeys + i));
		if (state_merge(s, st + s->off, f->p, f->n) < 0) {
			bad_value(a, t, r, "a partial state of this operation", s, f);
			if (a->stop)
				return;
		}
	}
}

static int find_col(struct table *t, const char *spec, int *col)
{
	*col = tbl_col(t, spec);
	if (*col >= 0)
		return 0;
	warn_at(tbl_name(t), 1, "no column '%s' in the header", spec);
	return -1;
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

static int resolve_columns(struct agg *a, struct table *t, const struct row *h)
{
	int bad = 0;
	for (size_t i = 0; i < a->nkeys; i++)
		bad |= find_col(t, a->keyspec[i], &a->keycol[i]);
	for (size_t i = 0; i < a->nops; i++)
		if (a->ops[i].colspec)
			bad |= find_col(t, a->ops[i].colspec, &a->ops[i].col);
	for (size_t i = 0; i < a->nwhere; i++)
		bad |= find_col(t, a->where[i].colspec, &a->where[i].col);
	if (bad)
		return -1;
	if (!a->named)
		name_columns(a, h);
	return 0;
}

/* The header of a partial: key names, then "@" and an operation per state column. */
static int read_partial_header(struct agg *a, struct table *t, const struct row *h)
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
			warn_at(tbl_name(t), 1, "not the same partial header as the first input's");
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
			      tbl_name(t), err.n ? err.p : "a key column after the states");
		}
	}
	buf_free(&err);
	if (!a->nops)
		fatal(EXIT_DATA, "%s:1: not a partial written by aggregate --partial: no '@' state column",
		      tbl_name(t));
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

int agg_file(struct agg *a, const char *path)
{
	struct table *t = tbl_open(path, a->merge ? TBL_TSV : a->in, 1);
	if (!t)
		return -1;
	const struct row *h = tbl_header(t);
	int ok = !h || (a->merge ? read_partial_header(a, t, h) : resolve_columns(a, t, h)) == 0;
	struct row *r;
	while (ok && !a->stop && tbl_next(t, &r) == 1) {
		if (a->merge)
			merge_row(a, t, r);
		else
			add_row(a, t, r);
	}
	tbl_close(t);
	return ok ? 0 : -1;
}

static void emit_hash(struct agg *a)
{
	if (!a->order_first)
		groups_sort(a->groups, a->nkeys);
	struct group **list = groups_list(a->groups);
	for (size_t i = 0; i < groups_count(a->groups); i++)
		emit(a, list[i]->key, list[i]->keylen, list[i]->st);
}

/* Output names when no input had a header: the columns as given. */
static void name_from_specs(struct agg *a)
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

void agg_finish(struct agg *a)
{
	if (!a->stop && !a->named) {
		if (a->merge)
			fatal(EXIT_DATA, "no partial to merge (every input was empty)");
		name_from_specs(a);
	}
	if (!a->stop) {
		/* Without groups there is one result row, even over no rows (count 0); a partial
		 * of no rows has none, so that merging it changes nothing. */
		int one = a->nkeys == 0 && !a->partial;
		if (a->sorted && (a->have_cur || one))
			emit(a, a->curkey.p, a->curkey.n, a->curst);
		if (!a->sorted && one && groups_count(a->groups) == 0)
			groups_get(a->groups, a->key.p, 0, hash_bytes("", 0));
		if (!a->sorted)
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

void agg_free(struct agg *a)
{
	groups_free(a->groups, fini_cb, a);
	if (a->curst) {
		free_states(a, a->curst);
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
	free(a->cell_end);
	free(a->row);
	buf_free(&a->key);
	buf_free(&a->curkey);
	buf_free(&a->cell);
	buf_free(&a->firstbad);
	buf_free(&a->merge_header);
}
