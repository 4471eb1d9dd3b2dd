/* ctx: one segment as the recognisers see it: its code points, what the lexicon found at
 * each position, and the mentions decided so far. Buffers are reused from segment to
 * segment, so a segment costs no allocation once the largest one has been seen. */
#ifndef TAGENT_CTX_H
#define TAGENT_CTX_H
#include <stddef.h>
#include <stdint.h>
#include "lex.h"

/* Lexicon facts about the words starting (or ending) at one position, kept small: the
 * array is rewritten for every character of the input. Lengths of built-in words fit a
 * byte (the data files hold no word of 256 characters). ei, li, oi are payload indices
 * (ctx_info). The user's entries are looked up apart (udict). */
struct pos {
	uint32_t ei, li, oi;            /* payloads of the longest entity and suffixes */
	uint32_t endf;                  /* flags of all words ending here */
	uint32_t startf;                /* flags of all words starting here */
	uint8_t ent, lsfx, osfx, brk, ptitle, byline, pbefore, sur;  /* lengths */
	uint8_t gen_end;    /* length of the longest generic word ending here */
	uint8_t pafter;     /* a word that follows names starts here */
	uint8_t stop_end;   /* a boundary word (or a function character) ends here */
	uint8_t pbefore_end;/* a role word ends here */
	uint8_t hard;       /* this character is a function character */
	uint8_t ord;        /* length of the longest ordinary word of three characters or
	                       more starting here (发展中国家); two-character ones overlap
	                       names too often by chance (源自重庆, 至上海) */
};

enum unit_kind { U_GAZ, U_MEM, U_TOWN, U_COMMUNITY, U_STREET, U_SITE, U_ORG, U_PER, U_USER };

/* A place (or known name) found by the lexicon or by a suffix rule. */
struct unit {
	size_t s, e;
	int kind, rank, type;   /* type: enum ent_type */
	uint32_t flags;         /* lexicon flags of a dictionary unit */
	int dead;               /* absorbed into a longer name */
	size_t sfx;             /* length of the place suffix of a suffix unit */
};

/* A final mention. */
struct mention {
	size_t s, e;
	int type;
	const char *value;   /* a lasting string (user dictionary value), or NULL */
	size_t voff, vlen;   /* else a value kept in the segment's buffer (vlen 0 = none) */
};

struct ctx {
	const struct lex *lex;  /* of the last scan */
	const char *text;
	size_t len;
	int32_t *cp;
	size_t *boff;           /* byte offset of each code point, n + 1 entries */
	size_t n;
	struct pos *at;         /* n + 1 entries */
	unsigned char *occ;     /* 1 = taken by a pattern mention, 2 = by a unit, 3 = by ORG/PER */
	int *unit_at;           /* index + 1 of the unit covering a position, 0 = none */
	struct unit *u;
	size_t nu, ucap;
	struct mention *m;
	size_t nm, mcap;
	char *vbuf;             /* values made for this segment (dates, phone digits) */
	size_t vlen, vcap;
	size_t cap;             /* capacity of the per-position arrays */
};

static inline const struct lexinfo *ctx_info(const struct ctx *c, uint32_t i)
{
	return &c->lex->infos[i];
}

void ctx_load(struct ctx *c, const char *text, size_t len);
void ctx_scan(struct ctx *c, const struct lex *x);
void ctx_free(struct ctx *c);
size_t ctx_add_unit(struct ctx *c, size_t s, size_t e, int kind, int rank, int type);
void ctx_mark_unit(struct ctx *c, size_t idx);
void ctx_add_mention(struct ctx *c, size_t s, size_t e, int type, const char *v);
/* The same with a value made for this segment (a date, a phone's digits). */
void ctx_add_made(struct ctx *c, size_t s, size_t e, int type, const char *p, size_t n);
/* The value of a mention (NULL and *n = 0 when it has none). */
const char *ctx_mention_value(const struct ctx *c, const struct mention *m, size_t *n);
int ctx_is_cjk(const struct ctx *c, size_t i);
int ctx_free_span(const struct ctx *c, size_t s, size_t e);   /* nothing decided in [s, e) */
/* May a name start at i: start of text, a non-CJK character before it, a boundary word
 * or a unit ending right there. */
int ctx_left_open(const struct ctx *c, size_t i);
int ctx_is_space(int32_t cp);

#endif
