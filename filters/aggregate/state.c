/* state: per-operation group state, its update, and its partial encoding:
 *   count        N
 *   sum          the exact sum, a plain decimal
 *   mean         SUM/N (N = number of values)
 *   min, max     the value as a plain decimal, empty when the group had no value
 *   first, last  the text of the value
 *   bags         COUNT*LEN:BYTES entries in byte order of BYTES, joined by one space;
 *                the length prefix lets a value hold any byte. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "state.h"

size_t state_size(enum state_kind k)
{
	switch (k) {
	case ST_COUNT: return sizeof(struct st_count);
	case ST_SUM: case ST_MEAN: return sizeof(struct st_sum);
	case ST_MIN: case ST_MAX: return sizeof(struct st_ext);
	case ST_FIRST: case ST_LAST: return sizeof(struct st_text);
	case ST_BAG: return sizeof(struct st_bag);
	}
	return 0;
}

void state_init(enum state_kind k, void *st)
{
	memset(st, 0, state_size(k));
}

void state_free(enum state_kind k, void *st)
{
	switch (k) {
	case ST_SUM: case ST_MEAN: sum_free(&((struct st_sum *)st)->s); break;
	case ST_MIN: case ST_MAX: numval_free(&((struct st_ext *)st)->v); break;
	case ST_FIRST: case ST_LAST: buf_free(&((struct st_text *)st)->b); break;
	case ST_BAG: bag_free(&((struct st_bag *)st)->b); break;
	case ST_COUNT: break;
	}
	state_init(k, st);
}

static void count_add(unsigned long long *n, unsigned long long k)
{
	if (__builtin_add_overflow(*n, k, n))
		fatal(EXIT_SYS, "a count exceeds %llu", (unsigned long long)-1);
}

static void text_set(struct st_text *t, const char *p, size_t n)
{
	buf_clear(&t->b);
	buf_add(&t->b, p, n);
	t->has = 1;
}

int state_add(const struct opspec *s, void *st, const char *p, size_t n)
{
	switch (s->op->kind) {
	case ST_COUNT:
		count_add(&((struct st_count *)st)->n, 1);
		return 0;
	case ST_SUM: case ST_MEAN:
		if (sum_add_text(&((struct st_sum *)st)->s, p, n) < 0)
			return -1;
		count_add(&((struct st_sum *)st)->n, 1);
		return 0;
	case ST_MIN:
		return numval_keep(&((struct st_ext *)st)->v, p, n, -1);
	case ST_MAX:
		return numval_keep(&((struct st_ext *)st)->v, p, n, 1);
	case ST_FIRST:
		if (!((struct st_text *)st)->has)
			text_set(st, p, n);
		return 0;
	case ST_LAST:
		text_set(st, p, n);
		return 0;
	case ST_BAG: {
		struct fix f;
		if (s->op->numeric && fix_parse(p, n, &f) < 0)
			return -1;
		bag_add(&((struct st_bag *)st)->b, p, n, 1);
		return 0;
	}
	}
	return 0;
}

/* A count as written in a partial: digits only, no leading zero, no overflow. */
static int parse_count(const char *p, size_t n, unsigned long long *v)
{
	*v = 0;
	if (!n || (n > 1 && p[0] == '0'))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9' || __builtin_mul_overflow(*v, 10, v) ||
		    __builtin_add_overflow(*v, (unsigned)(p[i] - '0'), v))
			return -1;
	}
	return 0;
}

/* Entries as bag_encode writes them and nothing else: counts of at least 1, values in
 * strictly increasing byte order (so each once), numbers where the operation needs them.
 * The whole state is checked before any of it is added, so a bad one changes nothing. */
static int bag_merge(const struct opspec *s, struct bag *b, const char *p, size_t n)
{
	const char *start = p, *end = p + n, *prev = NULL;
	size_t prevn = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (p = start; p < end;) {
			const char *star = memchr(p, '*', (size_t)(end - p));
			const char *colon = star ? memchr(star, ':', (size_t)(end - star)) : NULL;
			unsigned long long count, len;
			struct fix f;
			if (!colon || parse_count(p, (size_t)(star - p), &count) < 0 || count == 0 ||
			    parse_count(star + 1, (size_t)(colon - star - 1), &len) < 0 ||
			    len > (unsigned long long)(end - colon - 1))
				return -1;
			const char *v = colon + 1;
			if (pass == 0) {
				if ((prev && bytes_cmp(prev, prevn, v, (size_t)len) >= 0) ||
				    (s->op->numeric && fix_parse(v, (size_t)len, &f) < 0))
					return -1;
				prev = v;
				prevn = (size_t)len;
			} else {
				bag_add(b, v, (size_t)len, count);
			}
			p = v + len;
			if (p < end && (*p++ != ' ' || p == end))
				return -1;
		}
	}
	return 0;
}

static int mean_merge(struct st_sum *m, const char *p, size_t n)
{
	const char *slash = memchr(p, '/', n);
	unsigned long long k;
	struct sum part = { { 0, 0 }, NULL };
	struct dec d = DEC_INIT;
	/* N values and their sum; no values can only sum to 0 */
	if (!slash || parse_count(slash + 1, (size_t)(p + n - slash - 1), &k) < 0 ||
	    sum_add_text(&part, p, (size_t)(slash - p)) < 0) {
		sum_free(&part);
		return -1;
	}
	sum_value(&part, &d);
	int bad = k == 0 && !dec_is_zero(&d);
	if (!bad)
		sum_add_dec(&m->s, &d);
	dec_free(&d);
	sum_free(&part);
	if (bad)
		return -1;
	count_add(&m->n, k);
	return 0;
}

int state_merge(const struct opspec *s, void *st, const char *p, size_t n)
{
	unsigned long long k;
	switch (s->op->kind) {
	case ST_COUNT:
		if (parse_count(p, n, &k) < 0)
			return -1;
		count_add(&((struct st_count *)st)->n, k);
		return 0;
	case ST_SUM:
		return sum_add_text(&((struct st_sum *)st)->s, p, n);
	case ST_MEAN:
		return mean_merge(st, p, n);
	case ST_MIN: case ST_MAX:
		/* empty: that part's group had no value */
		return n ? state_add(s, st, p, n) : 0;
	case ST_FIRST: case ST_LAST:
		/* empty: that part's group had no value (empty values are missing) */
		return n ? state_add(s, st, p, n) : 0;
	case ST_BAG:
		return bag_merge(s, &((struct st_bag *)st)->b, p, n);
	}
	return -1;
}

static void bag_encode(const struct bag *b, struct buf *out)
{
	struct bent *v = bag_sorted(b);
	for (size_t i = 0; i < b->n; i++) {
		buf_addf(out, "%s%llu*%zu:", i ? " " : "", v[i].count, v[i].len);
		buf_add(out, bag_val(b, &v[i]), v[i].len);
	}
	free(v);
}

void state_encode(const struct opspec *s, const void *st, struct buf *out)
{
	struct dec d = DEC_INIT;
	switch (s->op->kind) {
	case ST_COUNT:
		ull_format(((const struct st_count *)st)->n, out);
		break;
	case ST_SUM: case ST_MEAN:
		sum_format(&((const struct st_sum *)st)->s, out);
		if (s->op->kind == ST_MEAN)
			buf_addf(out, "/%llu", ((const struct st_sum *)st)->n);
		break;
	case ST_MIN: case ST_MAX:
		if (((const struct st_ext *)st)->v.has) {
			numval_value(&((const struct st_ext *)st)->v, &d);
			dec_format(&d, out);
		}
		break;
	case ST_FIRST: case ST_LAST:
		buf_add(out, ((const struct st_text *)st)->b.p, ((const struct st_text *)st)->b.n);
		break;
	case ST_BAG:
		bag_encode(&((const struct st_bag *)st)->b, out);
		break;
	}
	dec_free(&d);
}

/* The larger (want > 0) or smaller of two kept values into x. */
static void numval_combine(struct numval *x, const struct numval *y, int want)
{
	if (!y->has)
		return;
	int c;
	if (!x->has) {
		c = want;
	} else if (!x->isbig && !y->isbig) {
		c = fix_cmp(y->f, x->f);
	} else {
		struct dec a = DEC_INIT, b = DEC_INIT;
		numval_value(y, &a);
		numval_value(x, &b);
		c = dec_cmp(&a, &b);
		dec_free(&a);
		dec_free(&b);
	}
	if (c * want <= 0)
		return;
	x->has = 1;
	x->isbig = y->isbig;
	x->f = y->f;
	if (y->isbig) {
		if (!x->big)
			x->big = num_new_big();
		dec_copy(x->big, y->big);
	}
}

void state_combine(const struct opspec *s, void *dst, const void *src)
{
	switch (s->op->kind) {
	case ST_COUNT:
		count_add(&((struct st_count *)dst)->n, ((const struct st_count *)src)->n);
		break;
	case ST_SUM: case ST_MEAN: {
		struct st_sum *d = dst;
		const struct st_sum *x = src;
		sum_add_fix(&d->s, x->s.acc);
		if (x->s.big)
			sum_add_dec(&d->s, x->s.big);
		count_add(&d->n, x->n);
		break;
	}
	case ST_MIN: case ST_MAX:
		numval_combine(&((struct st_ext *)dst)->v, &((const struct st_ext *)src)->v,
		               s->op->kind == ST_MIN ? -1 : 1);
		break;
	case ST_FIRST: case ST_LAST: {
		struct st_text *d = dst;
		const struct st_text *x = src;
		if (x->has && (s->op->kind == ST_LAST || !d->has))
			text_set(d, x->b.p, x->b.n);
		break;
	}
	case ST_BAG: {
		struct bag *d = &((struct st_bag *)dst)->b;
		const struct bag *x = &((const struct st_bag *)src)->b;
		for (size_t i = 0; i < x->cap; i++)
			if (x->e[i].hash)
				bag_add(d, bag_val(x, &x->e[i]), x->e[i].len, x->e[i].count);
		break;
	}
	}
}
