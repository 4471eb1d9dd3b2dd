/* model: the character-level sequence model that proposes PER, LOC and ORG spans: a linear
 * model over hashed features (no keys stored: a feature is a row of a fixed power-of-two
 * table, one int8 weight per label) decoded with Viterbi over BIOES labels. The model owns
 * nothing of the text: it reads a ctx that ctx_load and ctx_scan filled. The weights are
 * borrowed from the bytes given to model_open (compiled in, or a file mapped by
 * model_map), which must outlive the model.
 *
 * File layout (little-endian), version 1:
 *   0  magic "TENERMDL"      8  u32 version        12 u32 header bytes (weights start)
 *   16 u32 row bits          20 u32 labels (13)    24 u32 templates
 *   28 f32 scale             32 u64 model_checksum of every other byte
 *   40 u8 template ids[32]   72 char labels[96] ("O B-PER I-PER E-PER S-PER ...", NUL-padded)
 *   168 f32 start[13]  f32 end[13]  f32 trans[13][13]
 *   then (1 << bits) rows of 13 int8 weights.                                              */
#ifndef TAGENT_MODEL_H
#define TAGENT_MODEL_H
#include <stddef.h>
#include <stdint.h>
#include "ctx.h"

#define MODEL_LABELS 13
#define MODEL_MAX_TPL 32
#define MODEL_VERSION 1u
#define MODEL_HEADER (168 + 4 * (2 * MODEL_LABELS + MODEL_LABELS * MODEL_LABELS))
#define MODEL_NEG (-1e30f)    /* score of a forbidden transition */

/* Labels: 0 is O; 1 + 4 * type + part, type 0 PER, 1 LOC, 2 ORG; part B, I, E, S. */
enum { MODEL_B, MODEL_I, MODEL_E, MODEL_S };
#define MODEL_LABEL(type, part) (1 + 4 * (type) + (part))
extern const char *const model_label_names[MODEL_LABELS];

/* Transition scores, forbidden ones (I after O, ...) at MODEL_NEG. */
struct model_trans {
	float start[MODEL_LABELS], end[MODEL_LABELS];
	float tr[MODEL_LABELS][MODEL_LABELS];   /* [from][to] */
	float blk[7][8];   /* tr from the closing to the opening labels, made by model_constrain */
};

struct model {
	const int8_t *w;        /* rows x MODEL_LABELS */
	uint32_t bits;
	float scale;
	struct model_trans t;
	uint8_t tpl[MODEL_MAX_TPL];
	size_t ntpl;
	void *map;              /* set by model_map */
	size_t maplen;
};

/* Feature templates; ids are part of the file format. */
enum {
	TPL_U_2 = 1, TPL_U_1, TPL_U0, TPL_U1, TPL_U2,        /* characters at -2..+2 */
	TPL_B_21, TPL_B_10, TPL_B01, TPL_B12, TPL_B_11,       /* bigrams, and -1 with +1 */
	TPL_T_101,                                            /* the centre trigram */
	TPL_CLASS,                                            /* classes of -2..+2 */
	TPL_DSTART, TPL_DEND, TPL_DPREV, TPL_DNEXT, TPL_DIN,  /* lexicon facts */
	TPL_JSTART, TPL_JEND, TPL_JIN,                        /* the model's word list */
	TPL_LAST
};
extern const uint8_t model_templates[];   /* the templates this build computes, 0-ended */

/* Check the bytes p[0..n) and point m at them: 0, or -1 with a message in err (no
 * trailing newline, errlen bytes at most). */
int model_open(struct model *m, const unsigned char *p, size_t n, char *err, size_t errlen);
/* Map the file at path and open it: 0, -1 when it cannot be read (errno set, err says
 * why), -2 when it is no valid model (err says why). */
int model_map(struct model *m, const char *path, char *err, size_t errlen);
void model_close(struct model *m);

/* Per-window scratch of the decoder, grown as needed. */
struct model_work {
	uint8_t *din;        /* lexicon coverage of each position */
	uint16_t *js;        /* the model's words starting at each position, */
	uint8_t *je, *ji;    /* ending there, covering it */
	uint64_t *h;         /* feature hashes, n x ntpl */
	float *emit;         /* n x MODEL_LABELS */
	uint8_t *lab;        /* the best labels */
	size_t cap, hcap;
};
void model_work_free(struct model_work *w);
/* The model's word list: the built-in one is loaded on first use. The trainer makes its
 * own (the training names of other folds) and switches between them. */
struct lex;
struct lex *model_words_new(int entities);   /* the jieba words, and the names if entities */
void model_words_add(struct lex *x, const int32_t *cp, size_t n, char kind);   /* kind: P L O ... */
void model_use_words(const struct lex *x);   /* NULL: the built-in list */
void model_lexicon_free(void);

/* The hashes of every template in tpl[0..ntpl) at every position of c, into w->h (n x
 * ntpl); the trainer and the decoder share this, so they see the same features. */
void model_hash(const struct ctx *c, const uint8_t *tpl, size_t ntpl, struct model_work *w);
static inline uint32_t model_row(uint64_t h, uint32_t bits)
{
	return (uint32_t)(h >> (64 - bits));
}
/* Best labels of c's positions into w->lab (c->n entries). */
void model_tag(const struct model *m, const struct ctx *c, struct model_work *w);
/* Viterbi over emit[n][MODEL_LABELS]: the best labels into out. The path scores overwrite
 * emit. */
void model_viterbi(float *emit, const struct model_trans *t, size_t n, uint8_t *out);
/* Forbidden transitions set to MODEL_NEG, the others left as they are, and blk made:
 * call it after any change to t. */
void model_constrain(struct model_trans *t);
/* The spans of labels lab[0..n): calls f(arg, s, e, type) for each, type 0 PER, 1 LOC, 2 ORG. */
void model_spans(const uint8_t *lab, size_t n, void (*f)(void *, size_t, size_t, int), void *arg);

/* Writing (the trainer, tests): header and weights into a malloc'd buffer. */
unsigned char *model_build(uint32_t bits, float scale, const uint8_t *tpl, size_t ntpl,
                           const struct model_trans *t, const int8_t *w, size_t *len);
uint64_t model_checksum(const unsigned char *p, size_t n);   /* of a whole file */

#endif
