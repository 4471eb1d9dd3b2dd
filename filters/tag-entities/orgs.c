/* orgs: an organisation is written as its place (a chain of units from the largest to the
 * smallest: 乌兰察布市, 西菜园街道), what it does (外出务工人员) and what it is (服务中心);
 * one suffix may follow another (服务中心党委). Without a place in front, only suffixes of
 * bodies that carry their own names (医院, 便利店, 中学) make an organisation, and only when
 * the name has a sound left edge: 社区党支部 alone is a generic reference, not an entity.
 * The places inside stay units, so they are also written as LOC rows. */
#include "orgs.h"
#include "res.h"
#include "utf8.h"

#define MAX_MOD 8   /* describing characters between the place and the suffix */
#define MAX_NAME 6  /* a name without a place (百草堂秦氏) */

static int unit_ending_at(const struct ctx *c, size_t k)
{
	if (k == 0 || !c->unit_at[k - 1])
		return -1;
	int u = c->unit_at[k - 1] - 1;
	return c->u[u].e == k && !c->u[u].dead ? u : -1;
}

static int plain(const struct ctx *c, size_t i)
{
	return ctx_is_cjk(c, i) && !c->occ[i] && !c->at[i].hard;
}

/* Step left over a quoted part “…” ending at k; returns its start or k. */
static size_t skip_quote(const struct ctx *c, size_t k)
{
	if (k == 0 || (c->cp[k - 1] != 0x201D && c->cp[k - 1] != 0x300D))
		return k;
	int32_t open = c->cp[k - 1] == 0x201D ? 0x201C : 0x300C;
	for (size_t j = k - 1; j > 0 && k - j <= MAX_MOD + 2; j--)
		if (c->cp[j - 1] == open)
			return j - 1;
	return k;
}

/* Start of the chain of units ending at k (each no smaller than the next), or k. */
static size_t chain_start(const struct ctx *c, size_t k, int *admin)
{
	int u = unit_ending_at(c, k), last = 99;
	*admin = u >= 0 && (c->u[u].flags & W_ADMIN);
	while (u >= 0 && (c->u[u].type == T_LOC || c->u[u].kind == U_ORG) && c->u[u].rank <= last) {
		last = c->u[u].rank;
		k = c->u[u].s;
		u = unit_ending_at(c, k);
	}
	return k;
}

static int first_word_is(const struct ctx *c, size_t k, size_t n, uint32_t flags)
{
	for (size_t len = 2; len <= 3 && len <= n; len++) {
		const struct lexinfo *e = lex_get(res_lex(), c->cp + k, len);
		if (e && (e->flags & flags))
			return 1;
	}
	return 0;
}

static int numeral(int32_t cp)
{
	static const int32_t cn[] = { 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
	                              0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0 };   /* 〇零一…九十百 */
	if (u8_is_digit(cp))
		return 1;
	for (int i = 0; cn[i]; i++)
		if (cn[i] == cp)
			return 1;
	return 0;
}

/* 第六 (中学), 第一 (党支部) */
static int ordinal(const struct ctx *c, size_t k, size_t i)
{
	if (i - k < 2 || c->cp[k] != 0x7B2C)   /* 第 */
		return 0;
	for (size_t j = k + 1; j < i; j++)
		if (!numeral(c->cp[j]))
			return 0;
	return 1;
}

/* A suffix (or 第N + suffix) continuing the organisation at e; returns the new end. */
static size_t extend(const struct ctx *c, size_t e)
{
	for (;;) {
		size_t j = e;
		if (j < c->n && c->cp[j] == 0x7B2C)
			for (j++; j < c->n && numeral(c->cp[j]); j++)
				;
		if (j < c->n && c->at[j].osfx && ctx_info(c, c->at[j].oi)->sclass != 3 && !c->occ[j] &&
		    ctx_free_span(c, j, j + c->at[j].osfx))
			e = j + c->at[j].osfx;
		else
			return e;
	}
}

/* Where the organisation ending in the suffix at i starts, or SIZE_MAX for none. */
static size_t org_start(const struct ctx *c, size_t i, int sclass, size_t sfxlen)
{
	size_t k = i, quote = (size_t)-1;
	for (;;) {
		size_t q = skip_quote(c, k);
		if (q < k && i - q <= MAX_MOD + 2) {
			k = quote = q;
			continue;
		}
		if (k == 0 || i - k >= MAX_MOD || !plain(c, k - 1))
			break;
		k--;
	}
	for (size_t p = k; p < i; p++) {
		if (c->at[p].startf & W_FUNC)
			return (size_t)-1;   /* 充分挖掘: a clause, not a name */
		if ((c->at[p].startf & W_NUMERAL) && p + 1 < i && (c->at[p + 1].startf & W_MEASURE))
			return (size_t)-1;   /* 一支志愿服务队: counted, so not one named body */
	}
	size_t mod = i - k;
	int admin;
	size_t head = chain_start(c, k, &admin);
	if (head < k) {
		if (sclass == 3)
			return mod == 0 && admin ? head : (size_t)-1;
		if (sfxlen == 1 && mod < 2)
			return (size_t)-1;   /* 局 and 厅 alone follow a name of what the body does */
		return head;
	}
	if (sclass != 2)
		return (size_t)-1;
	if (quote != (size_t)-1 && ctx_left_open(c, quote) + 1)
		return quote;   /* “老百姓”便利店 */
	/* A name of its own: cut at the rightmost boundary word, then check it. */
	for (size_t p = i >= 2 ? i - 2 : 0; p > k; p--)
		if (c->at[p].stop_end) {
			k = p;
			break;
		}
	mod = i - k;
	if (ordinal(c, k, i))
		return k;
	if (mod < 2 || mod > MAX_NAME || !ctx_left_open(c, k))
		return (size_t)-1;
	if (c->cp[k] != 0x201C && first_word_is(c, k, mod, W_GENERIC | W_STOP | W_COMMON | W_NONAME))
		return (size_t)-1;
	for (size_t p = k; p < i; p++)
		if (c->at[p].osfx >= 2 || c->at[p].lsfx)
			return (size_t)-1;   /* 原村委会超市: another body or a place inside an unnamed one */
	return k;
}

static void mark(struct ctx *c, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (!c->occ[i])
			c->occ[i] = 3;
	/* a known organisation inside a longer name is part of it, not a mention of its own */
	for (size_t k = 0; k < c->nu; k++)
		if (c->u[k].kind == U_ORG && c->u[k].s >= s && c->u[k].e <= e &&
		    (c->u[k].s > s || c->u[k].e < e))
			c->u[k].dead = 1;
}

void orgs_find(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct pos *p = &c->at[i];
		if (!p->osfx || c->occ[i] || !ctx_free_span(c, i, i + p->osfx))
			continue;
		if (p->brk > p->osfx || c->at[i + p->osfx].gen_end > p->osfx)
			continue;   /* 中学生, 党组织; 中小学 */
		size_t s = org_start(c, i, ctx_info(c, p->oi)->sclass, p->osfx);
		if (s == (size_t)-1) {
			i += p->osfx - 1;   /* a shorter suffix inside this one is no better */
			continue;
		}
		size_t e = extend(c, i + p->osfx);
		ctx_add_mention(c, s, e, T_ORG, NULL);
		mark(c, s, e);
		i = e - 1;
	}
}
