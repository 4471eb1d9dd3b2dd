/* spill: --memory. When the groups outgrow the limit they are written, sorted by key, as
 * partial-state lines (the format of --partial, without header) to a temporary file, a
 * "run", and the table starts empty again. At the end the runs are merged like sort(1)
 * merges: a heap of runs by their next key (ties in run order, which is input order, as
 * first and last need), the states of one key merged with state_merge, exactly as
 * --merge does, and the group written out. Memory while merging: one line per run. The
 * files are unlinked as soon as they are made, so nothing is left behind. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "agg.h"
#include "cli.h"
#include "state.h"

struct run {
	FILE *f;
	char *line;
	size_t cap;
	struct buf key;          /* encoded key of the current line */
	struct field *st;        /* its nops state fields (unescaped, in line) */
	int live;
};

struct spill {
	struct run *runs;
	size_t n, cap;
	struct buf text;         /* one line being written */
};

static FILE *spill_file(void)
{
	const char *dir = getenv("TMPDIR");
	struct buf path = BUF_INIT;
	buf_addf(&path, "%s/aggregate-spill.XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path.p);
	if (fd < 0)
		fatal(EXIT_SYS, "cannot make a spill file in %s: %s", dir && *dir ? dir : "/tmp", strerror(errno));
	unlink(path.p);
	buf_free(&path);
	FILE *f = fdopen(fd, "w+");
	if (!f)
		fatal(EXIT_SYS, "cannot open a spill file: %s", strerror(errno));
	return f;
}

static void add_escaped(struct buf *b, const char *p, size_t n)
{
	static const char esc[256] = { ['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\0'] = '0' };
	for (size_t i = 0; i < n; i++) {
		char e = esc[(unsigned char)p[i]];
		if (e) {
			buf_addc(b, '\\');
			buf_addc(b, e);
		} else {
			buf_addc(b, p[i]);
		}
	}
}

void agg_spill(struct agg *a)
{
	if (!a->spill)
		a->spill = xcalloc(1, sizeof *a->spill);
	struct spill *sp = a->spill;
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? 2 * sp->cap : 8;
		sp->runs = xrealloc(sp->runs, sp->cap * sizeof *sp->runs);
	}
	struct run *r = &sp->runs[sp->n++];
	memset(r, 0, sizeof *r);
	r->f = spill_file();
	groups_sort(a->groups, a->nkeys);
	struct group **list = groups_list(a->groups);
	struct field *kf = xcalloc(a->nkeys + 1, sizeof *kf);
	struct buf st = BUF_INIT;
	for (size_t i = 0; i < groups_count(a->groups); i++) {
		buf_clear(&sp->text);
		key_decode(group_key(list[i]), list[i]->keylen, a->nkeys, kf);
		for (size_t k = 0; k < a->nkeys; k++) {
			if (k)
				buf_addc(&sp->text, '\t');
			add_escaped(&sp->text, kf[k].p, kf[k].n);
		}
		for (size_t k = 0; k < a->nops; k++) {
			buf_clear(&st);
			state_encode(&a->ops[k], group_st(list[i]) + a->ops[k].off, &st);
			buf_addc(&sp->text, '\t');
			add_escaped(&sp->text, st.p ? st.p : "", st.n);
		}
		buf_addc(&sp->text, '\n');
		if (fwrite(sp->text.p, 1, sp->text.n, r->f) != sp->text.n)
			fatal(EXIT_SYS, "cannot write a spill file: %s", strerror(errno));
	}
	if (fflush(r->f) != 0 || ferror(r->f))
		fatal(EXIT_SYS, "cannot write a spill file: %s", strerror(errno));
	rewind(r->f);
	free(kf);
	buf_free(&st);
	agg_free_groups(a);
	a->groups = groups_new(a->state_bytes);
}

/* The next line of a run, split into its key (encoded) and states; 0 at its end. */
static int run_next(struct agg *a, struct run *r, struct field *kf)
{
	ssize_t n = getline(&r->line, &r->cap, r->f);
	if (n <= 0) {
		if (ferror(r->f))
			fatal(EXIT_SYS, "cannot read a spill file: %s", strerror(errno));
		r->live = 0;
		return 0;
	}
	if (r->line[n - 1] == '\n')
		n--;
	char *p = r->line, *end = r->line + n;
	size_t nf = a->nkeys + a->nops;
	if (!r->st)
		r->st = xcalloc(a->nops + 1, sizeof *r->st);
	for (size_t i = 0; i < nf; i++) {
		char *t = memchr(p, '\t', (size_t)(end - p));
		if (!t)
			t = end;
		int bad = 0;
		struct field f = { p, tsv_unescape(p, (size_t)(t - p), &bad) };
		if (i < a->nkeys)
			kf[i] = f;
		else
			r->st[i - a->nkeys] = f;
		p = t < end ? t + 1 : end;
	}
	if (a->nkeys == 1) {   /* a key of one field is its bytes (groups.h) */
		buf_clear(&r->key);
		buf_add(&r->key, kf[0].p, kf[0].n);
		buf_reserve(&r->key, 1);
	} else {
		key_encode(&r->key, kf, a->nkeys);
	}
	r->live = 1;
	return 1;
}

static int run_less(const struct run *x, size_t xi, const struct run *y, size_t yi, size_t nkeys)
{
	int c = key_cmp(x->key.p, x->key.n, y->key.p, y->key.n, nkeys);
	return c < 0 || (c == 0 && xi < yi);
}

static void sift_down(struct agg *a, size_t *heap, size_t n, size_t i)
{
	struct run *runs = a->spill->runs;
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && run_less(&runs[heap[l]], heap[l], &runs[heap[m]], heap[m], a->nkeys))
			m = l;
		if (l + 1 < n && run_less(&runs[heap[l + 1]], heap[l + 1], &runs[heap[m]], heap[m], a->nkeys))
			m = l + 1;
		if (m == i)
			return;
		size_t t = heap[i];
		heap[i] = heap[m];
		heap[m] = t;
		i = m;
	}
}

void agg_spill_finish(struct agg *a)
{
	struct spill *sp = a->spill;
	if (groups_count(a->groups))
		agg_spill(a);
	struct field *kf = xcalloc(a->nkeys + 1, sizeof *kf);
	size_t *heap = xcalloc(sp->n + 1, sizeof *heap), nh = 0;
	for (size_t i = 0; i < sp->n; i++)
		if (run_next(a, &sp->runs[i], kf))
			heap[nh++] = i;
	for (size_t i = nh; i-- > 0;)
		sift_down(a, heap, nh, i);
	unsigned char *st = xcalloc(1, a->state_bytes ? a->state_bytes : 1);
	struct buf key = BUF_INIT;
	while (nh && !a->stop) {
		struct run *top = &sp->runs[heap[0]];
		buf_clear(&key);
		buf_add(&key, top->key.p, top->key.n);
		buf_reserve(&key, 1);
		/* every run whose next key is this one, in run order (the heap breaks ties so) */
		while (nh && key_cmp(sp->runs[heap[0]].key.p, sp->runs[heap[0]].key.n, key.p, key.n, a->nkeys) == 0) {
			struct run *r = &sp->runs[heap[0]];
			for (size_t k = 0; k < a->nops; k++)
				if (!a->ops[k].alias && state_merge(&a->ops[k], st + a->ops[k].off, r->st[k].p, r->st[k].n) < 0)
					fatal(EXIT_SYS, "a spill file was changed while it was read");
			if (!run_next(a, r, kf))
				heap[0] = heap[--nh];
			sift_down(a, heap, nh, 0);
		}
		agg_emit(a, key.p, key.n, st);
		agg_free_states(a, st);
	}
	buf_free(&key);
	free(st);
	free(heap);
	free(kf);
	for (size_t i = 0; i < sp->n; i++) {
		fclose(sp->runs[i].f);
		free(sp->runs[i].line);
		free(sp->runs[i].st);
		buf_free(&sp->runs[i].key);
	}
	buf_free(&sp->text);
	free(sp->runs);
	free(sp);
	a->spill = NULL;
}

int agg_over_memory(const struct agg *a)
{
	return a->mem_limit && a->nkeys && groups_count(a->groups) > 1 &&
	       groups_memory(a->groups) + bag_memory() > a->mem_limit;
}
