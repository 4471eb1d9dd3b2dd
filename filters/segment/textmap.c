/* textmap: anchors from decoded text positions to source byte offsets. */
#include <stdlib.h>
#include "cli.h"
#include "textmap.h"

void tm_clear(struct tmap *m)
{
	m->n = 0;
}

void tm_free(struct tmap *m)
{
	free(m->a);
	m->a = NULL;
	m->n = m->cap = 0;
}

void tm_add(struct tmap *m, size_t d, unsigned long long s)
{
	if (m->n && m->a[m->n - 1].d == d && m->a[m->n - 1].s == s)
		return;
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->a = xrealloc(m->a, m->cap * sizeof *m->a);
	}
	m->a[m->n++] = (struct anchor){ d, s };
}

/* Index of the first anchor with d >= p (m->n when none). */
static size_t lower(const struct tmap *m, size_t p)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->a[mid].d < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Linear from anchor i, but never past the next anchor's offset (a replaced or converted
 * character is indivisible). */
static unsigned long long linear(const struct tmap *m, size_t i, size_t p)
{
	unsigned long long s = m->a[i].s + (p - m->a[i].d);
	if (i + 1 < m->n && m->a[i + 1].s < s && m->a[i + 1].s >= m->a[i].s)
		s = m->a[i + 1].s;
	return s;
}

unsigned long long tm_start(const struct tmap *m, size_t p)
{
	if (!m->n)
		return p;
	size_t i = lower(m, p);
	while (i < m->n && m->a[i].d == p)
		i++;
	if (i == 0)
		return m->a[0].s;
	return linear(m, i - 1, p);
}

unsigned long long tm_end(const struct tmap *m, size_t p)
{
	if (!m->n)
		return p;
	size_t i = lower(m, p);
	if (i < m->n && m->a[i].d == p)
		return m->a[i].s;
	if (i == 0)
		return m->a[0].s;
	return linear(m, i - 1, p);
}

void tm_copy(struct tmap *dst, const struct tmap *src, size_t from, size_t to, size_t base)
{
	tm_add(dst, base, tm_start(src, from));
	for (size_t i = lower(src, from); i < src->n && src->a[i].d < to; i++)
		if (src->a[i].d > from)
			tm_add(dst, base + src->a[i].d - from, src->a[i].s);
	tm_add(dst, base + to - from, tm_end(src, to));
}

void tm_rebase(struct tmap *m, size_t from)
{
	if (!m->n)
		return;
	unsigned long long s0 = tm_start(m, from);
	size_t i = lower(m, from);
	while (i < m->n && m->a[i].d == from)
		i++;
	size_t k = 0;
	m->a[k++] = (struct anchor){ 0, s0 };
	for (; i < m->n; i++)
		m->a[k++] = (struct anchor){ m->a[i].d - from, m->a[i].s };
	m->n = k;
}
