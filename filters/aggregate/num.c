/* num: fixed-point fast path with exact decimal fallback. */
#include <stdlib.h>
#include "cli.h"
#include "num.h"

/* Decimals allocated for sums, mins and maxes, ever: while 0, freeing such states is a no-op
 * and a run's end need not visit every group to do it. */
static unsigned long bigs;

int num_any_big(void)
{
	return __atomic_load_n(&bigs, __ATOMIC_RELAXED) != 0;
}

struct dec *num_new_big(void)
{
	__atomic_add_fetch(&bigs, 1, __ATOMIC_RELAXED);
	return xcalloc(1, sizeof(struct dec));
}

const int64_t fix_pow10[FIX_MAX_SCALE + 1] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
	10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000,
	1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000,
};

void ull_format(unsigned long long v, struct buf *out)
{
	char d[24];
	size_t n = 0;
	do
		d[sizeof d - 1 - n++] = (char)('0' + v % 10);
	while (v /= 10);
	buf_add(out, d + sizeof d - n, n);
}

void fix_format(struct fix f, struct buf *out)
{
	uint64_t u = f.m < 0 ? 0 - (uint64_t)f.m : (uint64_t)f.m;
	unsigned scale = f.scale;
	while (scale && u && u % 10 == 0) {
		u /= 10;
		scale--;
	}
	if (!u) {
		buf_addc(out, '0');
		return;
	}
	char d[24];
	size_t n = 0;
	for (; u; u /= 10)
		d[sizeof d - 1 - n++] = (char)('0' + u % 10);
	const char *p = d + sizeof d - n;
	if (f.m < 0)
		buf_addc(out, '-');
	if (scale == 0) {
		buf_add(out, p, n);
	} else if (n > scale) {
		buf_add(out, p, n - scale);
		buf_addc(out, '.');
		buf_add(out, p + n - scale, scale);
	} else {
		buf_add(out, "0.", 2);
		for (size_t i = n; i < scale; i++)
			buf_addc(out, '0');
		buf_add(out, p, n);
	}
}

void sum_format(const struct sum *s, struct buf *out)
{
	if (!s->big) {
		fix_format(s->acc, out);
		return;
	}
	struct dec d = DEC_INIT;
	sum_value(s, &d);
	dec_format(&d, out);
	dec_free(&d);
}

void fix_to_dec(struct fix f, struct dec *d)
{
	uint64_t mag = f.m < 0 ? 0 - (uint64_t)f.m : (uint64_t)f.m;
	dec_set_ull(d, mag);
	d->neg = f.m < 0;
	d->scale = f.scale;
}

int fix_cmp(struct fix a, struct fix b)
{
	int64_t r;
	/* Scaling up one side to the other's scale; when that overflows, the scaled side is
	 * beyond int64 and so larger in magnitude than the other, and its sign decides. */
	if (a.scale < b.scale) {
		if (__builtin_mul_overflow(a.m, fix_pow10[b.scale - a.scale], &r))
			return a.m > 0 ? 1 : -1;
		a.m = r;
	} else if (b.scale < a.scale) {
		if (__builtin_mul_overflow(b.m, fix_pow10[a.scale - b.scale], &r))
			return b.m > 0 ? -1 : 1;
		b.m = r;
	}
	return (a.m > b.m) - (a.m < b.m);
}

void sum_add_dec(struct sum *s, const struct dec *v)
{
	if (!s->big)
		s->big = num_new_big();
	dec_add(s->big, v);
}

/* Move the fixed-point part into the decimal, leaving acc zero at the same scale. */
static void flush(struct sum *s)
{
	struct dec t = DEC_INIT;
	fix_to_dec(s->acc, &t);
	sum_add_dec(s, &t);
	dec_free(&t);
	s->acc.m = 0;
}

void sum_add_fix_slow(struct sum *s, struct fix v)
{
	int64_t r;
	if (v.scale > s->acc.scale) {
		if (__builtin_mul_overflow(s->acc.m, fix_pow10[v.scale - s->acc.scale], &r)) {
			flush(s);
			r = 0;
		}
		s->acc.m = r;
		s->acc.scale = v.scale;
	} else if (v.scale < s->acc.scale) {
		if (__builtin_mul_overflow(v.m, fix_pow10[s->acc.scale - v.scale], &r)) {
			struct dec t = DEC_INIT;
			fix_to_dec(v, &t);
			sum_add_dec(s, &t);
			dec_free(&t);
			return;
		}
		v.m = r;
	}
	if (__builtin_add_overflow(s->acc.m, v.m, &r)) {
		flush(s);
		r = v.m;
	}
	s->acc.m = r;
}

/* A value fix_parse could not take: not a number (r < 0) or too long for a fix. */
int sum_add_text_slow(struct sum *s, const char *p, size_t n, int r)
{
	if (r < 0)
		return -1;
	struct dec t = DEC_INIT;
	dec_parse(&t, p, n);
	sum_add_dec(s, &t);
	dec_free(&t);
	return 0;
}

void sum_value(const struct sum *s, struct dec *out)
{
	fix_to_dec(s->acc, out);
	if (s->big)
		dec_add(out, s->big);
}

void sum_free(struct sum *s)
{
	if (s->big) {
		dec_free(s->big);
		free(s->big);
	}
	s->big = NULL;
	s->acc.m = 0;
	s->acc.scale = 0;
}

static void numval_set(struct numval *x, int fits, struct fix f, const char *p, size_t n)
{
	x->has = 1;
	x->isbig = !fits;
	if (fits) {
		x->f = f;
		return;
	}
	if (!x->big)
		x->big = num_new_big();
	dec_parse(x->big, p, n);
}

int numval_keep(struct numval *x, const char *p, size_t n, int want)
{
	struct fix f;
	int r = fix_parse(p, n, &f);
	if (r < 0)
		return -1;
	if (!x->has) {
		numval_set(x, r, f, p, n);
		return 0;
	}
	int c;
	if (r && !x->isbig) {
		c = fix_cmp(f, x->f);
	} else {
		struct dec a = DEC_INIT, b = DEC_INIT;
		dec_parse(&a, p, n);
		numval_value(x, &b);
		c = dec_cmp(&a, &b);
		dec_free(&a);
		dec_free(&b);
	}
	if (c * want > 0)
		numval_set(x, r, f, p, n);
	return 0;
}

void numval_value(const struct numval *x, struct dec *out)
{
	if (!x->has)
		dec_zero(out);
	else if (x->isbig)
		dec_copy(out, x->big);
	else
		fix_to_dec(x->f, out);
}

void numval_free(struct numval *x)
{
	if (x->big) {
		dec_free(x->big);
		free(x->big);
	}
	x->big = NULL;
	x->has = x->isbig = 0;
}
