/* split: a regular file read by two threads, each a half of it (cut at a line start) into
 * groups of its own; the second half's groups are then merged into the first's with
 * state_combine, which is exact for every operation, in input order, so the output is the
 * same as one thread's. A half that meets anything it would report (a bad line, a bad
 * value, a read error) stops, and the file is read again whole by one thread, so that the
 * messages and the status are those of a plain run. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "agg.h"
#include "cli.h"
#include "meter.h"
#include "scan.h"
#include "source.h"
#include "state.h"

/* Below this a second thread costs more than it saves. */
#define SPLIT_MIN (4u << 20)

struct half {
	struct agg w;       /* the run, with groups, scratch and stop of its own */
	struct scan *sc;
	int trouble;
	struct scan *other;                 /* the first half ticks --progress for both */
	unsigned long long meter_base;
};

static void half_init(struct half *h, const struct agg *a)
{
	h->w = *a;
	h->w.groups = groups_new(a->state_bytes);
	memset(&h->w.key, 0, sizeof h->w.key);
	buf_reserve(&h->w.key, 1);
	h->w.keyf = xcalloc(a->nkeys + 1, sizeof *h->w.keyf);
	h->w.bkey = xcalloc(SCAN_BATCH, sizeof *h->w.bkey);
	h->w.bkoff = xcalloc(SCAN_BATCH, sizeof *h->w.bkoff);
	h->w.bhash = xcalloc(SCAN_BATCH, sizeof *h->w.bhash);
	h->w.bskip = xcalloc(SCAN_BATCH, sizeof *h->w.bskip);
	h->w.nbad = 0;
	memset(&h->w.firstbad, 0, sizeof h->w.firstbad);
	h->w.stop = 0;
	h->w.quiet = 1;
	h->trouble = 0;
}

static void fini_states(unsigned char *st, void *ctx)
{
	agg_free_states(ctx, st);
}

static void half_free(struct half *h, struct agg *a)
{
	groups_free(h->w.groups, agg_states_own_memory(a) ? fini_states : NULL, a);
	buf_free(&h->w.key);
	free(h->w.keyf);
	free(h->w.bkey);
	free(h->w.bkoff);
	free(h->w.bhash);
	free(h->w.bskip);
	buf_free(&h->w.firstbad);
	if (h->sc)
		scan_close(h->sc);
}

static void *half_run(void *arg)
{
	struct half *h = arg;
	struct row *rows;
	size_t n;
	while (!h->w.stop && (n = scan_batch(h->sc, &rows)) > 0 && !scan_trouble(h->sc)) {
		agg_add_batch(&h->w, scan_name(h->sc), rows, n, scan_hashes(h->sc));
		if (h->other)
			meter_tick(h->meter_base + scan_bytes(h->sc) + scan_bytes(h->other));
	}
	h->trouble = h->w.stop || scan_trouble(h->sc);
	return NULL;
}

/* The groups of h, in the order first seen, merged into a's. */
static void absorb(struct agg *a, struct half *h)
{
	if (groups_count(a->groups) == 0) {   /* the usual case: take them as they are */
		struct groups *t = a->groups;
		a->groups = h->w.groups;
		h->w.groups = t;
		return;
	}
	struct group **list = groups_list(h->w.groups);
	for (size_t i = 0; i < groups_count(h->w.groups); i++) {
		const struct group *x = list[i];
		struct group *g = groups_get(a->groups, group_key(x), x->keylen, hash_bytes(group_key(x), x->keylen));
		for (size_t k = 0; k < a->nops; k++)
			if (!a->ops[k].alias)
				state_combine(&a->ops[k], group_st(g) + a->ops[k].off, group_st(x) + a->ops[k].off);
	}
}

/* Offset of the first line that starts at or after half the file; 0 for none. */
static off_t middle(const char *path, off_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	char b[65536];
	off_t at = size / 2, mid = 0;
	ssize_t n;
	while (!mid && (n = pread(fd, b, sizeof b, at)) > 0) {
		char *nl = memchr(b, '\n', (size_t)n);
		if (nl)
			mid = at + (nl - b) + 1;
		at += n;
	}
	close(fd);
	return mid < size ? mid : 0;
}

/* Do the keys of the first block repeat (fewer distinct keys than half its rows)? Then the
 * groups are few beside the rows, and two halves cost little more than one; when most
 * keys are new, each half would build most groups again (at a million groups, 40% more
 * CPU time), and one thread costs least: a reader thread beside it saved no time on a
 * busy machine and cost CPU time and memory (10 million groups: 25% more of each). */
static int keys_repeat(const struct agg *a, const struct scan *sc)
{
	const struct row *rows;
	const uint64_t *hashes;
	size_t n = scan_peek(sc, &rows, &hashes);
	if (n < 64)
		return 1;
	size_t cap = 1;
	while (cap < 2 * n)
		cap *= 2;
	uint64_t *set = xcalloc(cap, sizeof *set);
	size_t distinct = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t h = 0;
		if (hashes) {
			h = hashes[i];
		} else {
			for (size_t k = 0; k < a->nkeys; k++) {
				int c = a->keycol[k];
				const struct field *f = c >= 0 && (size_t)c < rows[i].nf ? &rows[i].f[c] : NULL;
				h = h * 0x9E3779B97F4A7C15u + (f ? hash_bytes(f->p, f->n) : 1);
			}
			h += !h;
		}
		size_t j = h & (cap - 1);
		while (set[j] && set[j] != h)
			j = (j + 1) & (cap - 1);
		distinct += !set[j];
		set[j] = h;
	}
	free(set);
	return distinct * 2 <= n;
}

int agg_file_split(struct agg *a, const char *path)
{
	struct stat st;
	if (a->sorted || a->threads < 2 || a->mem_limit || (!a->merge && a->in != TBL_TSV) || strcmp(path, "-") == 0 ||
	    stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)SPLIT_MIN)
		return 1;
	off_t mid = middle(path, st.st_size);
	if (!mid)
		return 1;
	const size_t slab = 256 * 1024;
	const char *hash_spec = agg_hash_spec(a);
	struct half h[2];
	memset(h, 0, sizeof h);
	int flags = a->no_header ? SCAN_NO_HEADER : 0;
	h[0].sc = scan_open_part(path, slab, flags, hash_spec, 0, (unsigned long long)mid, NULL);
	if (!h[0].sc)
		return 1;   /* read whole, which reports why */
	const struct row *hd = scan_header(h[0].sc);
	if (!hd || scan_trouble(h[0].sc) || scan_converted(h[0].sc)) {
		scan_close(h[0].sc);
		return 1;
	}
	struct source src = { h[0].sc, NULL };
	if ((a->merge ? agg_partial_header(a, &src, hd) : agg_columns(a, &src, hd)) != 0) {
		scan_close(h[0].sc);
		return -1;
	}
	if (!a->force_split && !keys_repeat(a, h[0].sc)) {
		scan_close(h[0].sc);
		return 2;
	}
	h[1].sc = scan_open_part(path, slab, flags, hash_spec, (unsigned long long)mid,
	                         (unsigned long long)(st.st_size - mid), h[0].sc);
	if (!h[1].sc) {
		scan_close(h[0].sc);
		return 1;
	}
	half_init(&h[0], a);
	half_init(&h[1], a);
	pthread_t th;
	h[0].other = h[1].sc;
	h[0].meter_base = a->bytes_done;
	int threaded = pthread_create(&th, NULL, half_run, &h[1]) == 0;
	half_run(&h[0]);
	if (threaded)
		pthread_join(th, NULL);
	else
		half_run(&h[1]);
	int trouble = h[0].trouble || h[1].trouble;
	if (!trouble) {
		absorb(a, &h[0]);
		absorb(a, &h[1]);
	}
	if (!trouble)
		a->bytes_done += scan_bytes(h[0].sc) + scan_bytes(h[1].sc);
	half_free(&h[0], a);
	half_free(&h[1], a);
	return trouble ? 1 : 0;
}
