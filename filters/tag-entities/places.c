/* places: LOC units. The gazetteer gives administrative names; a place suffix gives a name
 * whose left edge is the nearest sound boundary: the start of the text, a character that
 * is not an ideograph, a function character, a verb or adverb that ends right there, or
 * the end of the unit before it. That is what splits 托克托县新营子镇明珠社区 into three
 * units and keeps 走进 out of 走进赛罕区. Units are matched longest first from the left,
 * so 南京市长江大桥 reads 南京市 + 长江大桥, never 市长. */
#include "docmem.h"
#include "places.h"
#include "res.h"

static int unit_kind_of(uint32_t flags)
{
	return (flags & W_LOC) ? U_GAZ : (flags & W_ORG) ? U_ORG : U_PER;
}

static int type_of(uint32_t flags)
{
	return (flags & W_LOC) ? T_LOC : (flags & W_ORG) ? T_ORG : T_PER;
}

/* 建设乡 in 建设乡村: a township whose suffix starts a longer word, after a name that is
 * an ordinary word, is no township. */
static int town_reads_as_words(const struct ctx *c, size_t i, size_t len)
{
	for (size_t k = 1; k <= 2 && k < len; k++) {
		const struct pos *p = &c->at[i + len - k];
		if (p->lsfx == k && p->brk > k)
			return 1;
	}
	return 0;
}

/* The longest place of the lexicon at i that ends by e (0 for none); weak places (two-
 * character counties) read as words inside a name and are left out. */
static size_t place_in(const struct ctx *c, size_t i, size_t e)
{
	size_t best = 0;
	uint32_t node = 0;
	for (size_t j = i; j < e && (node = lex_step(c->lex, node, c->cp[j])); j++) {
		const struct lexinfo *w = lex_info(c->lex, node);
		if (w && (w->flags & W_LOC) && !(w->flags & W_WEAK))
			best = j - i + 1;
	}
	return best;
}

/* A known organisation's name may hold a place (中国共产党, 中国日报): also a LOC row. */
static void places_inside(struct ctx *c, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++) {
		size_t len = place_in(c, i, e);
		if (len && len < e - s) {
			ctx_add_mention(c, i, i + len, T_LOC, NULL);
			i += len - 1;
		}
	}
}

/* The character at i is a function word by itself (和, 在, 与). */
static int function_char(const struct ctx *c, size_t i)
{
	const struct lexinfo *w = lex_get(c->lex, c->cp + i, 1);
	return c->at[i].hard || (w && (w->flags & (W_FUNC | W_HARD)));
}

/* Whether the dictionary word e of len characters at i stands as a unit there. */
static int place_fits(const struct ctx *c, size_t i, size_t len, const struct lexinfo *e,
                      int from_mem)
{
	if (!ctx_free_span(c, i, i + len))
		return 0;
	if ((c->at[i].startf & W_NOPLACE) && c->at[i].ord > len)
		return 0;   /* 朝鲜族 */
	if ((e->flags & W_WEAK) && (!ctx_left_open(c, i) || c->at[i + len - 1].brk > 1))
		return 0;   /* 振兴县域, 和县城: the county's last character starts a word */
	if ((e->flags & W_WEAK) && i > 0 && ctx_is_cjk(c, i - 1) && function_char(c, i) &&
	    !(c->at[i - 1].startf & W_MEASURE))
		return 0;   /* 学习和政法: after a word, 和 is "and", not the start of 和政 (but
		               十四届和林格尔: after what a numeral counts, a name starts) */
	if ((e->flags & W_EDGE) && !ctx_left_open(c, i) && ctx_is_cjk(c, i + len))
		return 0;   /* 玉泉民警, 智慧赛罕”, but not 回民 of 回民群众 mid-sentence */
	const struct pos *after = &c->at[i + len];
	if ((e->flags & W_RIGHT) && ctx_is_cjk(c, i + len) &&
	    !(after->lsfx && after->brk <= after->lsfx) && !(after->osfx && after->brk <= after->osfx))
		return 0;   /* 海亮“红色商圈”, 海亮社区, but not 亚运 of 亚运会 nor 宏发 of 宏发村两委 */
	return !(e->rank == R_TOWN && !from_mem && town_reads_as_words(c, i, len));
}

void places_units(struct ctx *c, int use_mem)
{
	size_t cover = 0;   /* end of the ordinary words begun since the last unit */
	for (size_t i = 0; i < c->n; i++) {
		size_t word_end = i + c->at[i].ord;
		if (c->occ[i] || c->cp[i] < 0x80 || i < cover) {
			/* 发展中国家: a word running over the start of a name hides the name */
			if (word_end > cover)
				cover = word_end;
			continue;
		}
		const struct lexinfo *e = c->at[i].ent ? ctx_info(c, c->at[i].ei) : NULL;
		size_t len = c->at[i].ent;
		int from_mem = 0;
		size_t mlen = 0;
		const struct lexinfo *m = use_mem ? docmem_match(c->cp + i, c->n - i, &mlen) : NULL;
		if (m && (mlen > len || (mlen == len && (e->flags & W_WEAK) && !(m->flags & W_WEAK)))) {
			e = m;
			len = mlen;
			from_mem = 1;
		}
		if (!e || !place_fits(c, i, len, e, from_mem)) {
			if (word_end > cover)
				cover = word_end;
			continue;
		}
		size_t k = ctx_add_unit(c, i, i + len, from_mem && (e->flags & W_LOC) ? U_MEM
		                                              : unit_kind_of(e->flags),
		                        e->rank, type_of(e->flags));
		c->u[k].flags = e->flags;
		if (c->u[k].kind == U_ORG)
			places_inside(c, i, i + len);
		i += len - 1;
	}
}

static int unit_ending_at(const struct ctx *c, size_t k)
{
	if (k == 0 || !c->unit_at[k - 1])
		return -1;
	int u = c->unit_at[k - 1] - 1;
	return c->u[u].e == k && !c->u[u].dead ? u : -1;
}

/* A plain character a name may hold. */
static int name_char(const struct ctx *c, size_t i)
{
	return ctx_is_cjk(c, i) && !c->occ[i] && !c->at[i].hard;
}

/* Left edge of a name ending at s for a town, community or street suffix; SIZE_MAX if the
 * name has no sound boundary within the length allowed. */
static size_t name_start(const struct ctx *c, size_t s, size_t smin, size_t smax)
{
	size_t k = s;
	while (k > 0 && s - k < smax && name_char(c, k - 1))
		k--;
	/* The rightmost boundary word that still leaves a name long enough. */
	for (size_t p = s >= smin ? s - smin : 0; p > k; p--)
		if (c->at[p].stop_end)
			return p;
	if (k > 0 && name_char(c, k - 1) && !c->at[k].stop_end)
		return (size_t)-1;   /* ran out of length inside a run of ideographs */
	return k;
}

static int rank_of_class(int sclass)
{
	return sclass == 1 ? R_TOWN : sclass == 4 ? R_SITE : R_COMMUNITY;
}

static int kind_of_class(int sclass)
{
	return sclass == 1 ? U_TOWN : sclass == 2 ? U_COMMUNITY : sclass == 3 ? U_STREET : U_SITE;
}

/* Generic phrases: 老旧小区 (a generic word covers the whole candidate), 街道社区 (the name
 * is itself a generic word; a unit right before the suffix is a name, even one that ends
 * like a word: 八一路). */
static int generic(const struct ctx *c, size_t k, size_t s, size_t e)
{
	size_t g = c->at[e].gen_end;
	return (g > e - s && e - g >= k) || (s > k && c->at[s].gen_end && c->at[s].gen_end >= s - k);
}

/* A name that starts with a verb or adverb, or ends with one (党建引领社区), is a phrase. */
static int bad_name(const struct ctx *c, size_t k, size_t s)
{
	if ((c->at[k].startf & W_STOP) || (c->at[s].endf & (W_STOP | W_OSFX)))
		return !c->unit_at[s - 1];
	for (size_t p = k + 1; p < s; p++)
		if (c->at[p].gen_end && p - c->at[p].gen_end >= k)
			return 1;   /* 机关党员下: a generic word inside the name */
	const struct lexinfo *whole = lex_get(res_lex(), c->cp + k, s - k);
	if (whole && (whole->flags & W_NONAME))
		return 1;   /* 优秀社区 */
	if (s - k >= 2 && (c->at[k].startf & W_NUMERAL) && (c->at[k + 1].startf & W_MEASURE))
		return 1;   /* 一年四季村, 四级社区 */
	/* 县镇村: the name ends in a place suffix of its own (a street may name an office) */
	return c->at[s - 1].lsfx == 1 && ctx_info(c, c->at[s - 1].li)->sclass != 3 && !c->unit_at[s - 1];
}

static int has_unit(const struct ctx *c, size_t k, size_t s)
{
	for (size_t i = k; i < s; i++)
		if (c->unit_at[i])
			return 1;
	return 0;
}

/* A landmark's name may hold a chain of places (内蒙古国际贸易大厦): walk left over plain
 * characters and over units, as long as each unit is no smaller than the one after it; a
 * known company may head the chain (蒙牛中国乳业产业园). */
static size_t site_start(const struct ctx *c, size_t s, size_t smax)
{
	size_t k = s;
	int last_rank = R_SITE + 1;
	while (k > 0 && s - k < smax) {
		int u = unit_ending_at(c, k);
		if (u >= 0 && c->u[u].kind == U_ORG) {
			k = c->u[u].s;
			break;
		}
		if (u >= 0 && c->u[u].type == T_LOC) {
			if (c->u[u].rank > last_rank)
				break;
			last_rank = c->u[u].rank;
			k = c->u[u].s;
			if (c->u[u].e == s)
				break;   /* 长江 + 大桥: the place itself names the site (南京市 stays apart) */
			continue;
		}
		if (!name_char(c, k - 1))
			break;
		k--;
	}
	for (size_t p = k + 1; p + 2 <= s; p++)
		if (c->at[p].stop_end && !c->unit_at[p - 1])
			k = p;
	return k;
}

/* “蜂巢社区”, “口袋公园”, “美丽乡村”: a name made only of ordinary characters and its
 * suffix, quoted as a whole, is a slogan or a concept rather than a place. */
static int quoted_concept(const struct ctx *c, size_t k, size_t s, size_t e)
{
	return k > 0 && e < c->n && (c->cp[k - 1] == 0x201C || c->cp[k - 1] == 0x300C) &&
	       (c->cp[e] == 0x201D || c->cp[e] == 0x300D) && !has_unit(c, k, s);
}

/* 了解丝路: a verb running over the first character of a name leaves it too short. */
static int straddled(const struct ctx *c, size_t k)
{
	if (k == 0 || !ctx_is_cjk(c, k - 1))
		return 0;
	const struct lexinfo *w = lex_get(c->lex, c->cp + k - 1, 2);
	return w && (w->flags & W_STOP) && !(w->flags & (W_LOC | W_ORG | W_PER));
}

static void suffix_at(struct ctx *c, size_t s)
{
	const struct pos *p = &c->at[s];
	size_t e = s + p->lsfx;
	if (!ctx_free_span(c, s, e) || p->brk > p->lsfx)
		return;
	const struct lexinfo *li = ctx_info(c, p->li);
	int cls = li->sclass;
	size_t smin = li->smin ? li->smin : 2, smax = li->smax ? li->smax : 4;
	size_t k, plain;
	if (cls == 4) {
		k = plain = site_start(c, s, smax);
		if (s - k < smin || (c->at[k].startf & W_STOP) || generic(c, k, s, e) ||
		    quoted_concept(c, k, s, e))
			return;
		if (!has_unit(c, k, s) && (c->at[k].startf & (W_NONAME | W_MEASURE)))
			return;   /* 热门城市机场, 珍爱湿地, 4A级旅游景区: a description */
		if (!has_unit(c, k, s) && (s - k > 4 || !ctx_left_open(c, k)))
			return;   /* 人才孵化基地: a description, not a named place */
	} else {
		k = plain = name_start(c, s, smin, smax);
		if (k == (size_t)-1)
			return;
		int u = unit_ending_at(c, k);
		/* 中山西路 (中山 is a city's short form), 海拉尔路街道 (a street names the office) */
		int take = s - k < smin && u >= 0 &&
		           ((c->u[u].flags & W_SHORT) || c->u[u].kind == U_MEM ||
		            (c->u[u].kind == U_STREET && (cls <= 2 || p->lsfx == 1)));   /* 兴隆巷街 */
		if (take)
			k = c->u[u].s;
		if (s - k < smin || generic(c, plain, s, e) || (plain < s && bad_name(c, plain, s)) ||
		    quoted_concept(c, k, s, e) || (plain < s && straddled(c, plain)))
			return;   /* the unit before stays (新疆 of 新疆公路) */
		if (take) {
			c->u[u].dead = 1;
			for (size_t i = c->u[u].s; i < c->u[u].e; i++) {
				c->unit_at[i] = 0;
				c->occ[i] = 0;
			}
		}
	}
	size_t u = ctx_add_unit(c, k, e, kind_of_class(cls), rank_of_class(cls), T_LOC);
	c->u[u].sfx = e - s;
}

void places_suffix(struct ctx *c)
{
	for (size_t s = 0; s < c->n; s++)
		if (c->at[s].lsfx && !c->occ[s])
			suffix_at(c, s);
}
