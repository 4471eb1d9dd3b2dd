/* slab: the reader's half of scan.c, shared by scan.c (queues, batches) and slab.c
 * (filling a slab with whole lines and splitting them into rows). */
#ifndef AGG_SLAB_H
#define AGG_SLAB_H
#include <pthread.h>
#include <stdint.h>
#include "buf.h"
#include "input.h"
#include "scan.h"

#define NSLAB 3

/* A message about a line, printed when the rows reach that line. */
struct note {
	unsigned long long order;   /* line it comes before (or at) */
	unsigned long long line;    /* line it names; 0 for none */
	size_t off;                 /* text in slab->text */
};

struct slab {
	char *buf;
	size_t cap, len;
	struct row *rows;
	uint64_t *hash;             /* of each row's key field, when asked for */
	size_t nrows, rcap;
	struct field *f;
	size_t fcap;
	struct note *notes;
	size_t nnotes, ncap;
	struct buf text;
	char **fixed;               /* lines repaired for invalid UTF-8, one allocation each */
	size_t nfixed, fixcap;
	int end;                    /* the input ends with this slab */
};

struct scan {
	struct input in;
	size_t slab_bytes;
	struct slab slab[NSLAB];
	/* the reader's side */
	struct buf carry;           /* the start of a line cut by the end of a slab */
	unsigned long long line;
	int first, eof;
	struct row header;
	struct buf header_bytes;
	const char *hash_spec;      /* the key column to hash, NULL for none */
	int hash_col;
	/* the queues between reader and caller, slab indexes in FIFO order */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int ready[NSLAB], nready, spare[NSLAB], nspare;
	int stop, threaded;
	/* scan_open_part: bytes still to read; quiet: notes are not printed but mark trouble */
	unsigned long long left;
	int quiet, trouble;
	int no_header;              /* the first line is a row */
	unsigned long long bytes;   /* read so far (for --progress; the reader thread adds) */
	pthread_t thread;
	/* the caller's side */
	struct slab *cur;
	size_t next_row, next_note;
	const uint64_t *batch_hash;
	int done;
};

/* Record a message about line (0: none), printed when the rows reach the current line. */
void note(struct scan *s, struct slab *sl, unsigned long long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Fill sl with the next whole lines of the input, split into rows. */
void fill_slab(struct scan *s, struct slab *sl);
void slab_free(struct slab *sl);

#endif
