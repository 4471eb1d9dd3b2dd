/* agg: one run of aggregate: what was asked (options, operations, columns) and the
 * groups built so far. aggregate.c fills it from the command line, columns.c from each
 * input's header; run.c reads the rows into groups, emit.c writes them out. */
#ifndef AGG_AGG_H
#define AGG_AGG_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "groups.h"
#include "ops.h"
#include "print.h"
#include "table.h"
#include "where.h"

struct agg {
	/* what was asked */
	struct opspec *ops;
	size_t nops;
	char **keyspec;
	size_t nkeys;
	struct where *where;
	size_t nwhere;
	int sorted, partial, merge, skip_bad, order_first;
	int empty_error;            /* --empty=error: an empty value is a value, not missing */
	unsigned threads;           /* --threads: 1, or 2 to split a regular file in halves */
	int force_split;            /* --threads=2: split a file whatever its keys (auto: when they repeat) */
	int quiet;                  /* a part of a split file: a bad value stops it unreported */
	int no_header;              /* --no-header: columns by number, output names from the specs */
	size_t mem_limit;
	unsigned long long bytes_done;   /* input bytes of the files read (--progress) */           /* --memory: spill the groups to disk above it; 0 for none */
	struct spill *spill;
	unsigned mean_digits;
	enum tbl_format in;
	enum outfmt out;

	/* per input: column indexes of the keys */
	int *keycol;
	struct field *keyf;        /* scratch for a key of several fields */
	/* the batch being added: keys, their offsets in key, hashes, rows left out */
	struct field *bkey;
	size_t *bkoff;
	uint64_t *bhash;
	unsigned char *bskip;
	/* output column names: the keys', then one per operation */
	char **names;
	int named;
	struct buf merge_header;   /* --merge: the first input's header, to check the others */

	/* groups: a hash table, or with --sorted the current group only */
	size_t state_bytes;
	struct groups *groups;
	struct buf key, curkey;
	unsigned char *curst;
	int have_cur;

	/* bad values */
	unsigned long long nbad;
	struct buf firstbad;
	int stop;

	/* output */
	int started;
	struct buf cell;
	size_t *cell_end;
	struct field *row;
};

struct source;
struct spill;

/* agg.c: memory for the operations' states and the batches, from what was asked. */
void agg_setup(struct agg *a);
void agg_free_states(struct agg *a, unsigned char *st);
void agg_free(struct agg *a);
void agg_free_groups(struct agg *a);   /* the groups and their states */
int agg_states_own_memory(const struct agg *a);
/* spill.c: --memory. Are the groups above the limit? Write them to a sorted run on disk
 * and empty the table; at the end, merge the runs (and what is left) and write them out. */
int agg_over_memory(const struct agg *a);
void agg_spill(struct agg *a);
void agg_spill_finish(struct agg *a);
/* run.c: read one input; returns 0, or -1 when it could not be used (reported). */
int agg_file(struct agg *a, const char *path);
void agg_add_batch(struct agg *a, const char *file, struct row *rows, size_t n, const uint64_t *hashes);
/* The key column the reader hashes (see scan.h), or NULL. */
const char *agg_hash_spec(const struct agg *a);
/* split.c: a regular file read as two halves by two threads, each into groups of its own,
 * then merged as --merge would; 1 when the file is not split (too small, not a regular
 * file, one thread) or a half met anything to report, and must be read whole; 2 when its
 * keys are mostly new, and it is best read by one thread alone. */
int agg_file_split(struct agg *a, const char *path);
/* columns.c: find the columns in an input's header (0, or -1 reported); read a partial's
 * header (--merge); name the output columns when no input had a header. */
int agg_columns(struct agg *a, struct source *src, const struct row *h);
int agg_partial_header(struct agg *a, struct source *src, const struct row *h);
void agg_names_from_specs(struct agg *a);
/* emit.c: write one group; at the end, write what is left. */
void agg_emit(struct agg *a, const char *key, size_t keylen, unsigned char *st);
void agg_finish(struct agg *a);

#endif
