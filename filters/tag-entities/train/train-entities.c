/* train-entities: train tag-entities' sequence model (model.h) as an averaged structured
 * perceptron on character-per-line BIO files (char TAB O|B-PER|I-PER|B-LOC|...; a blank
 * line ends a sentence; FILE.xz is read through xz -dc). The last tenth of each file is
 * held out as its dev set; every epoch prints the dev F1 per type. Sentences are visited
 * in an order shuffled by a fixed seed, so the same data give the same model bytes.
 * The names of each training half feed the word-list features of the other; -g writes
 * them all, for data/model-entities.txt, which the built model then needs.
 * -x leaves out feature templates by id (model.h), for ablations.
 *   train-entities [-e EPOCHS] [-b BITS] [-o MODEL] [-g NAMES] [-x ID,...] FILE... */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "buf.h"
#include "cli.h"
#include "ctx.h"
#include "model.h"
#include "res.h"

struct sent {
	size_t off, len;     /* text bytes in the pool */
	size_t loff, n;      /* labels (code points) */
	int fold;            /* training half (0, 1) of its corpus; its names serve the other */
};

struct corpus {
	const char *name;
	struct sent *s;
	size_t n, ndev;      /* the last ndev sentences are its dev set */
};

static struct buf text = BUF_INIT;
static uint8_t *glab;
static size_t nlabs, labcap;

static int bio_label(const char *t)
{
	static const char *const types[] = { "PER", "LOC", "ORG" };
	if (strcmp(t, "O") == 0)
		return 0;
	for (int k = 0; k < 3; k++)
		if ((t[0] == 'B' || t[0] == 'I') && t[1] == '-' && strcmp(t + 2, types[k]) == 0)
			return t[0] == 'B' ? MODEL_LABEL(k, MODEL_B) : MODEL_LABEL(k, MODEL_I);
	return -1;
}

/* BIO (B and I only) to BIOES, in place. */
static void to_bioes(uint8_t *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!l[i])
			continue;
		int type = (l[i] - 1) / 4;
		int last = i + 1 == n || l[i + 1] != MODEL_LABEL(type, MODEL_I);
		if (l[i] == MODEL_LABEL(type, MODEL_B))
			l[i] = (uint8_t)(last ? MODEL_LABEL(type, MODEL_S) : MODEL_LABEL(type, MODEL_B));
		else   /* an I: one after an O starts an entity */
			l[i] = (uint8_t)(i == 0 || !l[i - 1] || (l[i - 1] - 1) / 4 != type || (l[i - 1] - 1) % 4 >= 2
			                 ? (last ? MODEL_LABEL(type, MODEL_S) : MODEL_LABEL(type, MODEL_B))
			                 : (last ? MODEL_LABEL(type, MODEL_E) : MODEL_LABEL(type, MODEL_I)));
	}
}

static FILE *open_input(const char *path, pid_t *pid)
{
	*pid = 0;
	size_t n = strlen(path);
	if (n < 3 || strcmp(path + n - 3, ".xz") != 0) {
		FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
		if (!f)
			fatal(EXIT_DATA, "%s: cannot read", path);
		return f;
	}
	int fd[2];
	if (pipe(fd) != 0)
		fatal(EXIT_SYS, "pipe failed");
	*pid = fork();
	if (*pid < 0)
		fatal(EXIT_SYS, "fork failed");
	if (*pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execlp("xz", "xz", "-dc", "--", path, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	return fdopen(fd[0], "r");
}

static void read_corpus(struct corpus *c, const char *path)
{
	pid_t pid;
	FILE *f = open_input(path, &pid);
	char *line = NULL;
	size_t cap = 0, cap_s = 0;
	ssize_t len;
	unsigned long long lineno = 0;
	struct sent cur = { text.n, 0, nlabs, 0, 0 };
	c->name = path;
	for (;;) {
		len = getline(&line, &cap, f);
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = 0;
		if (len <= 0) {
			if (cur.n) {
				cur.len = text.n - cur.off;
				to_bioes(glab + cur.loff, cur.n);
				if (c->n == cap_s) {
					cap_s = cap_s ? cap_s * 2 : 1024;
					c->s = xrealloc(c->s, cap_s * sizeof *c->s);
				}
				c->s[c->n++] = cur;
			}
			cur = (struct sent){ text.n, 0, nlabs, 0, 0 };
			if (len < 0)
				break;
			continue;
		}
		char *tab = strchr(line, '\t');
		int l = tab ? bio_label(tab + 1) : -1;
		if (!tab || tab == line || l < 0) {
			warn_at(path, lineno, "not a char<TAB>tag line; skipped");
			continue;
		}
		int32_t *cp = NULL;
		size_t cpcap = 0;
		if (res_decode(line, (size_t)(tab - line), &cp, &cpcap) != 1) {
			free(cp);
			warn_at(path, lineno, "not one character; skipped");
			continue;
		}
		free(cp);
		buf_add(&text, line, (size_t)(tab - line));
		if (nlabs == labcap) {
			labcap = labcap ? labcap * 2 : 1 << 20;
			glab = xrealloc(glab, labcap);
		}
		glab[nlabs++] = (uint8_t)l;
		cur.n++;
	}
	free(line);
	if (pid) {
		fclose(f);
		int st;
		if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			fatal(EXIT_DATA, "%s: xz -dc failed", path);
	} else if (f != stdin) {
		fclose(f);
	}
	c->ndev = c->n / 10;
}

/* ---- the perceptron ---- */

static uint32_t bits = 18;
static size_t rows;
static float *W, *U, *A;              /* weights, their time-weighted sums, the averages */
static struct model_trans T, TU, TA;
static double clock_c = 1;            /* updates seen, for averaging */
static uint8_t tpl[MODEL_MAX_TPL];   /* the templates used: all this build knows but -x's */
static size_t ntpl;

static void emissions(const float *w, const struct model_work *mw, size_t n, float *emit)
{
	for (size_t i = 0; i < n; i++) {
		float *e = emit + i * MODEL_LABELS;
		memset(e, 0, MODEL_LABELS * sizeof *e);
		const uint64_t *h = mw->h + i * ntpl;
		for (size_t k = 0; k < ntpl; k++) {
			const float *r = w + (size_t)model_row(h[k], bits) * MODEL_LABELS;
			for (int l = 0; l < MODEL_LABELS; l++)
				e[l] += r[l];
		}
	}
}

static void upd(float *w, float *u, float d)
{
	*w += d;
	*u += (float)(clock_c * d);
}

static void update(const struct model_work *mw, const uint8_t *gold, const uint8_t *pred, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (gold[i] != pred[i]) {
			const uint64_t *h = mw->h + i * ntpl;
			for (size_t k = 0; k < ntpl; k++) {
				size_t r = (size_t)model_row(h[k], bits) * MODEL_LABELS;
				upd(&W[r + gold[i]], &U[r + gold[i]], 1);
				upd(&W[r + pred[i]], &U[r + pred[i]], -1);
			}
		}
		if (i == 0) {
			if (gold[0] != pred[0]) {
				upd(&T.start[gold[0]], &TU.start[gold[0]], 1);
				upd(&T.start[pred[0]], &TU.start[pred[0]], -1);
			}
		} else if (gold[i - 1] != pred[i - 1] || gold[i] != pred[i]) {
			upd(&T.tr[gold[i - 1]][gold[i]], &TU.tr[gold[i - 1]][gold[i]], 1);
			upd(&T.tr[pred[i - 1]][pred[i]], &TU.tr[pred[i - 1]][pred[i]], -1);
		}
	}
	if (n && gold[n - 1] != pred[n - 1]) {
		upd(&T.end[gold[n - 1]], &TU.end[gold[n - 1]], 1);
		upd(&T.end[pred[n - 1]], &TU.end[pred[n - 1]], -1);
	}
}

static void average(void)
{
	for (size_t i = 0; i < rows * MODEL_LABELS; i++)
		A[i] = (float)(W[i] - U[i] / clock_c);
	float *t = (float *)&T, *u = (float *)&TU, *a = (float *)&TA;
	for (size_t i = 0; i < sizeof T / sizeof(float); i++)
		a[i] = (float)(t[i] - u[i] / clock_c);
	model_constrain(&TA);
}

/* ---- scoring ---- */

struct prf { size_t gold[3], pred[3], hit[3]; };

struct spanlist { size_t (*s)[3]; size_t n, cap; };

static void collect(void *arg, size_t s, size_t e, int type)
{
	struct spanlist *l = arg;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->s = xrealloc(l->s, l->cap * sizeof *l->s);
	}
	l->s[l->n][0] = s;
	l->s[l->n][1] = e;
	l->s[l->n][2] = (size_t)type;
	l->n++;
}

static void score(struct prf *r, const uint8_t *gold, const uint8_t *pred, size_t n)
{
	static struct spanlist g, p;
	g.n = p.n = 0;
	model_spans(gold, n, collect, &g);
	model_spans(pred, n, collect, &p);
	for (size_t k = 0; k < g.n; k++)
		r->gold[g.s[k][2]]++;
	for (size_t k = 0; k < p.n; k++) {
		r->pred[p.s[k][2]]++;
		for (size_t j = 0; j < g.n; j++)
			if (memcmp(g.s[j], p.s[k], sizeof g.s[j]) == 0)
				r->hit[p.s[k][2]]++;
	}
}

static double f1(size_t g, size_t p, size_t h)
{
	return g + p ? 2.0 * (double)h / (double)(g + p) : 0;
}

static void report(const char *name, const struct prf *r)
{
	size_t g = 0, p = 0, h = 0;
	for (int k = 0; k < 3; k++) {
		g += r->gold[k];
		p += r->pred[k];
		h += r->hit[k];
	}
	fprintf(stderr, "  dev %s: F1 %.4f (P %.4f R %.4f) PER %.4f LOC %.4f ORG %.4f\n", name, f1(g, p, h),
	        p ? (double)h / (double)p : 0, g ? (double)h / (double)g : 0, f1(r->gold[0], r->pred[0], r->hit[0]),
	        f1(r->gold[1], r->pred[1], r->hit[1]), f1(r->gold[2], r->pred[2], r->hit[2]));
}

static struct ctx cx;
static struct model_work mw;
static float *emit;
static uint8_t *pred;
static size_t ecap;

static struct lex *fold_words[2], *all_words;

static void prepare(const struct sent *s)
{
	ctx_load(&cx, text.p + s->off, s->len);
	ctx_scan(&cx, res_lex());
	model_hash(&cx, tpl, ntpl, &mw);
	if (cx.n > ecap) {
		ecap = cx.n * 2;
		emit = xrealloc(emit, ecap * MODEL_LABELS * sizeof *emit);
		pred = xrealloc(pred, ecap);
	}
	if (cx.n != s->n)
		fatal(EXIT_DATA, "sentence at byte %zu: %zu characters, %zu labels", s->off, cx.n, s->n);
}

/* Dev F1 of each corpus, with the averaged float weights or (qm set) a built model. */
static double evaluate(struct corpus *cs, size_t nc, const struct model *qm)
{
	struct prf all = { 0 };
	model_use_words(all_words);
	for (size_t c = 0; c < nc; c++) {
		struct prf r = { 0 };
		for (size_t k = cs[c].n - cs[c].ndev; k < cs[c].n; k++) {
			const struct sent *s = &cs[c].s[k];
			const uint8_t *out;
			if (qm) {
				ctx_load(&cx, text.p + s->off, s->len);
				ctx_scan(&cx, res_lex());
				model_tag(qm, &cx, &mw);
				out = mw.lab;
			} else {
				prepare(s);
				emissions(A, &mw, s->n, emit);
				model_viterbi(emit, &TA, s->n, pred);
				out = pred;
			}
			score(&r, glab + s->loff, out, s->n);
		}
		report(cs[c].name, &r);
		for (int t = 0; t < 3; t++) {
			all.gold[t] += r.gold[t];
			all.pred[t] += r.pred[t];
			all.hit[t] += r.hit[t];
		}
	}
	if (nc > 1)
		report("all", &all);
	size_t g = 0, p = 0, h = 0;
	for (int t = 0; t < 3; t++) {
		g += all.gold[t];
		p += all.pred[t];
		h += all.hit[t];
	}
	return f1(g, p, h);
}

/* The names of the training sentences: those of each half feed the word-list features of
 * the other half (so that the model does not learn to trust a list that always holds the
 * answer), all of them the dev sets' and the list written with -g. */
static struct buf names = BUF_INIT;
struct namectx { const int32_t *cp; int fold; };

static void on_name(void *arg, size_t s, size_t e, int type)
{
	const struct namectx *nc = arg;
	static const char kind[3] = { 'P', 'L', 'O' };
	if (e - s < 2)
		return;
	const struct lexinfo *old = lex_get(all_words, nc->cp + s, e - s);
	uint32_t bit = 1u << (5 + type);
	model_words_add(fold_words[1 - nc->fold], nc->cp + s, e - s, kind[type]);
	if (old && (old->flags & bit))
		return;
	model_words_add(all_words, nc->cp + s, e - s, kind[type]);
	for (size_t i = s; i < e; i++)
		buf_add_cp(&names, nc->cp[i]);
	buf_addf(&names, "\t%c\n", kind[type]);
}

static void collect_names(struct corpus *cs, size_t nc)
{
	fold_words[0] = model_words_new(0);
	fold_words[1] = model_words_new(0);
	all_words = model_words_new(0);
	int32_t *cp = NULL;
	size_t cap = 0;
	for (size_t c = 0; c < nc; c++) {
		size_t ntr = cs[c].n - cs[c].ndev;
		for (size_t k = 0; k < ntr; k++) {
			struct sent *s = &cs[c].s[k];
			s->fold = k >= ntr / 2;
			if (res_decode(text.p + s->off, s->len, &cp, &cap) != (long)s->n)
				continue;
			struct namectx ctx = { cp, s->fold };
			model_spans(glab + s->loff, s->n, on_name, &ctx);
		}
	}
	free(cp);
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Weights as int8 with one scale: the largest magnitude among all but the largest
 * 1/keep of the weights maps to 127, those beyond are clipped. */
static int8_t *quantise(float *scale, size_t keep)
{
	size_t n = rows * MODEL_LABELS;
	float *mag = xmalloc(n * sizeof *mag);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (A[i] != 0)
			mag[m++] = fabsf(A[i]);
	float top = 1;
	if (m) {
		/* the 99.99th percentile by a histogram of magnitudes */
		float mx = 0;
		for (size_t i = 0; i < m; i++)
			mx = mag[i] > mx ? mag[i] : mx;
		enum { NBIN = 4096 };
		size_t *hist = xcalloc(NBIN, sizeof *hist);
		for (size_t i = 0; i < m; i++)
			hist[(size_t)(mag[i] / mx * (NBIN - 1))]++;
		size_t want = m - m / keep, acc = 0, b = 0;
		while (b < NBIN - 1 && (acc += hist[b]) < want)
			b++;
		top = (float)(b + 1) / (NBIN - 1) * mx;
		free(hist);
	}
	free(mag);
	*scale = top / 127;
	int8_t *q = xmalloc(n);
	for (size_t i = 0; i < n; i++) {
		float v = roundf(A[i] / *scale);
		q[i] = (int8_t)(v > 127 ? 127 : v < -127 ? -127 : v);
	}
	return q;
}

int main(int argc, char **argv)
{
	cli_init("train-entities");
	int epochs = 10;
	const char *out = NULL, *names_out = NULL;
	int opt;
	const char *exclude = "";
	while ((opt = getopt(argc, argv, "e:b:o:g:x:")) != -1) {
		if (opt == 'e')
			epochs = atoi(optarg);
		else if (opt == 'b')
			bits = (uint32_t)atoi(optarg);
		else if (opt == 'o')
			out = optarg;
		else if (opt == 'g')
			names_out = optarg;
		else if (opt == 'x')
			exclude = optarg;
		else
			usage_error("usage: train-entities [-e EPOCHS] [-b BITS] [-o MODEL] [-g NAMES] [-x ID,...] FILE...");
	}
	if (optind >= argc || epochs < 1 || bits < 8 || bits > 26)
		usage_error("usage: train-entities [-e EPOCHS] [-b BITS 8-26] [-o MODEL] [-g NAMES] [-x ID,...] FILE...");
	res_load_builtin();
	for (size_t k = 0; model_templates[k]; k++) {
		char id[8];
		snprintf(id, sizeof id, ",%u,", model_templates[k]);
		struct buf ex = BUF_INIT;
		buf_addf(&ex, ",%s,", exclude);
		if (!strstr(ex.p, id))
			tpl[ntpl++] = model_templates[k];
		buf_free(&ex);
	}
	if (!ntpl)
		usage_error("-x leaves no feature template");
	size_t nc = (size_t)(argc - optind);
	struct corpus *cs = xcalloc(nc, sizeof *cs);
	size_t ntrain = 0;
	for (size_t c = 0; c < nc; c++) {
		read_corpus(&cs[c], argv[optind + c]);
		ntrain += cs[c].n - cs[c].ndev;
		fprintf(stderr, "%s: %zu sentences, the last %zu held out as dev\n", cs[c].name, cs[c].n, cs[c].ndev);
	}
	collect_names(cs, nc);
	const struct sent **order = xmalloc((ntrain ? ntrain : 1) * sizeof *order);
	size_t k = 0;
	for (size_t c = 0; c < nc; c++)
		for (size_t i = 0; i < cs[c].n - cs[c].ndev; i++)
			order[k++] = &cs[c].s[i];
	rows = (size_t)1 << bits;
	W = xcalloc(rows * MODEL_LABELS, sizeof *W);
	U = xcalloc(rows * MODEL_LABELS, sizeof *U);
	A = xcalloc(rows * MODEL_LABELS, sizeof *A);
	for (int ep = 1; ep <= epochs; ep++) {
		clock_t t0 = clock();
		for (size_t i = ntrain; i > 1; i--) {   /* Fisher-Yates, fixed seed */
			size_t j = (size_t)(next_rand() % i);
			const struct sent *t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		size_t wrong = 0;
		struct model_trans tc = T;
		for (size_t i = 0; i < ntrain; i++) {
			const struct sent *s = order[i];
			model_use_words(fold_words[s->fold]);
			prepare(s);
			emissions(W, &mw, s->n, emit);
			tc = T;
			model_constrain(&tc);
			model_viterbi(emit, &tc, s->n, pred);
			const uint8_t *gold = glab + s->loff;
			if (memcmp(gold, pred, s->n) != 0) {
				wrong++;
				update(&mw, gold, pred, s->n);
			}
			clock_c++;
		}
		average();
		fprintf(stderr, "epoch %d: %zu of %zu training sentences wrong, %.1f s\n", ep, wrong, ntrain,
		        (double)(clock() - t0) / CLOCKS_PER_SEC);
		evaluate(cs, nc, NULL);
	}
	/* the clipping point that keeps the dev F1 best (the file holds int8 weights) */
	static const size_t keeps[] = { (size_t)-1, 100000, 10000 };
	unsigned char *file = NULL;
	size_t len = 0;
	double best = -1;
	for (size_t k = 0; k < sizeof keeps / sizeof *keeps; k++) {
		float scale;
		int8_t *q = quantise(&scale, keeps[k]);
		size_t n;
		unsigned char *f = model_build(bits, scale, tpl, ntpl, &TA, q, &n);
		free(q);
		struct model m;
		char err[256];
		if (model_open(&m, f, n, err, sizeof err) != 0)
			fatal(EXIT_SYS, "the model just built does not load: %s", err);
		if (keeps[k] == (size_t)-1)
			fprintf(stderr, "quantised to int8, no clipping (scale %g), %zu bytes:\n", (double)scale, n);
		else
			fprintf(stderr, "quantised to int8, clipping the largest 1/%zu (scale %g), %zu bytes:\n",
			        keeps[k], (double)scale, n);
		double r = evaluate(cs, nc, &m);
		if (r > best) {
			best = r;
			free(file);
			file = f;
			len = n;
		} else {
			free(f);
		}
	}
	if (names_out) {
		FILE *f = fopen(names_out, "w");
		if (!f || fprintf(f, "# Names of the training data (PER P, LOC L, ORG O) for the sequence model's word-list\n"
		                     "# features (model.c), written by train-entities -g from the training portion of its corpora.\n") < 0 ||
		    fwrite(names.p, 1, names.n, f) != names.n || fclose(f) != 0)
			fatal(EXIT_SYS, "%s: cannot write", names_out);
		fprintf(stderr, "wrote %s\n", names_out);
	}
	if (out) {
		FILE *f = fopen(out, "wb");
		if (!f || fwrite(file, 1, len, f) != len || fclose(f) != 0)
			fatal(EXIT_SYS, "%s: cannot write", out);
		fprintf(stderr, "wrote %s\n", out);
	}
	free(file);
	free(W);
	free(U);
	free(A);
	free(order);
	for (size_t c = 0; c < nc; c++)
		free(cs[c].s);
	free(cs);
	free(glab);
	buf_free(&text);
	free(emit);
	free(pred);
	ctx_free(&cx);
	model_work_free(&mw);
	model_use_words(NULL);
	for (int k = 0; k < 2; k++)
		lex_free(fold_words[k]);
	lex_free(all_words);
	buf_free(&names);
	model_lexicon_free();
	return 0;
}
