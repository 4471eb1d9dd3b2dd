/* Fuzz the annotate driver (common/annotate.c: stream grouping, prior rows, table and
 * line input, sorted output) with a toy stage that annotates digit runs and echoes the
 * prior rows whose spans fit the segment, so every output path is taken. */
#include "stage.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void toy(const struct segment *seg, struct annset *out)
{
	size_t cp = 0, run = 0;
	for (size_t i = 0; i <= seg->len;) {
		int32_t c = -1;
		size_t l = 1;
		if (i < seg->len)
			l = u8_decode(seg->text + i, seg->len - i, &c);
		if (u8_is_digit(c)) {
			run++;
		} else if (run) {
			ann_add(out, cp - run, cp, "count", "1", "个", run > 3 ? "about" : NULL);
			run = 0;
		}
		i += l;
		cp++;
	}
	for (size_t i = 0; i < seg->nprior; i++) {
		const struct prior *p = &seg->prior[i];
		if (*p->type && p->start < p->end && p->end <= seg->ncp)
			ann_add(out, p->start, p->end, p->type, p->value, NULL, NULL);
	}
}

static const struct annotator toy_stage = {
	.name = "fuzz-annotate", .kind = "num", .summary = "toy", .annotate = toy,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		stage_use(&toy_stage);
		ready = 1;
	}
	stage_run(data, size);
	return 0;
}
