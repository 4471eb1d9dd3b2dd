/* stage: fuzz an annotating stage (tag-entities, extract-numbers, or a toy one) through the
 * real driver of common/annotate.c, one input at a time in one process. The harness
 * builds the driver into itself so it can reset the driver's state between inputs (the
 * program runs it once), and takes the stage's annotator from the stage's own main(),
 * which is compiled as filter_main. */
#ifndef FUZZ_STAGE_H
#define FUZZ_STAGE_H
#include <stddef.h>
#include <stdint.h>
#include "annotate.h"

/* Run main (the stage's, renamed) until it hands its annotator to annotate_main; the
 * annotator is kept and its init() run. */
void stage_capture(int (*filter_main)(int, char **), const char *name);
/* Use a directly given annotator instead (init() is run). */
void stage_use(const struct annotator *a);
/* Input layout: byte 0 = input mode (0 stream with the header supplied, 1 stream as is,
 * 2 --lines, 3 TSV table --text text --id id, 4 the same as CSV; bit 3 --only), byte 1 =
 * read size - 1; the rest is the input. */
void stage_run(const uint8_t *data, size_t size);

#endif
