/* aggregate: exact, streaming, mergeable group-by over headed TSV or CSV.
 * This file reads the command line into a struct agg; run.c and emit.c do the work. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "agg.h"
#include "charset.h"
#include "cli.h"
#include "meter.h"
#include "pathlist.h"
#include "scan.h"
#include "source.h"
#include "out.h"
#include "rowout.h"

enum { OPT_ORDER = 256, OPT_PARTIAL, OPT_SKIP_BAD, OPT_SORTED, OPT_GROUPED,
       OPT_EMPTY, OPT_THREADS, OPT_SORT_OUTPUT, OPT_MEMORY, OPT_NO_HEADER, OPT_ENCODING, OPT_FILES_FROM,
       OPT_PROGRESS };

static const struct cli_opt options[] = {
	{ "group", 'g', "COLS", "group by these columns (names or numbers, a,b,c)" },
	{ "where", 'w', "COL=VALUE", "only rows with COL = VALUE (COL!=VALUE: not); ANDed" },
	{ "ops", 'o', "OPS", "operations, comma-separated (as operands)" },
	{ "sort", 's', NULL, "group whatever the order (the default; datamash's -s)" },
	{ "grouped", OPT_GROUPED, NULL, "input grouped already: constant memory, streams" },
	{ "sorted", OPT_SORTED, NULL, "the same as --grouped" },
	{ "order", OPT_ORDER, "ORDER", "groups by 'key' (byte order, default) or 'first'" },
	{ "sort-output", OPT_SORT_OUTPUT, NULL, "the same as --order=key" },
	{ "threads", OPT_THREADS, "N", "1, 2 (halves of a file in two threads) or auto (default)" },
	{ "memory", OPT_MEMORY, "SIZE", "above SIZE (K, M, G), spill sorted groups to disk" },
	{ "partial", OPT_PARTIAL, NULL, "write mergeable states instead of results" },
	{ "merge", 'm', NULL, "combine partials of --partial (FILEs, no OPs)" },
	{ "skip-bad", OPT_SKIP_BAD, NULL, "skip non-numbers (counted on stderr), do not stop" },
	{ "empty", OPT_EMPTY, "RULE", "empty values: 'missing' (skipped, default) or 'error'" },
	{ "round", 'R', "N", "digits after the point of a mean (default 6)" },
	{ "no-header", OPT_NO_HEADER, NULL, "the input has no header line: columns by number" },
	{ "encoding", OPT_ENCODING, "NAME", "charset of the input: auto (default), UTF-8, GBK..." },
	{ "files-from", OPT_FILES_FROM, "FILE", "read the names of the input files from FILE, one a line" },
	{ "null", '0', NULL, "with --files-from: names are separated by NUL bytes" },
	{ "progress", OPT_PROGRESS, NULL, "show bytes, files and MB/s on stderr" },
	ROWOUT_OPTIONS,
	{ "pretty", 'p', NULL, "aligned table for people (CJK counts two columns)" },
	{ NULL, 0, NULL, NULL }
};

static const char examples[] =
	"\nExamples on the annotation stream:\n"
	"  entity frequencies (mentions, documents):\n"
	"    aggregate --where kind=ent -g type,text count countunique:doc\n"
	"  totals per unit:\n"
	"    aggregate --where kind=num -g type,unit count sum:value\n"
	"  across machines, a partial per part, then one merge:\n"
	"    aggregate --partial -w kind=num -g unit sum:value part1.tsv > p1.tsv\n"
	"    aggregate --merge p1.tsv p2.tsv\n"
	"\nNumbers are plain decimals (-12.5, 3., .5; no exponent, no separators),\n"
	"added exactly. An empty value is missing (as SQL's NULL): every operation\n"
	"on a column skips it, count without a column counts its row.\n"
	"Output: the group columns, then one column per operation.\n";

static void add_op(struct agg *a, const char *text)
{
	struct buf err = BUF_INIT;
	a->ops = xrealloc(a->ops, (a->nops + 1) * sizeof *a->ops);
	if (opspec_parse(&a->ops[a->nops], text, &err) < 0)
		usage_error("%s", err.p);
	a->nops++;
	buf_free(&err);
}

/* Split a comma-separated list in place; returns the number of items. */
static size_t split_commas(char *s, char ***items)
{
	size_t n = 1;
	for (char *p = s; *p; p++)
		n += *p == ',';
	*items = xcalloc(n, sizeof **items);
	for (size_t i = 0; i < n; i++) {
		(*items)[i] = s;
		s += strcspn(s, ",");
		if (*s)
			*s++ = '\0';
	}
	return n;
}

static void add_ops_list(struct agg *a, const char *arg)
{
	char *copy = xstrdup(arg), **items;
	size_t n = split_commas(copy, &items);
	for (size_t i = 0; i < n; i++)
		add_op(a, items[i]);
	free(items);
	free(copy);
}

static void add_where(struct agg *a, const char *arg)
{
	a->where = xrealloc(a->where, (a->nwhere + 1) * sizeof *a->where);
	if (where_parse(&a->where[a->nwhere], arg) < 0)
		usage_error("--where wants COL=VALUE or COL!=VALUE, not '%s'", arg);
	a->nwhere++;
}

static void set_groups(struct agg *a, const char *arg)
{
	if (a->keyspec) {
		free(a->keyspec[0]);
		free(a->keyspec);
	}
	a->nkeys = split_commas(xstrdup(arg), &a->keyspec);
	for (size_t i = 0; i < a->nkeys; i++)
		if (!*a->keyspec[i])
			usage_error("empty column name in -g '%s'", arg);
}

/* "SIZE": bytes, or with K, M, G or T, 1024 times as many each. */
static size_t parse_size(const char *arg)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(arg, &end, 10);
	unsigned shift = 0;
	const char *units = "KMGT", *u = *end ? strchr(units, *end) : NULL;
	if (u && *u)
		shift = 10 * (unsigned)(u - units + 1);
	if (end == arg || errno || !(*arg >= '0' && *arg <= '9') || (*end && (!u || !*u || end[1])) ||
	    (shift && v > (SIZE_MAX >> shift)) || v == 0)
		usage_error("--memory wants a size such as 500M or 2G, not '%s'", arg);
	return (size_t)(v << shift);
}

static const char *encoding = "auto", *files_from;
static int nul_names, progress;

static void parse_options(struct agg *a, int argc, char **argv, int *explicit_out)
{
	struct buf epilog = BUF_INIT;
	ops_help(&epilog);
	buf_adds(&epilog, examples);
	const struct cli_spec spec = {
		"[OPTION]... OP[:COL[:PARAM]]... [FILE]...",
		"Summarise groups of rows of headed TSV or CSV, exactly, in one pass.",
		options, epilog.p
	};
	const char *arg;
	int c;
	int pretty = 0;
	while ((c = cli_next(argc, argv, &spec, &arg)) != -1) {
		if (row_option(c)) {
			/* of the output formats the last one given decides; --csv's CSV input stays */
			if (c == ROWOPT_OCSV || c == ROWOPT_OJSONL || c == ROWOPT_CSV) {
				pretty = 0;
				*explicit_out = c != ROWOPT_CSV;
			} else if (c == ROWOPT_TSV) {
				pretty = *explicit_out = 0;
			}
			continue;
		}
		switch (c) {
		case 'g': set_groups(a, arg); break;
		case 'w': add_where(a, arg); break;
		case 'o': add_ops_list(a, arg); break;
		case 's': break;   /* datamash's "sort first": hash mode groups any order */
		case OPT_GROUPED: case OPT_SORTED: a->sorted = 1; break;
		case OPT_EMPTY:
			if (strcmp(arg, "missing") && strcmp(arg, "error"))
				usage_error("--empty wants 'missing' or 'error', not '%s'", arg);
			a->empty_error = strcmp(arg, "error") == 0;
			break;
		case 'm': a->merge = 1; break;
		case 'p': pretty = *explicit_out = 1; break;
		case 'R': {
			unsigned long long d = cli_ull("--round", arg);
			if (d > 1000000)
				usage_error("--round: %llu digits is more than 1000000", d);
			a->mean_digits = (unsigned)d;
			break;
		}
		case OPT_ORDER:
			if (strcmp(arg, "key") && strcmp(arg, "first"))
				usage_error("--order wants 'key' or 'first', not '%s'", arg);
			a->order_first = strcmp(arg, "first") == 0;
			break;
		case OPT_SORT_OUTPUT: a->order_first = 0; break;
		case OPT_THREADS:
			if (strcmp(arg, "auto") && strcmp(arg, "1") && strcmp(arg, "2"))
				usage_error("--threads wants 1, 2 or auto, not '%s'", arg);
			if (strcmp(arg, "auto"))
				a->threads = (unsigned)(arg[0] - '0');
			a->force_split = a->threads == 2;
			break;
		case OPT_MEMORY: a->mem_limit = parse_size(arg); break;
		case OPT_NO_HEADER: a->no_header = 1; break;
		case OPT_ENCODING: encoding = arg; break;
		case OPT_FILES_FROM: files_from = arg; break;
		case '0': nul_names = 1; break;
		case OPT_PROGRESS: progress = 1; break;
		case OPT_PARTIAL: a->partial = 1; break;
		case OPT_SKIP_BAD: a->skip_bad = 1; break;
		}
	}
	a->in = row_options_done() ? TBL_CSV : TBL_TSV;
	enum row_format rf = row_format();
	a->out = pretty ? OUT_PRETTY : rf == ROW_CSV ? OUT_CSV : rf == ROW_JSONL ? OUT_JSONL : OUT_TSV;
	buf_free(&epilog);
}

/* Leading operands that name an operation are operations; the rest are files. */
static int take_ops(struct agg *a, int argc, char **argv, int i)
{
	for (; i < argc && !a->merge; i++) {
		const char *colon = strchr(argv[i], ':');
		size_t n = colon ? (size_t)(colon - argv[i]) : strlen(argv[i]);
		if (!op_find(argv[i], n)) {
			if (colon && access(argv[i], F_OK) != 0)
				usage_error("unknown operation '%.*s' in '%s'", (int)n, argv[i], argv[i]);
			break;
		}
		add_op(a, argv[i]);
	}
	return i;
}

static void check_combination(const struct agg *a, int explicit_out)
{
	if (a->merge && (a->nops || a->nkeys || a->nwhere))
		usage_error("--merge takes groups and operations from the partials' header: no -g, -o, --where or OP");
	if (!a->merge && !a->nops)
		usage_error("no operation given (try: count, or sum:COLUMN)");
	if (nul_names && !files_from)
		usage_error("-0 goes with --files-from");
	charset_check_option(encoding);
	if (a->merge && a->no_header)
		usage_error("--merge reads partials, which have a header: no --no-header");
	if (a->mem_limit && a->order_first)
		usage_error("--memory spills groups sorted by key: it does not go with --order=first");
	if (a->partial && explicit_out)
		usage_error("a partial is always TSV: --partial goes with neither --ocsv, --ojsonl nor --pretty");
}

static int file_done(int r)
{
	meter_file_done();
	return r;
}

int main(int argc, char **argv)
{
	struct agg a;
	int explicit_out = 0;
	memset(&a, 0, sizeof a);
	a.mean_digits = 6;
	a.threads = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1;
	cli_init("aggregate");
	parse_options(&a, argc, argv, &explicit_out);
	int first_file = take_ops(&a, argc, argv, cli_optind());
	check_combination(&a, explicit_out);
	if (a.partial)
		a.out = OUT_TSV;
	if (!a.merge)
		agg_setup(&a);
	scan_set_encoding(encoding);
	source_encoding = encoding;
	meter_start(progress);
	int used = 0;
	if (files_from) {
		struct pathlist pl;
		if (pl_open(&pl, files_from, nul_names) < 0) {
			warn_at(files_from, 0, "%s", strerror(errno));
		} else {
			const char *name;
			while (!a.stop && (name = pl_next(&pl)))
				used += file_done(agg_file(&a, name)) == 0;
			pl_close(&pl);
		}
	}
	if (first_file == argc && !files_from)
		used += file_done(agg_file(&a, "-")) == 0;
	for (int i = first_file; i < argc && !a.stop; i++)
		used += file_done(agg_file(&a, argv[i])) == 0;
	if (!used)
		a.stop = 1;   /* no input could be used: write nothing rather than empty results */
	agg_finish(&a);
	meter_done(a.bytes_done);
	agg_free(&a);
	out_finish();
	return cli_status();
}
