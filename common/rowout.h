/* rowout: writing a headed table as TSV (escaped as in docs/FORMAT.md), CSV (RFC 4180) or
 * JSON Lines, chosen once per run; every program's data output goes through here. The
 * module keeps a copy of the column names (the JSON keys); rows are written through out.h. */
#ifndef COMMON_ROWOUT_H
#define COMMON_ROWOUT_H
#include <stddef.h>
#include "table.h"

enum row_format { ROW_TSV, ROW_CSV, ROW_JSONL };

void row_set_format(enum row_format f);
enum row_format row_format(void);

/* The column names: written as the header line in TSV and CSV, remembered as the keys of
 * every object in JSONL (which has no header line). Call once before the first row. */
void row_header(const struct field *names, size_t n);
void row_header_strs(const char *const *names, size_t n);

/* One row in the chosen format. In JSONL every value is a JSON string (no digit of a
 * number is lost); a field past the named columns gets its 1-based number as key. */
void row_write(const struct field *f, size_t n);
/* The same with C strings (NULL = empty). */
void row_write_strs(const char *const *s, size_t n);

/* p[0..n) as a quoted JSON string: \" \\ \b \f \n \r \t, other controls as \u00XX, the
 * rest as UTF-8 (non-BMP characters too); an invalid UTF-8 byte becomes U+FFFD. */
void json_write_string(const char *p, size_t n);

/* Shared output and input-format options (keys ROWOPT_*), for a program's cli_opt table:
 *   --csv    read and write CSV;  --icsv  read CSV;  --ocsv  write CSV;
 *   --ojsonl write JSON Lines;    --tsv   read and write TSV (the default).
 * row_option() takes a key of the table and records it (1), or returns 0 for other keys;
 * of --ocsv, --ojsonl and --csv the last one given decides the output. row_options_done()
 * sets the output format and returns whether the input is CSV. */
enum { ROWOPT_CSV = 0x1000, ROWOPT_ICSV, ROWOPT_OCSV, ROWOPT_OJSONL, ROWOPT_TSV };
#define ROWOUT_OPTIONS \
	{ "csv", ROWOPT_CSV, NULL, "read and write CSV (RFC 4180 quoting) instead of TSV" }, \
	{ "icsv", ROWOPT_ICSV, NULL, "read CSV" }, \
	{ "ocsv", ROWOPT_OCSV, NULL, "write CSV" }, \
	{ "ojsonl", ROWOPT_OJSONL, NULL, "write JSON Lines: one object a row, every value a string" }, \
	{ "tsv", ROWOPT_TSV, NULL, "read and write TSV (the default)" }
int row_option(int key);
int row_options_done(void);
/* After row_options_done(): was CSV input asked for (--csv or --icsv)? */
int row_csv_in(void);

#endif
