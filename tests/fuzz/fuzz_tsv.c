/* Fuzz the stream/TSV reader (common/table.c, input.c): any bytes, any read sizes. */
#include "table_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	table_check(data, size, TBL_TSV);
	return 0;
}
