/* ops: the operation table and the result of each operation. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "ops.h"
#include "state.h"

static void r_count(const struct opspec *s, const void *st, struct buf *out)
{
	(void)s;
	ull_format(((const struct st_count *)st)->n, out);
}

static void r_sum(const struct opspec *s, const void *st, struct buf *out)
{
	(void)s;
	sum_format(&((const struct st_sum *)st)->s, out);
}

static void r_mean(const struct opspec *s, const void *st, struct buf *out)
{
	const struct st_sum *m = st;
	if (!m->n)
		return;   /* no value: empty, as min and max */
	struct dec sum = DEC_INIT, n = DEC_INIT, q = DEC_INIT;
	sum_value(&m->s, &sum);
	dec_set_ull(&n, m->n);
	dec_div(&q, &sum, &n, s->mean_digits);
	dec_format(&q, out);
	dec_free(&sum);
	dec_free(&n);
	dec_free(&q);
}

static void r_ext(const struct opspec *s, const void *st, struct buf *out)
{
	const struct st_ext *x = st;
	(void)s;
	if (!x->v.has)
		return;
	struct dec d = DEC_INIT;
	numval_value(&x->v, &d);
	dec_format(&d, out);
	dec_free(&d);
}

static void r_text(const struct opspec *s, const void *st, struct buf *out)
{
	const struct st_text *t = st;
	(void)s;
	buf_add(out, t->b.p, t->b.n);
}

static void r_countunique(const struct opspec *s, const void *st, struct buf *out)
{
	(void)s;
	buf_addf(out, "%zu", ((const struct st_bag *)st)->b.n);
}

static void r_unique(const struct opspec *s, const void *st, struct buf *out)
{
	const struct bag *b = &((const struct st_bag *)st)->b;
	struct bent *v = bag_sorted(b);
	for (size_t i = 0; i < b->n && i < s->k; i++) {
		if (i)
			buf_addc(out, ',');
		buf_add(out, bag_val(b, &v[i]), v[i].len);
	}
	if (b->n > s->k)
		buf_adds(out, ",...");
	free(v);
}

/* Most frequent first, then byte order: the same on every run and after any merge. */
static int by_count(const struct bag *b, const struct bent *x, const struct bent *y)
{
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return bytes_cmp(bag_val(b, x), x->len, bag_val(b, y), y->len);
}

static const struct bag *cmp_bag;

static int cmp_by_count(const void *x, const void *y)
{
	return by_count(cmp_bag, x, y);
}

static void r_top(const struct opspec *s, const void *st, struct buf *out)
{
	const struct bag *b = &((const struct st_bag *)st)->b;
	struct bent *v = bag_sorted(b);
	cmp_bag = b;
	qsort(v, b->n, sizeof *v, cmp_by_count);
	for (size_t i = 0; i < b->n && i < s->k; i++) {
		if (i)
			buf_addc(out, ',');
		buf_add(out, bag_val(b, &v[i]), v[i].len);
		buf_addf(out, ":%llu", v[i].count);
	}
	free(v);
}

static void r_mode(const struct opspec *s, const void *st, struct buf *out)
{
	const struct bag *b = &((const struct st_bag *)st)->b;
	const struct bent *best = NULL;
	(void)s;
	for (size_t i = 0; i < b->cap; i++)
		if (b->e[i].hash && (!best || by_count(b, &b->e[i], best) < 0))
			best = &b->e[i];
	if (best)
		buf_add(out, bag_val(b, best), best->len);
}

/* Distinct values with their numbers, in numeric order (ties in byte order). */
struct nument {
	struct dec d;
	const struct bent *e;
};

static const struct bag *num_bag;

static int cmp_num(const void *x, const void *y)
{
	const struct nument *a = x, *b = y;
	int c = dec_cmp(&a->d, &b->d);
	if (c)
		return c;
	return bytes_cmp(bag_val(num_bag, a->e), a->e->len, bag_val(num_bag, b->e), b->e->len);
}

/* The value of rank r (0-based) among all values counted with their multiplicity. */
static const struct dec *at_rank(const struct nument *v, size_t n, unsigned long long r)
{
	for (size_t i = 0; i < n; i++) {
		if (r < v[i].e->count)
			return &v[i].d;
		r -= v[i].e->count;
	}
	return &v[n - 1].d;
}

/* Integer part of a non-negative decimal that is known to fit. */
static unsigned long long whole_part(const struct dec *h)
{
	unsigned long long w = 0;
	for (size_t i = 0; i + h->scale < h->d.n; i++)
		w = w * 10 + (unsigned)(h->d.p[i] - '0');
	return w;
}

/* Quantile p by linear interpolation between the closest ranks (R's type 7, numpy's
 * default): h = (N-1)p, q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 * Every step is exact decimal arithmetic, so no rounding is needed. */
static void quantile(const struct bag *b, const struct dec *p, struct buf *out)
{
	if (!b->n)
		return;
	struct bent *ents = bag_sorted(b);
	struct nument *v = xcalloc(b->n, sizeof *v);
	for (size_t i = 0; i < b->n; i++) {
		v[i].e = &ents[i];
		dec_parse(&v[i].d, bag_val(b, &ents[i]), ents[i].len);
	}
	num_bag = b;
	qsort(v, b->n, sizeof *v, cmp_num);
	struct dec h = DEC_INIT, lo = DEC_INIT, q = DEC_INIT;
	dec_set_ull(&h, b->total - 1);
	dec_mul(&h, &h, p);
	unsigned long long r = whole_part(&h);
	dec_set_ull(&lo, r);
	dec_sub(&h, &lo);                       /* h is now the fraction */
	dec_copy(&q, at_rank(v, b->n, r));
	if (!dec_is_zero(&h)) {
		struct dec step = DEC_INIT;
		dec_copy(&step, at_rank(v, b->n, r + 1));
		dec_sub(&step, &q);
		dec_mul(&step, &step, &h);
		dec_add(&q, &step);
		dec_free(&step);
	}
	dec_format(&q, out);
	for (size_t i = 0; i < b->n; i++)
		dec_free(&v[i].d);
	free(v);
	free(ents);
	dec_free(&h);
	dec_free(&lo);
	dec_free(&q);
}

static void r_quantile(const struct opspec *s, const void *st, struct buf *out)
{
	quantile(&((const struct st_bag *)st)->b, &s->frac, out);
}

static void r_median(const struct opspec *s, const void *st, struct buf *out)
{
	struct dec half = DEC_INIT;
	(void)s;
	dec_parse(&half, "0.5", 3);
	quantile(&((const struct st_bag *)st)->b, &half, out);
	dec_free(&half);
}

/* name, state, column, numbers only, parameter, its default, result, number out, help */
const struct op op_table[] = {
	{ "count", ST_COUNT, COL_OPTIONAL, 0, PAR_NONE, NULL, r_count, 1,
	  "rows of the group; with COL, its non-empty values" },
	{ "sum", ST_SUM, COL_REQUIRED, 1, PAR_NONE, NULL, r_sum, 1,
	  "exact sum of the values" },
	{ "mean", ST_MEAN, COL_REQUIRED, 1, PAR_NONE, NULL, r_mean, 1,
	  "mean, rounded half-even to --round digits" },
	{ "min", ST_MIN, COL_REQUIRED, 1, PAR_NONE, NULL, r_ext, 1,
	  "smallest value" },
	{ "max", ST_MAX, COL_REQUIRED, 1, PAR_NONE, NULL, r_ext, 1,
	  "largest value" },
	{ "median", ST_BAG, COL_REQUIRED, 1, PAR_NONE, NULL, r_median, 1,
	  "middle value (mean of the two middle ones)" },
	{ "quantile", ST_BAG, COL_REQUIRED, 1, PAR_FRACTION, NULL, r_quantile, 1,
	  "quantile P (0 to 1), linear between closest ranks" },
	{ "mode", ST_BAG, COL_REQUIRED, 0, PAR_NONE, NULL, r_mode, 0,
	  "most frequent value (ties: first in byte order)" },
	{ "countunique", ST_BAG, COL_REQUIRED, 0, PAR_NONE, NULL, r_countunique, 1,
	  "number of distinct values" },
	{ "distinct", ST_BAG, COL_REQUIRED, 0, PAR_NONE, NULL, r_countunique, 1,
	  "the same as countunique" },
	{ "unique", ST_BAG, COL_REQUIRED, 0, PAR_COUNT, "100", r_unique, 0,
	  "distinct values, byte order, a,b; past N (100): ,..." },
	{ "top", ST_BAG, COL_REQUIRED, 0, PAR_COUNT, "10", r_top, 0,
	  "the N (10) most frequent as VALUE:COUNT,..." },
	{ "first", ST_FIRST, COL_REQUIRED, 0, PAR_NONE, NULL, r_text, 0,
	  "value of the first row of the group" },
	{ "last", ST_LAST, COL_REQUIRED, 0, PAR_NONE, NULL, r_text, 0,
	  "value of the last row of the group" },
	{ NULL, ST_COUNT, COL_NONE, 0, PAR_NONE, NULL, NULL, 0, NULL }
};

const struct op *op_find(const char *name, size_t n)
{
	for (const struct op *op = op_table; op->name; op++)
		if (strlen(op->name) == n && memcmp(op->name, name, n) == 0)
			return op;
	return NULL;
}

void ops_help(struct buf *out)
{
	buf_adds(out, "Operations (OP[:COL[:PARAM]], COL a header name or a 1-based number):\n");
	for (const struct op *op = op_table; op->name; op++) {
		struct buf use = BUF_INIT;
		buf_adds(&use, op->name);
		if (op->col != COL_NONE)
			buf_adds(&use, op->col == COL_OPTIONAL ? "[:COL]" : ":COL");
		if (op->param)
			buf_adds(&use, op->param == PAR_FRACTION ? ":P" : "[:N]");
		buf_addf(out, "  %-22s%s\n", use.p, op->help);
		buf_free(&use);
	}
}
