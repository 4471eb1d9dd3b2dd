/* scan: slabs of TSV lines split into rows by a reader (thread), handed out in batches. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "slab.h"

/* Queues: the reader takes spare slabs and gives ready ones; the caller the reverse. */
static struct slab *take(struct scan *s, int *q, int *n)
{
	pthread_mutex_lock(&s->mu);
	while (*n == 0 && !s->stop)
		pthread_cond_wait(&s->cv, &s->mu);
	struct slab *sl = NULL;
	if (*n && !s->stop) {   /* once stopped, the reader takes no more work */
		sl = &s->slab[q[0]];
		memmove(q, q + 1, (size_t)(--*n) * sizeof *q);
	}
	pthread_mutex_unlock(&s->mu);
	return sl;
}

static void give(struct scan *s, int *q, int *n, struct slab *sl)
{
	pthread_mutex_lock(&s->mu);
	q[(*n)++] = (int)(sl - s->slab);
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

static void *reader(void *arg)
{
	struct scan *s = arg;
	struct slab *sl;
	while ((sl = take(s, s->spare, &s->nspare))) {
		fill_slab(s, sl);
		give(s, s->ready, &s->nready, sl);
		if (sl->end)
			break;
	}
	return NULL;
}

static struct slab *next_slab(struct scan *s)
{
	if (s->threaded)
		return take(s, s->ready, &s->nready);
	struct slab *sl = &s->slab[s->nspare ? s->spare[--s->nspare] : 0];
	fill_slab(s, sl);
	return sl;
}

static void done_slab(struct scan *s, struct slab *sl)
{
	if (s->threaded)
		give(s, s->spare, &s->nspare, sl);
	else
		s->spare[s->nspare++] = (int)(sl - s->slab);
}

/* Print the notes that come before or at line upto. */
static void flush_notes(struct scan *s, unsigned long long upto)
{
	struct slab *sl = s->cur;
	for (; s->next_note < sl->nnotes && sl->notes[s->next_note].order <= upto; s->next_note++) {
		const struct note *n = &sl->notes[s->next_note];
		if (s->quiet)
			s->trouble = 1;
		else
			warn_at(s->in.name, n->line, "%s", sl->text.p + n->off);
	}
}

size_t scan_batch(struct scan *s, struct row **rows)
{
	while (!s->done) {
		if (!s->cur) {
			s->cur = next_slab(s);
			s->next_row = s->next_note = 0;
		}
		struct slab *sl = s->cur;
		if (s->next_row < sl->nrows) {
			struct row *r = sl->rows + s->next_row;
			flush_notes(s, r->line);
			/* a batch ends before the next note, which must be printed in its place */
			unsigned long long stop = s->next_note < sl->nnotes ? sl->notes[s->next_note].order : ULLONG_MAX;
			size_t n = 1;
			while (n < SCAN_BATCH && s->next_row + n < sl->nrows && r[n].line < stop)
				n++;
			s->batch_hash = s->hash_col >= 0 ? sl->hash + s->next_row : NULL;
			s->next_row += n;
			*rows = r;
			return n;
		}
		flush_notes(s, ULLONG_MAX);
		s->done = sl->end;
		done_slab(s, sl);
		s->cur = NULL;
	}
	return 0;
}

int scan_trouble(const struct scan *s)
{
	return s->trouble;
}

const uint64_t *scan_hashes(const struct scan *s)
{
	return s->batch_hash;
}

static const char *encoding;

void scan_set_encoding(const char *enc)
{
	encoding = enc;
}

size_t scan_peek(const struct scan *s, const struct row **rows, const uint64_t **hashes)
{
	if (!s->cur) {
		*rows = NULL;
		*hashes = NULL;
		return 0;
	}
	*rows = s->cur->rows;
	*hashes = s->hash_col >= 0 ? s->cur->hash : NULL;
	return s->cur->nrows;
}

int scan_converted(const struct scan *s)
{
	return s->in.conv;
}

unsigned long long scan_bytes(const struct scan *s)
{
	return __atomic_load_n(&s->bytes, __ATOMIC_RELAXED);
}

struct scan *scan_open(const char *path, size_t slab_bytes, int flags, const char *hash_spec)
{
	return scan_open_part(path, slab_bytes, flags, hash_spec, 0, ULLONG_MAX, NULL);
}

/* The header of like, copied, so that a part that starts after it reads rows at once. */
static void copy_header(struct scan *s, const struct scan *like)
{
	s->first = 0;
	buf_add(&s->header_bytes, like->header_bytes.p, like->header_bytes.n);
	s->header.nf = like->header.nf;
	s->header.line = like->header.line;
	s->header.f = xcalloc(s->header.nf ? s->header.nf : 1, sizeof *s->header.f);
	for (size_t i = 0; i < s->header.nf; i++) {
		s->header.f[i].p = s->header_bytes.p + (like->header.f[i].p - like->header_bytes.p);
		s->header.f[i].n = like->header.f[i].n;
	}
	s->hash_col = like->hash_col;
}

struct scan *scan_open_part(const char *path, size_t slab_bytes, int flags, const char *hash_spec,
                            unsigned long long off, unsigned long long len, const struct scan *like)
{
	struct scan *s = xcalloc(1, sizeof *s);
	if (in_open(&s->in, path) != 0 || (off && lseek(s->in.fd, (off_t)off, SEEK_SET) < 0)) {
		warn_at(path, 0, "%s", strerror(errno));
		if (s->in.name)
			in_close(&s->in);
		free(s);
		return NULL;
	}
	/* a part after the first reads on as the first did: as UTF-8 unless converted */
	in_set_encoding(&s->in, like ? "UTF-8" : encoding);
	s->slab_bytes = slab_bytes;
	s->first = 1;
	s->hash_spec = hash_spec;
	s->hash_col = -1;
	s->left = len;
	s->quiet = like != NULL || len != ULLONG_MAX;
	if (like)
		copy_header(s, like);
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->cv, NULL);
	for (int i = 0; i < NSLAB; i++)
		s->spare[s->nspare++] = i;
	s->no_header = (flags & SCAN_NO_HEADER) != 0;
	s->threaded = (flags & SCAN_THREAD) && pthread_create(&s->thread, NULL, reader, s) == 0;
	/* the header comes with the first slab */
	s->cur = next_slab(s);
	return s;
}

const struct row *scan_header(const struct scan *s)
{
	return s->header.f ? &s->header : NULL;
}

const char *scan_name(const struct scan *s)
{
	return s->in.name;
}

int scan_col(const struct scan *s, const char *spec)
{
	size_t len = strlen(spec);
	for (size_t i = 0; i < s->header.nf; i++)
		if (s->header.f[i].n == len && memcmp(s->header.f[i].p, spec, len) == 0)
			return (int)i;
	char *end;
	errno = 0;
	long v = strtol(spec, &end, 10);
	if (*spec >= '1' && *spec <= '9' && !*end && !errno && v >= 1 && (size_t)v <= s->header.nf)
		return (int)v - 1;
	return -1;
}

void scan_close(struct scan *s)
{
	if (s->threaded) {
		pthread_mutex_lock(&s->mu);
		s->stop = 1;
		pthread_cond_broadcast(&s->cv);
		pthread_mutex_unlock(&s->mu);
		pthread_join(s->thread, NULL);
	}
	pthread_mutex_destroy(&s->mu);
	pthread_cond_destroy(&s->cv);
	for (int i = 0; i < NSLAB; i++)
		slab_free(&s->slab[i]);
	in_close(&s->in);
	free(s->header.f);
	buf_free(&s->header_bytes);
	buf_free(&s->carry);
	free(s);
}
