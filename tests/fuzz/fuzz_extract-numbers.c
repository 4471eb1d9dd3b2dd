/* Fuzz extract-numbers as a whole stage: its scanner (numerals, units, modifiers, ranges,
 * exclusions, the digits inside prior DATE/PHONE rows) behind the real annotate driver.
 * Input layout: stage.h. */
#include "stage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int filter_main(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		stage_capture(filter_main, "extract-numbers");
		ready = 1;
	}
	stage_run(data, size);
	return 0;
}
