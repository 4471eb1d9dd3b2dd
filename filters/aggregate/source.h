/* source: an input as batches of rows, from scan.c for TSV (fast, many rows at once) or
 * from table.h for CSV (libcsv, one row at a time). */
#ifndef AGG_SOURCE_H
#define AGG_SOURCE_H
#include "scan.h"
#include "table.h"

struct source {
	struct scan *sc;
	struct table *t;
};

/* TSV is read in slabs of slab bytes, by a thread of its own with SCAN_THREAD, which
 * also hashes column hash_spec (see scan.h); SCAN_NO_HEADER: the first line is a row. */
int source_open(struct source *src, const char *path, enum tbl_format fmt, size_t slab, int flags,
                const char *hash_spec);
/* hash_bytes of the hash_spec field of each row of the last batch, or NULL. */
const uint64_t *source_hashes(const struct source *src);
const struct row *source_header(const struct source *src);
int source_col(const struct source *src, const char *spec);
const char *source_name(const struct source *src);
/* The next rows (valid until the next call); 0 at the end. */
size_t source_batch(struct source *src, struct row **rows);
void source_close(struct source *src);
/* Bytes read so far. */
unsigned long long source_bytes(const struct source *src);
/* --encoding for CSV input (TSV: scan_set_encoding). */
extern const char *source_encoding;

#endif
