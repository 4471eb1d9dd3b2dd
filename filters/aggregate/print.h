/* print: output rows as TSV (escaped as the stream), CSV, or an aligned table for people
 * (--pretty, which holds every row until the end to measure the columns). */
#ifndef AGG_PRINT_H
#define AGG_PRINT_H
#include <stddef.h>
#include "table.h"

enum outfmt { OUT_TSV, OUT_CSV, OUT_JSONL, OUT_PRETTY };

/* right[i]: align column i to the right in --pretty (copied). TSV, CSV and JSON Lines are
 * written by common/rowout.h, as in the other programs. */
void print_init(enum outfmt f, size_t ncols, const int *right);
void print_header(const struct field *names);
void print_row(const struct field *f);
void print_end(void);

#endif
