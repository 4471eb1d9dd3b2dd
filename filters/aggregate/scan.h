/* scan: headed TSV read in batches of rows, for speed. It keeps table.h's policies and
 * messages (BOM and CR dropped, invalid UTF-8 replaced by U+FFFD and reported, bad escapes
 * kept, rows of the wrong width skipped and reported) but works a block at a time: a
 * reader splits whole blocks ("slabs") of lines into rows, in a thread of its own when
 * one can be started, while the caller adds the rows of the previous slab. Messages are
 * kept with their line numbers and printed by scan_batch just before the rows that follow
 * them, so stderr is the same as reading row by row, threads or not. Memory: three slabs
 * of slab_bytes, each grown to hold a longer line while it does (so at most about four
 * times the longest line, the carried copy included). */
#ifndef AGG_SCAN_H
#define AGG_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include "table.h"

#define SCAN_BATCH 1024
#define SCAN_THREAD 1
#define SCAN_NO_HEADER 2

struct scan;

/* Open path ("-" is stdin) and read the header; NULL after reporting "prog: path: why".
 * slab_bytes: the size of a block; flags: SCAN_THREAD, the reader may run in a thread;
 * SCAN_NO_HEADER, the first line is a row (the header is then as wide, with empty names);
 * hash_spec: a column (name or number) whose hash_bytes the reader works out for every
 * row, taking that work off the caller (NULL for none). */
struct scan *scan_open(const char *path, size_t slab_bytes, int flags, const char *hash_spec);
/* Part of a regular file: len bytes from off, which is 0 or the start of a line. With like
 * (a scan of the same file from 0), its header is taken and the part holds rows only. A
 * part is quiet: a message it would print (a bad line, a read error) is not printed but
 * makes scan_trouble true, so that the caller can read the file again whole. */
struct scan *scan_open_part(const char *path, size_t slab_bytes, int flags, const char *hash_spec,
                            unsigned long long off, unsigned long long len, const struct scan *like);
/* The charset of the inputs opened from now on (input.h's in_set_encoding: "auto", "UTF-8",
 * GBK...); UTF-8 without detection when never set. */
void scan_set_encoding(const char *enc);
/* Is the input converted from another charset? (Then it cannot be split by offsets.) */
int scan_converted(const struct scan *s);
/* The rows of the block read first (the header's), without taking them, and the hashes
 * of their hash_spec column (NULL when none); the number of rows. */
size_t scan_peek(const struct scan *s, const struct row **rows, const uint64_t **hashes);
/* Bytes read so far. */
unsigned long long scan_bytes(const struct scan *s);
int scan_trouble(const struct scan *s);
/* The hashes of the last batch's rows, or NULL. */
const uint64_t *scan_hashes(const struct scan *s);
/* The header row, or NULL for an empty input. */
const struct row *scan_header(const struct scan *s);
const char *scan_name(const struct scan *s);
/* Up to SCAN_BATCH rows, valid until the next call; 0 at the end. */
size_t scan_batch(struct scan *s, struct row **rows);
/* Column index of a header name or 1-based number, or -1 (as tbl_col). */
int scan_col(const struct scan *s, const char *spec);
void scan_close(struct scan *s);

#endif
