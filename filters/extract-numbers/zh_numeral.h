/* zh_numeral: parse one numeral at a position: Arabic (1,234.5, full-width digits), Chinese
 * (三万五千, 一百零五, 两千零二十, financial 壹佰), digit sequences (二〇一九), mixed
 * (1.5万, 14720.7万), vague (十几万, 二百余万, 几十) and adjacent-digit ranges (七八, 三四十).
 * The value is an exact decimal; the flags say how it was written, so that the scanner
 * can apply the policy (一 as an article, years, codes). */
#ifndef XN_ZH_NUMERAL_H
#define XN_ZH_NUMERAL_H
#include <stddef.h>
#include <stdint.h>
#include "decimal.h"

enum {
	NUM_CHINESE  = 1 << 0,   /* has Chinese numeral characters */
	NUM_ARABIC   = 1 << 1,   /* has Arabic digits */
	NUM_SEQ      = 1 << 2,   /* Chinese digits read one by one (二〇一九) */
	NUM_RANGE    = 1 << 3,   /* two adjacent digits (七八): value is the lower one */
	NUM_BARE     = 1 << 4,   /* starts with a multiplier without a digit (千名, 百分之) */
	NUM_OVER     = 1 << 5,   /* 几, 余, 多 inside: value is a lower bound */
	NUM_ABOUT    = 1 << 6,   /* 来 inside */
	NUM_POINT    = 1 << 7,   /* has a decimal point */
	NUM_SEP      = 1 << 8,   /* has thousands separators */
	NUM_NEG      = 1 << 9,
	NUM_ARTICLE  = 1 << 10,  /* the single character 一 (or 壹): often "a", not a count */
	NUM_LEADZERO = 1 << 11,  /* Arabic integer written with a leading 0 (a code) */
	NUM_DOTTED   = 1 << 12,  /* 1.2.3: a version or a date, not a number */
	NUM_MULT     = 1 << 13,  /* has a multiplier (十百千万亿) */
	NUM_LONG     = 1 << 14,  /* an Arabic integer of 7 or more digits without separators */
	NUM_DIGIT    = 1 << 15,  /* has a digit (not only multipliers: 万, 千 alone) */
	NUM_BIGS     = 1 << 16,  /* has 万, 亿 or 兆 */
	NUM_HALF     = 1 << 17,  /* starts with 半 (半年, 半百): a half of what follows */
	NUM_DISC     = 1 << 18   /* 对 of 对折: a half that is only a number before 折 */
};

/* A numeral ends before its 17th 万/亿/兆: each one rescales the whole value, so a chain
 * of them would cost time quadratic in its length. No real numeral comes near (四万万,
 * 三万亿 have two). */
#define NUM_MAX_BIGS 16

enum numrole { NR_NONE, NR_DIGIT, NR_ZERO, NR_UNIT, NR_BIG, NR_POINT, NR_NEG, NR_VAGUE, NR_VMID,
               NR_LINK, NR_HALF, NR_TENS };

struct numchar {
	unsigned char role;   /* enum numrole */
	unsigned char value;  /* digit value or power of ten */
	unsigned char fin, lead, disc, seq;
	unsigned char mod;    /* vmid: NUM_OVER or NUM_ABOUT */
};

/* The numeral characters, from data/numerals.tsv. */
struct numtab {
	uint8_t *idx;              /* code point (BMP) -> 1 + index into ch, or 0 */
	struct numchar ch[64];     /* the table is small and fixed by the writing system */
	size_t n;
};

void numtab_load(struct numtab *T, const char *data, size_t len, const char *name);
void numtab_free(struct numtab *T);
/* The role of code point cp (NULL when it is no numeral character). */
static inline const struct numchar *numtab_get(const struct numtab *T, int32_t cp)
{
	if (cp < 0 || cp > 0xFFFF || !T->idx[cp])
		return NULL;
	return &T->ch[T->idx[cp] - 1];
}

/* Can cp start a numeral (a digit, a Chinese numeral character, a minus sign)? */
static inline int numtab_starts(const struct numtab *T, int32_t cp)
{
	if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
		return 1;
	const struct numchar *c = numtab_get(T, cp);
	return c && c->role != NR_POINT && c->role != NR_VMID && c->role != NR_LINK;
}

struct numeral {
	struct dec v;
	size_t end;        /* byte offset just after the numeral */
	unsigned flags;
	unsigned ntok;     /* tokens read (characters, or one per Arabic run) */
	size_t last;       /* byte offset where the last token starts */
};

/* Scratch state reused between calls so that parsing does not allocate per numeral. */
struct numparser {
	const struct numtab *T;
	struct dec result, section, pend, tmp;
	struct buf digits;
	int allow_fin;     /* accept a lone financial numeral (the 贰 of 壹仟分之贰) */
};

void numparser_init(struct numparser *P, const struct numtab *T);
void numparser_free(struct numparser *P);
void numeral_init(struct numeral *x);
void numeral_free(struct numeral *x);

/* Parse the numeral that starts at s+pos (n = bytes in s). Returns 1 and fills *out, or 0
 * when no numeral starts there. */
int numeral_parse(struct numparser *P, const char *s, size_t n, size_t pos, struct numeral *out);

/* Parse an Arabic number (digits, separators, one decimal point) at s+pos into *v; returns
 * the end offset, or pos when there is none. *flags gets NUM_* bits. */
size_t arabic_parse(struct numparser *P, const char *s, size_t n, size_t pos, struct dec *v,
                    unsigned *flags);

/* The value of an ASCII or full-width digit at s[0..n), or -1; *len gets its byte length. */
int digit_at(const char *s, size_t n, size_t *len);

#endif
