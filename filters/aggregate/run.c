/* run: reading an input into groups, a batch of rows at a time. */
#include <stdlib.h>
#include <string.h>
#include "agg.h"
#include "bag.h"
#include "cli.h"
#include "meter.h"
#include "source.h"
#include "state.h"

/* With --sorted, the states of the current group, which is written out and emptied
 * when the key changes. */
static unsigned char *sorted_states(struct agg *a, const struct field *k)
{
	if (a->have_cur && a->curkey.n == k->n && memcmp(a->curkey.p, k->p, k->n) == 0)
		return a->curst;
	if (a->have_cur) {
		agg_emit(a, a->curkey.p, a->curkey.n, a->curst);
		agg_free_states(a, a->curst);
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
static const uint64_t *batch_keys(struct agg *a, struct row *rows, size_t n, const uint64_t *hashes)
{
	buf_clear(&a->key);
	for (size_t i = 0; i < n; i++) {
		a->bskip[i] = a->nwhere && !where_match(a->where, a->nwhere, &rows[i]);
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
	if (a->sorted || hashes)
		return hashes;   /* the reader hashed the one key column already */
	for (size_t i = 0; i < n; i++)
		a->bhash[i] = hash_bytes(a->bkey[i].p, a->bkey[i].n);
	return a->bhash;
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
	if (a->quiet) {   /* a half of a split file: it will be read again whole, and reported */
		a->stop = 1;
		return;
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
		/* an empty value is missing (SQL's NULL): only count without a column sees it */
		if (!f->n && s->col >= 0 && !a->empty_error)
			continue;
		/* the two most common states inline; the rest through state_add */
		if (s->op->kind == ST_COUNT) {
			struct st_count *c = (struct st_count *)(st + s->off);
			if (++c->n == 0)
				fatal(EXIT_SYS, "a count exceeds %llu", (unsigned long long)-1);
			continue;
		}
		if (s->alias) {   /* an earlier operation adds the value to the bag they share */
			struct fix x;
			bad = s->op->numeric && fix_parse(f->p, f->n, &x) < 0;
		} else if (s->op->kind == ST_SUM) {
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

#define AHEAD 24

void agg_add_batch(struct agg *a, const char *file, struct row *rows, size_t n, const uint64_t *hashes)
{
	const uint64_t *h = batch_keys(a, rows, n, hashes);
	for (size_t i = 0; i < n && !a->stop; i++) {
		unsigned char *st;
		if (a->sorted) {
			if (a->bskip[i])
				continue;
			st = sorted_states(a, &a->bkey[i]);
		} else {
			if (i + 2 * AHEAD < n)
				groups_prefetch_slot(a->groups, h[i + 2 * AHEAD]);
			if (i + AHEAD < n)
				groups_prefetch_group(a->groups, h[i + AHEAD]);
			if (a->bskip[i])
				continue;
			st = group_st(groups_get(a->groups, a->bkey[i].p, a->bkey[i].n, h[i]));
		}
		if (a->merge)
			merge_row(a, file, &rows[i], st);
		else
			add_row(a, file, &rows[i], st);
	}
}

const char *agg_hash_spec(const struct agg *a)
{
	return a->sorted || a->nkeys != 1 ? NULL : a->merge ? "1" : a->keyspec[0];
}

int agg_file(struct agg *a, const char *path)
{
	int r = agg_file_split(a, path);
	if (r <= 0)
		return r;
	struct source src;
	/* --sorted keeps its memory below GNU datamash's: small slabs, no reader thread */
	size_t slab = a->sorted ? 32 * 1024 : 256 * 1024;
	int flags = (!a->sorted && a->threads > 1 && r != 2 ? SCAN_THREAD : 0) | (a->no_header ? SCAN_NO_HEADER : 0);
	if (source_open(&src, path, a->merge ? TBL_TSV : a->in, slab, flags, agg_hash_spec(a)) < 0)
		return -1;
	const struct row *h = source_header(&src);
	/* CSV without a header has none to read: its columns are numbers */
	int cols = h || (a->no_header && a->in == TBL_CSV);
	int ok = !cols || (a->merge ? agg_partial_header(a, &src, h) : agg_columns(a, &src, h)) == 0;
	struct row *rows;
	size_t n;
	while (ok && !a->stop && (n = source_batch(&src, &rows)) > 0) {
		agg_add_batch(a, source_name(&src), rows, n, source_hashes(&src));
		meter_tick(a->bytes_done + source_bytes(&src));
		if (a->mem_limit && !a->sorted && agg_over_memory(a))
			agg_spill(a);
	}
	a->bytes_done += source_bytes(&src);
	source_close(&src);
	return ok ? 0 : -1;
}

