/* Fuzz tag-entities as a whole stage: gazetteer and dictionary matching, names, dates, and
 * the PCRE2 contact patterns (match limits), behind the real annotate driver. Input
 * layout: stage.h. */
#include "stage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int filter_main(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		stage_capture(filter_main, "tag-entities");
		ready = 1;
	}
	stage_run(data, size);
	return 0;
}
