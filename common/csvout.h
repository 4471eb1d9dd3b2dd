/* csvout: writing rows as RFC 4180 CSV (quoting by libcsv) through out.h. */
#ifndef COMMON_CSVOUT_H
#define COMMON_CSVOUT_H
#include <stddef.h>
#include "table.h"

/* Write one field, quoted when it holds a comma, quote, CR or LF (or leading/trailing space);
 * a NUL byte is written as the two characters \0. */
void csv_write_field(const char *p, size_t n);
/* Fields joined by commas, then CRLF-free "\n". */
void csv_write_row(const struct field *f, size_t nf);

#endif
