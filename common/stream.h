/* stream: the ten-column annotation stream every stage speaks (docs/FORMAT.md) and the
 * writers for TSV fields and rows. Writing goes through out.h; nothing here allocates. */
#ifndef COMMON_STREAM_H
#define COMMON_STREAM_H
#include <stddef.h>
#include "table.h"

enum stream_col { S_DOC, S_SEG, S_KIND, S_TYPE, S_START, S_END, S_TEXT, S_VALUE, S_UNIT, S_MOD, S_NCOLS };

extern const char *const stream_cols[S_NCOLS];

/* The header line in the output format of rowout.h (TSV: with its newline). */
void stream_write_header(void);
/* Does this header row name exactly the ten stream columns? */
int stream_is_header(const struct row *h);

/* Write p[0..n) escaped (\\ \t \n \r, and NUL as \0). */
void tsv_write_field(const char *p, size_t n);
/* Write fields joined by TAB and a newline, each escaped. */
void tsv_write_row(const struct field *f, size_t nf);
/* Write a row with fields given as C strings (NULL = empty). */
void tsv_write_strs(const char *const *s, size_t n);
void tsv_write_ull(unsigned long long v);

#endif
