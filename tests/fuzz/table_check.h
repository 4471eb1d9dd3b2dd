/* table_check: read a whole table from the fuzz input and check what table.h promises of
 * every row it hands out. Shared by the TSV and CSV harnesses. */
#ifndef FUZZ_TABLE_CHECK_H
#define FUZZ_TABLE_CHECK_H
#include <stddef.h>
#include <stdint.h>
#include "table.h"

/* Input layout: byte 0 = flags (bit 0 header, bit 1 loose width, bits 2-7 read size - 1),
 * the rest is the file. */
void table_check(const uint8_t *data, size_t size, enum tbl_format fmt);

#endif
