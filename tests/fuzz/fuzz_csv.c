/* Fuzz the CSV bridge (common/table.c over libcsv): any bytes, any read sizes. */
#include "table_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	table_check(data, size, TBL_CSV);
	return 0;
}
