/* lex: the dictionary automaton. A trie over code points whose edges live in one
 * open-addressing hash table (a direct table for the first character of the BMP), so a
 * million entries load in a fraction of a second and a lookup walks one probe per
 * character. Every node may carry a payload: category flags and a few attributes. */
#ifndef TAGENT_LEX_H
#define TAGENT_LEX_H
#include <stddef.h>
#include <stdint.h>

/* Categories a word may belong to; one node may hold several. */
enum {
	W_LOC = 1u << 0,      /* a place (gazetteer, region, landmark) */
	W_ORG = 1u << 1,      /* a known organisation */
	W_PER = 1u << 2,      /* a known person */
	/* 1u << 3 is free (user entries live in udict) */
	W_WEAK = 1u << 4,     /* a place that needs a clear left boundary (two-character county) */
	W_ADMIN = 1u << 5,    /* a full administrative name (ends in 省 市 县 区 旗 ...) */
	W_SHORT = 1u << 6,    /* a short form or region that a street name may start with */
	W_SURNAME = 1u << 7,
	W_LSFX = 1u << 8,     /* a place suffix (sclass, smin, smax) */
	W_OSFX = 1u << 9,     /* an organisation suffix (sclass) */
	W_PBEFORE = 1u << 10, /* a role word a name follows (书记, 居民) */
	W_PAFTER = 1u << 11,  /* a word that follows a name (说, 介绍) */
	W_PTITLE = 1u << 12,  /* a title after a surname (女士, 先生) */
	W_BYLINE = 1u << 13,  /* a credit word names follow after a space (记者, 通讯员) */
	W_STOP = 1u << 14,    /* a word a name never starts with: a place name starts after it */
	W_HARD = 1u << 15,    /* a function character no name contains */
	W_COMMON = 1u << 16,  /* a common word that begins with a surname character */
	W_GENERIC = 1u << 17, /* a generic word ending in a suffix (道路, 美食街): no name */
	W_BREAK = 1u << 18,   /* a word starting with a suffix character that is no suffix (乡村) */
	W_HOTLINE = 1u << 19, /* a service telephone number (12345) */
	W_PHONECTX = 1u << 20,/* a word telephone numbers follow (电话, 热线) */
	W_SERIAL = 1u << 21,  /* a word serial numbers follow (许可证, 编号): no telephone */
	W_FUNC = 1u << 22,    /* an adverb, pronoun or conjunction: never inside a name */
	W_NONAME = 1u << 23,  /* an adjective or verb: no place name by itself */
	W_MEASURE = 1u << 24, /* a measure word after a numeral (一支, 四级): no name */
	W_NUMERAL = 1u << 25, /* a Chinese numeral */
	W_IDIOM = 1u << 26,   /* a four-character idiom: a name before it ends there */
	W_EDGE = 1u << 27,    /* a document's short form of a division it named in full (玉泉 of
	                         玉泉区): a place only with a boundary on one side at least */
	W_RIGHT = 1u << 28,   /* a short form a place only where it ends: at a non-ideograph or
	                         before a suffix (海亮“红色商圈”, 海亮社区) */
	W_NOPLACE = 1u << 29  /* a word that starts with a place name and is none (朝鲜族) */
};

/* Ranks of places, from the largest to the smallest, for splitting chains. */
enum { R_COUNTRY = 1, R_PROVINCE, R_CITY, R_COUNTY, R_TOWN, R_COMMUNITY, R_SITE };

struct lexinfo {
	uint32_t flags;
	uint8_t rank;     /* W_LOC: R_* */
	uint8_t sclass;   /* W_LSFX / W_OSFX: the suffix class */
	uint8_t smin, smax; /* W_LSFX: name length bounds in characters */
};

#include "buf.h"

#define LEX_ROOT_SPAN 0x10000u   /* first characters below this use the direct table */
#define LEX_KIDS 0x80000000u     /* bit of lex.info: the node has children */

/* Exposed so that the two functions of the inner loop inline; use the functions. */
struct lex {
	uint32_t *root;          /* LEX_ROOT_SPAN children of the root, or NULL */
	uint64_t *first;         /* without root: a bit per first character below the span */
	uint64_t *pairs;         /* with root: a bit per hashed first two characters of a word */
	struct lexedge { uint32_t parent, cp, child; } *edges;   /* child 0 = empty slot */
	size_t cap, used;        /* hash slots */
	uint32_t *info;          /* per node: index into infos (0 = none) | LEX_KIDS */
	size_t nodes, ncap;
	struct lexinfo *infos;
	size_t ninfo, icap;
	struct buf pool;
};

static inline size_t lex_slot(uint32_t parent, int32_t cp, size_t cap)
{
	uint64_t k = ((uint64_t)parent << 32) | (uint32_t)cp;
	k ^= k >> 29;
	k *= 0xbf58476d1ce4e5b9ULL;
	k ^= k >> 32;
	return (size_t)k & (cap - 1);
}

/* Walking: node 0 is the root; 0 means no edge. */
static inline uint32_t lex_step(const struct lex *x, uint32_t node, int32_t cp)
{
	if (node == 0 && x->root && (uint32_t)cp < LEX_ROOT_SPAN)
		return x->root[cp];
	if (node == 0 && (uint32_t)cp < LEX_ROOT_SPAN && !(x->first[cp >> 6] & (1ULL << (cp & 63))))
		return 0;
	if (!(x->info[node] & LEX_KIDS))
		return 0;
	size_t s = lex_slot(node, cp, x->cap);
	for (const struct lexedge *e; (e = &x->edges[s])->child; s = (s + 1) & (x->cap - 1))
		if (e->parent == node && e->cp == (uint32_t)cp)
			return e->child;
	return 0;
}

#define LEX_PAIR_BITS 21

static inline size_t lex_pair(int32_t a, int32_t b)
{
	uint32_t h = ((uint32_t)a * 0x9E3779B1u) ^ ((uint32_t)b * 0x85EBCA77u);
	return (h ^ (h >> 15)) & ((1u << LEX_PAIR_BITS) - 1);
}

/* May a word of two or more characters start with a, b? A false "yes" costs a lookup;
 * "no" is exact. The table fits the cache where the edges do not. */
static inline int lex_may_pair(const struct lex *x, int32_t a, int32_t b)
{
	size_t h = lex_pair(a, b);
	return !x->pairs || (x->pairs[h >> 6] >> (h & 63)) & 1;
}

static inline const struct lexinfo *lex_info(const struct lex *x, uint32_t node)
{
	uint32_t i = x->info[node] & ~LEX_KIDS;
	return i ? &x->infos[i] : NULL;
}

struct lex *lex_new(int root_table);
void lex_free(struct lex *x);
/* Node for key[0..n) (created as needed); its payload is returned for editing. */
struct lexinfo *lex_put(struct lex *x, const int32_t *key, size_t n);
/* Payload of exactly key[0..n), or NULL. */
const struct lexinfo *lex_get(const struct lex *x, const int32_t *key, size_t n);
/* Keep a string; returns its offset (never 0). */
uint32_t lex_intern(struct lex *x, const char *s, size_t n);
const char *lex_string(const struct lex *x, uint32_t off);
size_t lex_size(const struct lex *x);   /* number of words with a payload */

#endif
