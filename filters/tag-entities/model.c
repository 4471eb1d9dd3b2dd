/* model: features, Viterbi and the model file; see model.h. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "cli.h"
#include "model.h"
#include "res.h"

const char *const model_label_names[MODEL_LABELS] = {
	"O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-LOC",
	"B-ORG", "I-ORG", "E-ORG", "S-ORG"
};

const uint8_t model_templates[] = {
	TPL_U_2, TPL_U_1, TPL_U0, TPL_U1, TPL_U2, TPL_B_21, TPL_B_10, TPL_B01, TPL_B12, TPL_B_11,
	TPL_T_101, TPL_CLASS, TPL_DSTART, TPL_DEND, TPL_DPREV, TPL_DNEXT, TPL_DIN,
	TPL_JSTART, TPL_JEND, TPL_JIN, 0
};

static const char magic[8] = { 'T', 'E', 'N', 'E', 'R', 'M', 'D', 'L' };

/* ---- features ---- */

#define CP_BOS 0x110000
#define CP_EOS 0x110001

/* Full-width forms as their ASCII twins (the training text is mostly full-width, news
 * pages mostly not), letters in lower case, every digit one digit. */
static inline int32_t norm(int32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E)
		c -= 0xFEE0;
	else if (c == 0x3000 || c == '\t' || c == 0xA0)
		c = ' ';
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	else if (c >= '0' && c <= '9')
		c = '0';
	return c;
}

static int cclass(int32_t c)
{
	switch (c) {
	case CP_BOS: case CP_EOS: return 0;
	case 0x3007: case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: case 0x516D:
	case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: case 0x767E: case 0x5343: case 0x4E07:
	case 0x4EBF: case 0x4E24: case 0x96F6:   /* 〇一二三四五六七八九十百千万亿两零 */
		return 4;
	case ' ': return 6;
	default: break;
	}
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3FFFF))
		return 1;
	if (c == '0')
		return 2;
	if (c >= 'a' && c <= 'z')
		return 3;
	if (c == 0xB7 || c == 0x30FB || c == 0x2027 || c == 0x2022)   /* the dot of foreign names */
		return 7;
	return 5;
}

static inline uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static inline uint64_t fh(unsigned tpl, uint32_t a, uint32_t b, uint32_t c)
{
	return mix(((uint64_t)tpl << 58) ^ ((uint64_t)a << 37) ^ ((uint64_t)b << 16) ^
	           ((uint64_t)c * 0x9E3779B97F4A7C15ULL));
}

/* Lexicon facts packed small, one set per template. */
static uint32_t lenclass(unsigned n)
{
	return n > 4 ? 4 : n;
}

/* The lexicon flags each template looks at (several facts a template, one key). */
#define START_BITS (W_LOC | W_ORG | W_PER | W_SURNAME | W_LSFX | W_OSFX | W_PTITLE | W_PAFTER | \
                    W_PBEFORE | W_STOP | W_FUNC | W_HARD | W_IDIOM | W_COMMON | W_NONAME)
#define END_BITS (W_LOC | W_ORG | W_PER | W_LSFX | W_OSFX | W_PBEFORE | W_SURNAME | W_STOP | \
                  W_FUNC | W_HARD | W_BYLINE | W_PTITLE)
#define PREV_BITS (W_PBEFORE | W_BYLINE | W_STOP | W_FUNC | W_HARD | W_LOC | W_ORG | W_PER | \
                   W_LSFX | W_OSFX | W_NUMERAL | W_MEASURE)
#define NEXT_BITS (W_PAFTER | W_PTITLE | W_LSFX | W_OSFX | W_LOC | W_ORG | W_PER | W_STOP | \
                   W_FUNC | W_HARD)

static void grow(struct model_work *w, size_t n, size_t ntpl)
{
	if (n + 1 > w->cap) {
		size_t cap = w->cap ? w->cap : 256;
		while (cap < n + 1)
			cap *= 2;
		w->din = xrealloc(w->din, cap);
		w->js = xrealloc(w->js, cap * sizeof *w->js);
		w->je = xrealloc(w->je, cap);
		w->ji = xrealloc(w->ji, cap);
		w->emit = xrealloc(w->emit, cap * MODEL_LABELS * sizeof *w->emit);
		w->lab = xrealloc(w->lab, cap);
		w->cap = cap;
	}
	if ((n + 1) * ntpl > w->hcap) {
		size_t cap = w->hcap ? w->hcap : 4096;
		while (cap < (n + 1) * ntpl)
			cap *= 2;
		w->h = xrealloc(w->h, cap * sizeof *w->h);
		w->hcap = cap;
	}
}

void model_work_free(struct model_work *w)
{
	free(w->din);
	free(w->js);
	free(w->je);
	free(w->ji);
	free(w->h);
	free(w->emit);
	free(w->lab);
	memset(w, 0, sizeof *w);
}

/* Which known entities (and long ordinary words) cover each position past their first
 * character: bits 0-2 PER/LOC/ORG inside, bit 3 ordinary word inside. */
static void coverage(const struct ctx *c, uint8_t *din)
{
	memset(din, 0, c->n + 1);
	for (size_t i = 0; i < c->n; i++) {
		const struct pos *p = &c->at[i];
		if (p->ent >= 2) {
			uint32_t f = ctx_info(c, p->ei)->flags;
			uint8_t b = (uint8_t)((f & W_PER ? 1 : 0) | (f & W_LOC ? 2 : 0) | (f & W_ORG ? 4 : 0));
			for (size_t j = i + 1; j < i + p->ent && j < c->n; j++)
				din[j] |= b;
		}
		for (size_t j = i + 1; j < i + p->ord && j < c->n; j++)
			din[j] |= 8;
	}
}

/* The model's own word list, kept apart from the rules' lexicon so that the rules never
 * see it: data/model-lexicon.txt (from jieba's dictionary) and data/model-entities.txt
 * (the names of the training data, written by the trainer). Kinds as bits. */
extern const char data_model_lexicon_txt[], data_model_entities_txt[];
extern const unsigned long data_model_lexicon_txt_len, data_model_entities_txt_len;
enum { MW_PER = 1, MW_FOREIGN = 2, MW_LOC = 4, MW_ORG = 8, MW_WORD = 16 };
static const char kinds[] = "pflowPLO";
static struct lex *builtin_words;
static const struct lex *words_in_use;

void model_words_add(struct lex *x, const int32_t *cp, size_t n, char kind)
{
	const char *k = strchr(kinds, kind);
	if (k && *k && n)
		lex_put(x, cp, n)->flags |= 1u << (k - kinds);
}

static void load_words(struct lex *x, const char *p, size_t len)
{
	const char *end = p + len;
	int32_t *cp = NULL;
	size_t cap = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *tab = memchr(p, '\t', (size_t)(e - p));
		if (*p != '#' && tab && tab + 1 < e) {
			long got = res_decode(p, (size_t)(tab - p), &cp, &cap);
			if (got > 0)
				model_words_add(x, cp, (size_t)got, tab[1]);
		}
		p = e + 1;
	}
	free(cp);
}

struct lex *model_words_new(int entities)
{
	struct lex *x = lex_new(1);
	load_words(x, data_model_lexicon_txt, data_model_lexicon_txt_len);
	if (entities)
		load_words(x, data_model_entities_txt, data_model_entities_txt_len);
	return x;
}

void model_use_words(const struct lex *x)
{
	words_in_use = x;
}

static const struct lex *model_lexicon(void)
{
	if (words_in_use)
		return words_in_use;
	if (!builtin_words)
		builtin_words = model_words_new(1);
	return builtin_words;
}

void model_lexicon_free(void)
{
	if (builtin_words)
		lex_free(builtin_words);
	builtin_words = NULL;
	words_in_use = NULL;
}

/* Words of the model's list at each position: kinds starting (with the longest length in
 * bits 8-10), ending, and covering a position past a word's first character. */
static void words(const struct ctx *c, struct model_work *w)
{
	const struct lex *x = model_lexicon();
	size_t n = c->n;
	memset(w->js, 0, (n + 1) * sizeof *w->js);
	memset(w->je, 0, n + 1);
	memset(w->ji, 0, n + 1);
	for (size_t i = 0; i < n; i++) {
		uint32_t node = lex_step(x, 0, c->cp[i]);
		size_t longest = 0;
		for (size_t j = i; node;) {
			const struct lexinfo *li = lex_info(x, node);
			if (li) {
				uint8_t f = (uint8_t)li->flags;
				size_t len = j - i + 1;
				w->js[i] |= f;
				w->je[j] |= f;
				for (size_t k = i + 1; k <= j; k++)
					w->ji[k] |= f;
				longest = len;
			}
			/* the pair filter saves most probes of the edge table, which is not in the cache */
			if (++j >= n || (j == i + 1 && !lex_may_pair(x, c->cp[i], c->cp[j])))
				break;
			node = lex_step(x, node, c->cp[j]);
		}
		w->js[i] = (uint16_t)(w->js[i] | (longest > 4 ? 4 : longest) << 8);
	}
}

/* The hash of template t at position i; ch and cl are the window -2..+2 around it. */
static inline __attribute__((always_inline))
uint64_t feature(unsigned t, const struct ctx *c, const struct model_work *w, size_t i,
                 const int32_t *ch, const int *cl)
{
	size_t n = c->n;
	const struct pos *p = &c->at[i], *q = &c->at[i + 1];
	uint64_t v;
	switch (t) {
	case TPL_U_2: v = fh(t, (uint32_t)ch[0], 0, 0); break;
	case TPL_U_1: v = fh(t, (uint32_t)ch[1], 0, 0); break;
	case TPL_U0: v = fh(t, (uint32_t)ch[2], 0, 0); break;
	case TPL_U1: v = fh(t, (uint32_t)ch[3], 0, 0); break;
	case TPL_U2: v = fh(t, (uint32_t)ch[4], 0, 0); break;
	case TPL_B_21: v = fh(t, (uint32_t)ch[0], (uint32_t)ch[1], 0); break;
	case TPL_B_10: v = fh(t, (uint32_t)ch[1], (uint32_t)ch[2], 0); break;
	case TPL_B01: v = fh(t, (uint32_t)ch[2], (uint32_t)ch[3], 0); break;
	case TPL_B12: v = fh(t, (uint32_t)ch[3], (uint32_t)ch[4], 0); break;
	case TPL_B_11: v = fh(t, (uint32_t)ch[1], (uint32_t)ch[3], 0); break;
	case TPL_T_101: v = fh(t, (uint32_t)ch[1], (uint32_t)ch[2], (uint32_t)ch[3]); break;
	case TPL_CLASS:
		v = fh(t, (uint32_t)(cl[0] | cl[1] << 3 | cl[2] << 6 | cl[3] << 9 | cl[4] << 12), 0, 0);
		break;
	case TPL_DSTART:
		v = fh(t, p->startf & START_BITS, lenclass(p->ent), 0);
		break;
	case TPL_DEND: v = fh(t, q->endf & END_BITS, 0, 0); break;
	case TPL_DPREV: v = fh(t, p->endf & PREV_BITS, 0, 0); break;
	case TPL_DNEXT:
		v = fh(t, i + 1 < n ? (q->startf & NEXT_BITS) : 1u << 31, 0, 0);
		break;
	case TPL_DIN: v = fh(t, w->din[i], 0, 0); break;
	case TPL_JSTART: v = fh(t, w->js[i], 0, 0); break;
	case TPL_JEND: v = fh(t, w->je[i], 0, 0); break;
	case TPL_JIN: v = fh(t, w->ji[i], w->je[i] & MW_WORD, 0); break;
	default: v = fh(t, 0, 0, 0); break;
	}
	return v;
}

static inline void fetch_row(const int8_t *pf, uint64_t h, uint32_t bits)
{
	const int8_t *r = pf + (size_t)model_row(h, bits) * MODEL_LABELS;
	__builtin_prefetch(r);
	__builtin_prefetch(r + MODEL_LABELS - 1);
}

/* pf, when not NULL, is the decoder's weight table of 2^bits rows: each row is fetched as
 * soon as its hash is known, so that the misses overlap the hashing. */
static void hash_fetch(const struct ctx *c, const uint8_t *tpl, size_t ntpl, struct model_work *w,
                       const int8_t *pf, uint32_t bits)
{
	size_t n = c->n;
	grow(w, n, ntpl);
	coverage(c, w->din);
	words(c, w);
	int dense = ntpl == TPL_LAST - 1;   /* every template, in id order */
	for (size_t k = 0; dense && k < ntpl; k++)
		dense = tpl[k] == k + 1;
	/* a sliding window of normalised characters and classes, -2..+2 */
	int32_t ch[5];
	int cl[5];
	for (int k = 0; k < 5; k++) {
		long j = k - 2;
		ch[k] = j < 0 ? CP_BOS : (size_t)j < n ? norm(c->cp[j]) : CP_EOS;
		cl[k] = cclass(ch[k]);
	}
	for (size_t i = 0; i < n; i++) {
		uint64_t *h = w->h + i * ntpl;
		if (dense && pf) {
			/* the usual list: constant templates let the compiler drop the switch */
#pragma GCC unroll 32
			for (unsigned t = 1; t < TPL_LAST; t++) {
				h[t - 1] = feature(t, c, w, i, ch, cl);
				fetch_row(pf, h[t - 1], bits);
			}
		} else {
			for (size_t k = 0; k < ntpl; k++) {
				h[k] = feature(tpl[k], c, w, i, ch, cl);
				if (pf)
					fetch_row(pf, h[k], bits);
			}
		}
		memmove(ch, ch + 1, 4 * sizeof *ch);
		memmove(cl, cl + 1, 4 * sizeof *cl);
		size_t j = i + 3;
		ch[4] = j < n ? norm(c->cp[j]) : CP_EOS;
		cl[4] = cclass(ch[4]);
	}
}

void model_hash(const struct ctx *c, const uint8_t *tpl, size_t ntpl, struct model_work *w)
{
	hash_fetch(c, tpl, ntpl, w, NULL, 0);
}

/* ---- decoding ---- */

/* Under BIOES a label that opens (O, B, S) follows one that closes (O, E, S); an inside or
 * end follows its own type's B or I. The open targets are scored as an 8 x 8 block (one
 * padding column) so that the compiler can keep them in vectors. */
static const uint8_t closes[7] = { 0, 3, 4, 7, 8, 11, 12 };
static const uint8_t opens[8] = { 0, 1, 4, 5, 8, 9, 12, 0 };

/* The forward pass keeps only maxima, which vectorise, and every position's scores (over
 * its emissions); the backward pass finds each best predecessor again among the few
 * allowed ones, the first in label order on a tie. */
void model_viterbi(float *emit, const struct model_trans *t, size_t n, uint8_t *out)
{
	if (!n)
		return;
	float *sc = emit;
	for (int l = 0; l < MODEL_LABELS; l++)
		sc[l] = t->start[l] + emit[l];
	for (size_t i = 1; i < n; i++) {
		const float *d = sc + (i - 1) * MODEL_LABELS;
		float *e = sc + i * MODEL_LABELS;
		float best[8];
#ifdef __SSE2__
		/* max_ps(s, b) is s > b ? s : b, ties and NaNs included, as below */
		__m128 d0 = _mm_set1_ps(d[0]);
		__m128 b0 = _mm_add_ps(d0, _mm_loadu_ps(t->blk[0]));
		__m128 b1 = _mm_add_ps(d0, _mm_loadu_ps(t->blk[0] + 4));
		for (int k = 1; k < 7; k++) {
			__m128 dk = _mm_set1_ps(d[closes[k]]);
			b0 = _mm_max_ps(_mm_add_ps(dk, _mm_loadu_ps(t->blk[k])), b0);
			b1 = _mm_max_ps(_mm_add_ps(dk, _mm_loadu_ps(t->blk[k] + 4)), b1);
		}
		_mm_storeu_ps(best, b0);
		_mm_storeu_ps(best + 4, b1);
#else
		for (int j = 0; j < 8; j++)
			best[j] = d[0] + t->blk[0][j];
		for (int k = 1; k < 7; k++) {
			float dk = d[closes[k]];
			for (int j = 0; j < 8; j++) {
				float s = dk + t->blk[k][j];
				best[j] = s > best[j] ? s : best[j];
			}
		}
#endif
		float nd[MODEL_LABELS];
		for (int j = 0; j < 7; j++)
			nd[opens[j]] = best[j];
		for (int type = 0; type < 3; type++) {
			int bb = 1 + 4 * type;   /* its B; bb + 1 its I */
			for (int to = bb + 1; to <= bb + 2; to++) {
				float s0 = d[bb] + t->tr[bb][to], s1 = d[bb + 1] + t->tr[bb + 1][to];
				nd[to] = s1 > s0 ? s1 : s0;
			}
		}
#ifdef __SSE2__
		for (int l = 0; l < 12; l += 4)
			_mm_storeu_ps(e + l, _mm_add_ps(_mm_loadu_ps(e + l), _mm_loadu_ps(nd + l)));
		e[12] += nd[12];
#else
		for (int l = 0; l < MODEL_LABELS; l++)
			e[l] += nd[l];
#endif
	}
	const float *d = sc + (n - 1) * MODEL_LABELS;
	int arg = 0;
	float best = d[0] + t->end[0];
	for (int l = 1; l < MODEL_LABELS; l++)
		if (d[l] + t->end[l] > best) {
			best = d[l] + t->end[l];
			arg = l;
		}
	out[n - 1] = (uint8_t)arg;
	for (size_t i = n - 1; i > 0; i--) {
		d = sc + (i - 1) * MODEL_LABELS;
		int to = out[i], p = to ? (to - 1) % 4 : -1, from;
		if (p == MODEL_I || p == MODEL_E) {
			int bb = to - p;
			from = d[bb + 1] + t->tr[bb + 1][to] > d[bb] + t->tr[bb][to] ? bb + 1 : bb;
		} else {
			from = 0;
			float bs = d[0] + t->tr[0][to];
			for (int k = 1; k < 7; k++) {
				float s = d[closes[k]] + t->tr[closes[k]][to];
				if (s > bs) {
					bs = s;
					from = closes[k];
				}
			}
		}
		out[i - 1] = (uint8_t)from;
	}
}

static int part(int l)
{
	return l ? (l - 1) % 4 : -1;
}

static int ltype(int l)
{
	return l ? (l - 1) / 4 : -1;
}

void model_constrain(struct model_trans *t)
{
	for (int k = 0; k < 7; k++)
		for (int j = 0; j < 8; j++)
			t->blk[k][j] = j < 7 ? t->tr[closes[k]][opens[j]] : MODEL_NEG;
	for (int to = 0; to < MODEL_LABELS; to++) {
		int pt = part(to);
		if (pt == MODEL_I || pt == MODEL_E)
			t->start[to] = MODEL_NEG;
		if (pt == MODEL_B || pt == MODEL_I)
			t->end[to] = MODEL_NEG;
		for (int from = 0; from < MODEL_LABELS; from++) {
			int pf = part(from);
			int inside = pf == MODEL_B || pf == MODEL_I;   /* an entity goes on */
			int cont = pt == MODEL_I || pt == MODEL_E;
			if (inside != cont || (inside && ltype(from) != ltype(to)))
				t->tr[from][to] = MODEL_NEG;
		}
	}
}

void model_tag(const struct model *m, const struct ctx *c, struct model_work *w)
{
	size_t n = c->n, nt = m->ntpl;
	size_t last = ((size_t)1 << m->bits) - 1;   /* its row cannot be read 16 bytes wide */
	hash_fetch(c, m->tpl, nt, w, m->w, m->bits);
	for (size_t i = 0; i < n; i++) {
#ifdef __SSE2__
		__m128i a0 = _mm_setzero_si128(), a1 = _mm_setzero_si128();
#else
		int16_t acc[16] = { 0 };
#endif
		const uint64_t *h = w->h + i * nt;
		for (size_t k = 0; k < nt; k++) {
			size_t row = model_row(h[k], m->bits);
			int8_t v[16];
			/* one unconditional 16-wide add keeps acc in registers; lanes 13-15 are never read */
			if (row == last) {
				memset(v, 0, sizeof v);
				memcpy(v, m->w + row * MODEL_LABELS, MODEL_LABELS);
			} else {
				memcpy(v, m->w + row * MODEL_LABELS, sizeof v);
			}
#ifdef __SSE2__
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)v);
			__m128i sign = _mm_cmpgt_epi8(_mm_setzero_si128(), x);
			a0 = _mm_add_epi16(a0, _mm_unpacklo_epi8(x, sign));
			a1 = _mm_add_epi16(a1, _mm_unpackhi_epi8(x, sign));
#else
			for (int l = 0; l < 16; l++)
				acc[l] = (int16_t)(acc[l] + v[l]);
#endif
		}
		float *e = w->emit + i * MODEL_LABELS;
#ifdef __SSE2__
		/* 16 floats: the last three land in the next row, which is written after this one
		 * (grow keeps a spare row past the last) */
		__m128 sc = _mm_set1_ps(m->scale);
		__m128i parts[4] = { _mm_unpacklo_epi16(a0, a0), _mm_unpackhi_epi16(a0, a0),
		                     _mm_unpacklo_epi16(a1, a1), _mm_unpackhi_epi16(a1, a1) };
		for (int q = 0; q < 4; q++)
			_mm_storeu_ps(e + 4 * q, _mm_mul_ps(_mm_cvtepi32_ps(_mm_srai_epi32(parts[q], 16)), sc));
#else
		for (int l = 0; l < MODEL_LABELS; l++)
			e[l] = (float)acc[l] * m->scale;
#endif
	}
	model_viterbi(w->emit, &m->t, n, w->lab);
}

void model_spans(const uint8_t *lab, size_t n, void (*f)(void *, size_t, size_t, int), void *arg)
{
	for (size_t i = 0; i < n; i++) {
		int p = part(lab[i]);
		if (p == MODEL_S) {
			f(arg, i, i + 1, ltype(lab[i]));
		} else if (p == MODEL_B) {
			size_t j = i + 1;
			while (j < n && part(lab[j]) == MODEL_I && ltype(lab[j]) == ltype(lab[i]))
				j++;
			if (j < n && part(lab[j]) == MODEL_E && ltype(lab[j]) == ltype(lab[i])) {
				f(arg, i, j + 1, ltype(lab[i]));
				i = j;
			}
		}
	}
}

/* ---- the file ---- */

uint64_t model_checksum(const unsigned char *p, size_t n)
{
	/* every byte but the checksum's own (offsets 32 to 39), eight at a time */
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		if (i == 32)
			continue;
		uint64_t v;
		memcpy(&v, p + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		v = __builtin_bswap64(v);   /* the file is little-endian */
#endif
		h = (h ^ v) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h ^ n;
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(unsigned char *p, uint32_t v)
{
	for (int k = 0; k < 4; k++)
		p[k] = (unsigned char)(v >> (8 * k));
}

static float getf(const unsigned char *p)
{
	uint32_t v = get32(p);
	float f;
	memcpy(&f, &v, sizeof f);
	return f;
}

static void putf(unsigned char *p, float f)
{
	uint32_t v;
	memcpy(&v, &f, sizeof v);
	put32(p, v);
}

static void label_string(char *s)
{
	memset(s, 0, 96);
	size_t k = 0;
	for (int l = 0; l < MODEL_LABELS; l++) {
		size_t len = strlen(model_label_names[l]);
		if (l)
			s[k++] = ' ';
		memcpy(s + k, model_label_names[l], len);
		k += len;
	}
}

static void trans_io(unsigned char *p, struct model_trans *t, int write)
{
	float *v[2 * MODEL_LABELS + MODEL_LABELS * MODEL_LABELS];
	size_t k = 0;
	for (int l = 0; l < MODEL_LABELS; l++)
		v[k++] = &t->start[l];
	for (int l = 0; l < MODEL_LABELS; l++)
		v[k++] = &t->end[l];
	for (int a = 0; a < MODEL_LABELS; a++)
		for (int b = 0; b < MODEL_LABELS; b++)
			v[k++] = &t->tr[a][b];
	for (size_t i = 0; i < k; i++) {
		if (write)
			putf(p + 4 * i, *v[i]);
		else
			*v[i] = getf(p + 4 * i);
	}
}

unsigned char *model_build(uint32_t bits, float scale, const uint8_t *tpl, size_t ntpl,
                           const struct model_trans *t, const int8_t *w, size_t *len)
{
	size_t wbytes = ((size_t)1 << bits) * MODEL_LABELS;
	size_t n = MODEL_HEADER + wbytes;
	unsigned char *p = xmalloc(n);
	memset(p, 0, MODEL_HEADER);
	memcpy(p, magic, 8);
	put32(p + 8, MODEL_VERSION);
	put32(p + 12, MODEL_HEADER);
	put32(p + 16, bits);
	put32(p + 20, MODEL_LABELS);
	put32(p + 24, (uint32_t)ntpl);
	putf(p + 28, scale);
	memcpy(p + 40, tpl, ntpl);
	label_string((char *)p + 72);
	struct model_trans tt = *t;
	trans_io(p + 168, &tt, 1);
	memcpy(p + MODEL_HEADER, w, wbytes);
	uint64_t h = model_checksum(p, n);
	put32(p + 32, (uint32_t)h);
	put32(p + 36, (uint32_t)(h >> 32));
	*len = n;
	return p;
}

#define FAIL(...) do { snprintf(err, errlen, __VA_ARGS__); return -1; } while (0)

int model_open(struct model *m, const unsigned char *p, size_t n, char *err, size_t errlen)
{
	memset(m, 0, sizeof *m);
	if (n < 12)
		FAIL("truncated: %zu bytes, not even a header", n);
	if (memcmp(p, magic, 8) != 0)
		FAIL("not a tag-entities model (bad magic)");
	uint32_t version = get32(p + 8);
	if (version != MODEL_VERSION)
		FAIL("model version %u; this program reads version %u (retrain, or use the matching program)",
		     version, MODEL_VERSION);
	if (n < MODEL_HEADER)
		FAIL("truncated: %zu bytes, the header alone needs %d", n, MODEL_HEADER);
	uint32_t hdr = get32(p + 12), bits = get32(p + 16), labels = get32(p + 20), ntpl = get32(p + 24);
	if (hdr != MODEL_HEADER)
		FAIL("corrupt header: header size %u, expected %d", hdr, MODEL_HEADER);
	if (bits < 8 || bits > 26)
		FAIL("corrupt header: table of 2^%u rows (8 to 26 allowed)", bits);
	if (labels != MODEL_LABELS)
		FAIL("corrupt header: %u labels, expected %d", labels, MODEL_LABELS);
	if (ntpl < 1 || ntpl > MODEL_MAX_TPL)
		FAIL("corrupt header: %u feature templates", ntpl);
	size_t want = MODEL_HEADER + ((size_t)1 << bits) * MODEL_LABELS;
	if (n != want)
		FAIL("%s: %zu bytes, a table of 2^%u rows needs %zu", n < want ? "truncated" : "trailing bytes",
		     n, bits, want);
	uint64_t sum = (uint64_t)get32(p + 32) | (uint64_t)get32(p + 36) << 32;
	if (model_checksum(p, n) != sum)
		FAIL("corrupt: checksum mismatch");
	char lab[96];
	label_string(lab);
	if (memcmp(lab, p + 72, 96) != 0)
		FAIL("labels differ from this program's (%.*s)", 95, lab);
	for (uint32_t k = 0; k < ntpl; k++) {
		uint8_t t = p[40 + k];
		if (t < 1 || t >= TPL_LAST)
			FAIL("feature template %u is unknown to this program", t);
		m->tpl[k] = t;
	}
	m->ntpl = ntpl;
	m->scale = getf(p + 28);
	if (!isfinite(m->scale) || m->scale <= 0)
		FAIL("corrupt header: weight scale is not a positive number");
	trans_io((unsigned char *)(uintptr_t)(p + 168), &m->t, 0);
	for (int a = 0; a < MODEL_LABELS; a++) {
		if (!isfinite(m->t.start[a]) || !isfinite(m->t.end[a]))
			FAIL("corrupt header: transition score is not a number");
		for (int b = 0; b < MODEL_LABELS; b++)
			if (!isfinite(m->t.tr[a][b]))
				FAIL("corrupt header: transition score is not a number");
	}
	model_constrain(&m->t);
	m->bits = bits;
	m->w = (const int8_t *)(p + MODEL_HEADER);
	return 0;
}

int model_map(struct model *m, const char *path, char *err, size_t errlen)
{
	memset(m, 0, sizeof *m);
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(err, errlen, "%s", S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
		return -2;
	}
	size_t n = (size_t)st.st_size;
	void *p = NULL;
	if (n) {
		p = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED) {
			snprintf(err, errlen, "cannot map: %s", strerror(errno));
			close(fd);
			return -1;
		}
	}
	close(fd);
	static const unsigned char none[1];
	struct model tmp;
	if (model_open(&tmp, p ? p : none, n, err, errlen) != 0) {
		if (p)
			munmap(p, n);
		return -2;
	}
	*m = tmp;
	m->map = p;
	m->maplen = n;
	return 0;
}

void model_close(struct model *m)
{
	if (m->map)
		munmap(m->map, m->maplen);
	memset(m, 0, sizeof *m);
}
