/* run: reading inputs into groups and writing the groups out. */
#include <stdlib.h>
#include <string.h>
#include "bag.h"
#include "cli.h"
#include "out.h"
#include "run.h"
#include "source.h"
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
	a->bkey = xcalloc(SCAN_BATCH, sizeof *a->bkey);
	a->bkoff = xcalloc(SCAN_BATCH, sizeof *a->bkoff);
	a->bhash = xcalloc(SCAN_BATCH, sizeof *a->bhash);
	a->bskip = xcalloc(SCAN_BATCH, sizeof *a->bskip);
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

/* With --sorted, the states of the current group, which is written out and emptied
 * when the key changes. */
static unsigned char *sorted_states(struct agg *a, const struct field *k)
{
	if (a->have_cur && a->curkey.n == k->n && memcmp(a->curkey.p, k->p, k->n) == 0)
		return a->curst;
	if (a->have_cur) {
		emit(a, a->curkey.p, a->curkey.n, a->curst);
		free_states(a, a->curst);
	}
	buf_clear(&a->curkey);
	buf_add(&a->curkey, k->p, k->n);
	a->have_cur = 1;
	return a->curst;
}

static const struct field *field_at(const struct row *r, int col)
{
	static const struct field none = { (char *)"", 0 };
	return col >= 0 && (size_t)col < r->nf ? &r->f[col] : &none;
}

/* Keys and hashes of a batch, worked out before any group is touched, so that the groups
 * of rows ahead can be on their way from memory while a row is added. A key of one field
 * is the field itself; keys of several are encoded one after another into a->key. */
static void batch_keys(struct agg *a, struct row *rows, size_t n, const uint64_t *hashes)
{
	buf_clear(&a->key);
	for (size_t i = 0; i < n; i++) {
		a->bskip[i] = !a->merge && !where_match(a->where, a->nwhere, &rows[i]);
		if (a->nkeys == 1) {
			a->bkey[i] = *field_at(&rows[i], a->keycol[0]);
			continue;
		}
		size_t start = a->key.n;
		for (size_t k = 0; k < a->nkeys; k++)
			a->keyf[k] = *field_at(&rows[i], a->keycol[k]);
		key_append(&a->key, a->keyf, a->nkeys);
		a->bkey[i].p = NULL;
		a->bkey[i].n = a->key.n - start;
		a->bkoff[i] = start;
	}
	if (a->nkeys != 1)
		for (size_t i = 0; i < n; i++)
			a->bkey[i].p = a->key.p + a->bkoff[i];
	if (!a->sorted && hashes)
		memcpy(a->bhash, hashes, n * sizeof *hashes);
	else if (!a->sorted)
		for (size_t i = 0; i < n; i++)
			a->bhash[i] = hash_bytes(a->bkey[i].p, a->bkey[i].n);
}

/* A value an operation cannot take: stop, or with --skip-bad count it and go on. */
static void bad_value(struct agg *a, const char *file, const struct row *r, const char *what,
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
		warn_at(file, r->line, "%s", m.p);
		a->stop = 1;
	} else if (a->nbad++ == 0) {
		buf_addf(&a->firstbad, "%s:%llu: %s", file, r->line, m.p);
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

static void add_row(struct agg *a, const char *file, const struct row *r, unsigned char *st)
{
	for (size_t i = 0; i < a->nops; i++) {
		const struct opspec *s = &a->ops[i];
		const struct field *f = field_at(r, s->col);
		int bad;
		/* the two most common states inline; the rest through state_add */
		if (s->op->kind == ST_COUNT) {
			struct st_count *c = (struct st_count *)(st + s->off);
			if (++c->n == 0)
				fatal(EXIT_SYS, "a count exceeds %llu", (unsigned long long)-1);
			continue;
		}
		if (s->op->kind == ST_SUM) {
			struct st_sum *m = (struct st_sum *)(st + s->off);
			bad = sum_add_text(&m->s, f->p, f->n) < 0;
			m->n += !bad;
		} else {
			bad = state_add(s, st + s->off, f->p, f->n) < 0;
		}
		if (bad && !seen_bad(a, i)) {
			bad_value(a, file, r, "a number", s, f);
			if (a->stop)
				return;
		}
	}
}

static void merge_row(struct agg *a, const char *file, const struct row *r, unsigned char *st)
{
	for (size_t i = 0; i < a->nops; i++) {
		const struct opspec *s = &a->ops[i];
		const struct field *f = field_at(r, (int)(a->nkeys + i));
		if (state_merge(s, st + s->off, f->p, f->n) < 0) {
			bad_value(a, file, r, "a partial state of this operation", s, f);
			if (a->stop)
				return;
		}
	}
}

#define AHEAD 16

static void add_batch(struct agg *a, const char *file, struct row *rows, size_t n, const uint64_t *hashes)
{
	batch_keys(a, rows, n, hashes);
	for (size_t i = 0; i < n && !a->stop; i++) {
		unsigned char *st;
		if (a->sorted) {
			if (a->bskip[i])
				continue;
			st = sorted_states(a, &a->bkey[i]);
		} else {
			if (i + 2 * AHEAD < n)
				groups_prefetch_slot(a->groups, a->bhash[i + 2 * AHEAD]);
			if (i + AHEAD < n)
				groups_prefetch_group(a->groups, a->bhash[i + AHEAD]);
			if (a->bskip[i])
				continue;
			st = groups_get(a->groups, a->bkey[i].p, a->bkey[i].n, a->bhash[i])->st;
		}
		if (a->merge)
			merge_row(a, file, &rows[i], st);
		else
			add_row(a, file, &rows[i], st);
	}
}

static int find_col(struct source *src, const char *spec, int *col)
{
	*col = source_col(src, spec);
	if (*col >= 0)
		return 0;
	warn_at(source_name(src), 1, "no column '%s' in the header", spec);
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

static int resolve_columns(struct agg *a, struct source *t, const struct row *h)
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
static int read_partial_header(struct agg *a, struct source *t, const struct row *h)
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

int agg_file(struct agg *a, const char *path)
{
	struct source src;
	/* --sorted keeps its memory below GNU datamash's: small slabs, no reader thread */
	size_t slab = a->sorted ? 64 * 1024 : 256 * 1024;
	const char *hash_spec = a->sorted || a->nkeys != 1 ? NULL : a->merge ? "1" : a->keyspec[0];
	if (source_open(&src, path, a->merge ? TBL_TSV : a->in, slab, !a->sorted, hash_spec) < 0)
		return -1;
	const struct row *h = source_header(&src);
	int ok = !h || (a->merge ? read_partial_header(a, &src, h) : resolve_columns(a, &src, h)) == 0;
	struct row *rows;
	size_t n;
	while (ok && !a->stop && (n = source_batch(&src, &rows)) > 0)
		add_batch(a, source_name(&src), rows, n, source_hashes(&src));
	source_close(&src);
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
