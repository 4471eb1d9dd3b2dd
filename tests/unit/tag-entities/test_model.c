/* Unit tests of the sequence model: Viterbi against paths scored by hand, BIOES spans,
 * the file's write/read round trip and every kind of bad file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include "check.h"
#include "model.h"

#define L MODEL_LABELS
static const int O = 0;
#define BPER MODEL_LABEL(0, MODEL_B)
#define EPER MODEL_LABEL(0, MODEL_E)
#define SPER MODEL_LABEL(0, MODEL_S)
#define SLOC MODEL_LABEL(1, MODEL_S)

static void toy(float emit[3][L], struct model_trans *t)
{
	memset(t, 0, sizeof *t);
	for (int i = 0; i < 3; i++)
		for (int l = 0; l < L; l++)
			emit[i][l] = -100;
	/* position 0: B-PER 2, S-PER 1.5, O 0.5; 1: E-PER 1, O 2; 2: O 1, S-LOC 3 */
	emit[0][BPER] = 2;
	emit[0][SPER] = 1.5f;
	emit[0][O] = 0.5f;
	emit[1][EPER] = 1;
	emit[1][O] = 2;
	emit[2][O] = 1;
	emit[2][SLOC] = 3;
	model_constrain(t);
}

static void test_viterbi(void)
{
	float emit[3][L];
	struct model_trans t;
	uint8_t out[3];
	toy(emit, &t);
	/* by hand: S-PER O S-LOC = 1.5 + 2 + 3 = 6.5 beats B-PER E-PER S-LOC = 6 and O O S-LOC = 5.5 */
	model_viterbi(&emit[0][0], &t, 3, out);
	CHECK("viterbi: best of three paths", out[0] == SPER && out[1] == O && out[2] == SLOC);
	/* S-PER -> O costs 1: 5.5, so B-PER E-PER S-LOC (6) wins */
	toy(emit, &t);   /* the scores overwrote the emissions */
	t.tr[SPER][O] = -1;
	model_constrain(&t);
	model_viterbi(&emit[0][0], &t, 3, out);
	CHECK("viterbi: a transition score changes the path", out[0] == BPER && out[1] == EPER && out[2] == SLOC);
	/* a forbidden transition is never taken, however good the emission: I-PER after O */
	toy(emit, &t);
	emit[1][MODEL_LABEL(0, MODEL_I)] = 50;
	emit[2][MODEL_LABEL(0, MODEL_E)] = 50;
	emit[0][BPER] = -100;
	model_viterbi(&emit[0][0], &t, 3, out);
	CHECK("viterbi: no I or E without a B", out[1] != MODEL_LABEL(0, MODEL_I) && out[2] != MODEL_LABEL(0, MODEL_E));
	/* an entity cannot stay open at the end */
	toy(emit, &t);
	emit[2][MODEL_LABEL(1, MODEL_B)] = 50;
	model_viterbi(&emit[0][0], &t, 3, out);
	CHECK("viterbi: no B at the end", out[2] != MODEL_LABEL(1, MODEL_B));
}

static char spanbuf[256];
static void on_span(void *arg, size_t s, size_t e, int type)
{
	(void)arg;
	size_t n = strlen(spanbuf);
	snprintf(spanbuf + n, sizeof spanbuf - n, "%s%zu-%zu:%d", n ? " " : "", s, e, type);
}

static void test_spans(void)
{
	const uint8_t lab[] = { O, BPER, MODEL_LABEL(0, MODEL_I), EPER, SLOC, O, MODEL_LABEL(2, MODEL_B),
	                        MODEL_LABEL(2, MODEL_E) };
	spanbuf[0] = 0;
	model_spans(lab, sizeof lab, on_span, NULL);
	CHECK_STR("spans: BIES to spans", spanbuf, "1-4:0 4-5:1 6-8:2");
}

static unsigned char *toy_file(size_t *len, struct model_trans *t, int8_t **wout)
{
	uint32_t bits = 8;
	size_t n = ((size_t)1 << bits) * L;
	int8_t *w = malloc(n);
	for (size_t i = 0; i < n; i++)
		w[i] = (int8_t)((i * 37) % 255 - 127);
	memset(t, 0, sizeof *t);
	for (int a = 0; a < L; a++) {
		t->start[a] = (float)a / 4;
		t->end[a] = -(float)a / 8;
		for (int b = 0; b < L; b++)
			t->tr[a][b] = (float)(a - b) / 16;
	}
	const uint8_t tpl[] = { TPL_U0, TPL_B_10, TPL_DSTART };
	unsigned char *p = model_build(bits, 0.5f, tpl, sizeof tpl, t, w, len);
	*wout = w;
	return p;
}

static int opens(const unsigned char *p, size_t n, char *err)
{
	struct model m;
	return model_open(&m, p, n, err, 200);
}

static void test_file(void)
{
	size_t n;
	struct model_trans t;
	int8_t *w;
	unsigned char *p = toy_file(&n, &t, &w);
	struct model m;
	char err[200] = "";
	CHECK("file: round trip opens", model_open(&m, p, n, err, sizeof err) == 0);
	struct model_trans want = t;
	model_constrain(&want);
	CHECK("file: round trip keeps the fields", m.bits == 8 && m.scale == 0.5f && m.ntpl == 3 &&
	      m.tpl[0] == TPL_U0 && m.tpl[1] == TPL_B_10 && m.tpl[2] == TPL_DSTART &&
	      memcmp(&m.t, &want, sizeof want) == 0);
	CHECK("file: round trip keeps the weights", memcmp(m.w, w, (size_t)256 * L) == 0);

	unsigned char *q = malloc(n + 1);
	memcpy(q, p, n);
	CHECK("bad: empty", opens(q, 0, err) == -1 && strstr(err, "truncated"));
	CHECK("bad: truncated in the weights", opens(q, n - 1, err) == -1 && strstr(err, "truncated"));
	CHECK("bad: truncated in the header", opens(q, 100, err) == -1 && strstr(err, "truncated"));
	q[n] = 0;
	CHECK("bad: trailing bytes", opens(q, n + 1, err) == -1 && strstr(err, "trailing"));
	q[0] = 'X';
	CHECK("bad: magic", opens(q, n, err) == -1 && strstr(err, "magic"));
	memcpy(q, p, n);
	q[8] = 2;
	CHECK("bad: another version", opens(q, n, err) == -1 && strstr(err, "version 2"));
	memcpy(q, p, n);
	q[n / 2] ^= 1;
	CHECK("bad: a flipped weight", opens(q, n, err) == -1 && strstr(err, "checksum"));
	memcpy(q, p, n);
	q[29] ^= 0x40;   /* the scale is covered too */
	CHECK("bad: a changed scale", opens(q, n, err) == -1 && strstr(err, "checksum"));
	memcpy(q, p, n);
	q[16] = 30;      /* a table too large */
	CHECK("bad: table size", opens(q, n, err) == -1 && strstr(err, "rows"));

	/* through the file system */
	char path[] = "/tmp/test_model.XXXXXX";
	int fd = mkstemp(path);
	CHECK("map: temp file", fd >= 0 && write(fd, p, n) == (ssize_t)n);
	close(fd);
	CHECK("map: a good file", model_map(&m, path, err, sizeof err) == 0 && m.bits == 8);
	model_close(&m);
	CHECK("map: missing file", model_map(&m, "/nonexistent/x.model", err, sizeof err) == -1);
	CHECK("map: a directory", model_map(&m, "/tmp", err, sizeof err) == -2 && strstr(err, "directory"));
	fd = open(path, O_WRONLY | O_TRUNC);
	close(fd);
	CHECK("map: an empty file", model_map(&m, path, err, sizeof err) == -2 && strstr(err, "truncated"));
	unlink(path);
	free(q);
	free(p);
	free(w);
}

int main(void)
{
	check_suite = "unit/tag-entities/model";
	test_viterbi();
	test_spans();
	test_file();
	return check_done();
}
