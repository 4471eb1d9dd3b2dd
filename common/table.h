/* table: rows of a headed TSV (escaped as in docs/FORMAT.md) or CSV (through libcsv) as
 * field views. The table owns the row and its fields; a row is borrowed until the next
 * tbl_next(). Bad rows are reported as "prog: file:line: what" and handled by policy:
 *   wrong number of fields   -> the row is skipped (while strict width is on, the default)
 *   bad escape ("\x", "\" at end of field) -> the backslash is kept literally (TSV)
 *   invalid UTF-8            -> each bad sequence becomes U+FFFD
 *   malformed CSV (a stray quote) -> the record is skipped
 *   a quote left open at the end of a CSV input -> reported at the line it opened on
 * every one of them makes the program's exit status 1 (cli_status). A UTF-8 BOM before
 * the first line and a CR before each LF are dropped silently (CRLF files are common). */
#ifndef COMMON_TABLE_H
#define COMMON_TABLE_H
#include <stddef.h>
#include "buf.h"
#include "input.h"

struct field {
	char *p;   /* not NUL-terminated; may contain NUL bytes */
	size_t n;
};

struct row {
	struct field *f;
	size_t nf;
	unsigned long long line;  /* line (TSV) or record start line (CSV) in the input */
};

enum tbl_format { TBL_TSV, TBL_CSV };

struct table;

/* Open path ("-" is stdin). With header, the first row names the columns. Returns NULL
 * after reporting "prog: path: reason" when the file cannot be opened. */
struct table *tbl_open(const char *path, enum tbl_format fmt, int header);
/* The same with the input's charset (in_set_encoding: NULL or "UTF-8" as is, "auto"
 * detected, or an iconv name) converted to UTF-8 before parsing. */
struct table *tbl_open_enc(const char *path, enum tbl_format fmt, int header, const char *enc);

/* Next data row: 1 and *row set, 0 at end of input, -1 on a read error (reported). */
int tbl_next(struct table *t, struct row **row);
/* Header row (NULL without a header or before it was read). */
const struct row *tbl_header(const struct table *t);
/* Column index (0-based) of a header name or a 1-based number; -1 if there is none. */
int tbl_col(const struct table *t, const char *spec);
/* tbl_col for an option's column (what: "--text"): when the header lacks it, or names it
 * twice, says so ("prog: file:1: ...", status 1) and returns -1. */
int tbl_find(const struct table *t, const char *spec, const char *what);
/* Bytes of the input read so far (for --progress). */
unsigned long long tbl_offset(const struct table *t);
/* When nonzero (the default with a header), rows whose field count differs from the
 * header's are reported and skipped; when zero they are returned as they are. */
void tbl_strict_width(struct table *t, int on);
const char *tbl_name(const struct table *t);

/* Number of rows reported as bad so far. */
unsigned long long tbl_bad(const struct table *t);
void tbl_close(struct table *t);

/* Unescape a TSV field in place (\\ \t \n \r \0); returns the new length and sets *bad when an
 * unknown escape or a lone trailing backslash was kept literally. */
size_t tsv_unescape(char *p, size_t n, int *bad);

#endif
