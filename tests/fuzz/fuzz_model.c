/* Fuzz tag-entities' model loading (filters/tag-entities/model.c): any bytes given to
 * model_open are refused with a message or accepted, never read out of bounds; an input
 * starting with 'G' becomes the weights of a well-formed model (its next bytes the table
 * size and templates) that is opened and run over a fixed text, so decoding is fuzzed too. */
#include <stdlib.h>
#include <string.h>
#include "../../filters/tag-entities/model.h"
#include "../../filters/tag-entities/res.h"
#include "feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char text[] = "新华社北京电 国务院总理李克强在人民大会堂会见克林顿。２０１９年Ａ股，港澳";

static void decode(const struct model *m)
{
	static struct ctx c;
	static struct model_work w;
	static int ready;
	if (!ready) {
		res_load_builtin();
		ready = 1;
	}
	ctx_load(&c, text, sizeof text - 1);
	ctx_scan(&c, res_lex());
	model_tag(m, &c, &w);
	for (size_t i = 0; i < c.n; i++)
		if (w.lab[i] >= MODEL_LABELS)
			feed_fail("a label out of range");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model m;
	char err[256];
	if (size >= 3 && data[0] == 'G') {
		uint32_t bits = 8 + data[1] % 4;
		uint8_t tpl[MODEL_MAX_TPL];
		size_t ntpl = 1 + data[2] % MODEL_MAX_TPL;
		for (size_t k = 0; k < ntpl; k++)
			tpl[k] = (uint8_t)(1 + (k < size - 3 ? data[3 + k] : k) % (TPL_LAST - 1));
		size_t n = ((size_t)1 << bits) * MODEL_LABELS;
		int8_t *wt = calloc(n, 1);
		for (size_t i = 3; i < size; i++)
			wt[(i * 2654435761u) % n] = (int8_t)data[i];
		struct model_trans t;
		memset(&t, 0, sizeof t);
		size_t len;
		unsigned char *p = model_build(bits, 0.25f, tpl, ntpl, &t, wt, &len);
		if (model_open(&m, p, len, err, sizeof err) != 0)
			feed_fail("a model just built does not open");
		decode(&m);
		free(p);
		free(wt);
		return 0;
	}
	/* a copy of exactly size bytes, so reading past the end is caught */
	unsigned char *p = malloc(size ? size : 1);
	memcpy(p, data, size);
	if (model_open(&m, p, size, err, sizeof err) == 0)
		decode(&m);
	else if (!err[0])
		feed_fail("a refused model without a message");
	free(p);
	return 0;
}
