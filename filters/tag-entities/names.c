/* names: a personal name is a surname and one or two given characters, accepted only where
 * the words around it say a person is meant (a role before it, a verb of saying after it,
 * a form of address, a credit line). Ordinary words never become names: a surname
 * character that starts a common word (高兴, 安全) does not start a name, and no given
 * character may be a function character. */
#include "names.h"
#include "res.h"
#include "utf8.h"

static int space_at(const struct ctx *c, size_t i)
{
	return i < c->n && (ctx_is_space(c->cp[i]) || c->cp[i] == ':' || c->cp[i] == 0xFF1A);
}

static void add_per(struct ctx *c, size_t s, size_t e)
{
	if (!ctx_free_span(c, s, e))
		return;
	ctx_add_mention(c, s, e, T_PER, NULL);
	for (size_t i = s; i < e; i++)
		c->occ[i] = 3;
}

/* A run of 2 to 4 ideographs from i that ends before a space, a punctuation mark or the
 * end; returns its length or 0. */
static size_t token(const struct ctx *c, size_t i)
{
	size_t j = i;
	while (j < c->n && ctx_is_cjk(c, j) && j - i < 5 && !(j >= i + 2 && c->at[j].pafter))
		j++;
	size_t len = j - i;
	if (len < 2 || len > 4 || (j < c->n && ctx_is_cjk(c, j)))
		return 0;
	for (size_t k = i; k < j; k++)
		if (c->at[k].hard || c->occ[k] == 1)
			return 0;
	return len;
}

static int is_credit_word(const struct ctx *c, size_t i, size_t len)
{
	return c->at[i].byline == len || (c->at[i].pafter && len == 1);
}

/* After a credit word and a space: names separated by spaces until something else. */
static size_t credit_names(struct ctx *c, size_t i)
{
	size_t j = i;
	if (!space_at(c, j))
		return i;
	while (space_at(c, j))
		j++;
	for (;;) {
		size_t len = token(c, j);
		if (!len || is_credit_word(c, j, len))
			return j;
		add_per(c, j, j + len);
		j += len;
		if (!space_at(c, j))
			return j;
		while (space_at(c, j))
			j++;
	}
}

/* 张聿修 摄: a name standing alone before a photo credit. */
static void photo_credit(struct ctx *c, size_t i)
{
	if (i == 0 || !space_at(c, i - 1))
		return;
	size_t e = i - 1;
	while (e > 0 && space_at(c, e - 1))
		e--;
	size_t s = e;
	while (s > 0 && ctx_is_cjk(c, s - 1) && e - s < 5)
		s--;
	if (e - s >= 2 && e - s <= 4 && (s == 0 || !ctx_is_cjk(c, s - 1)) && token(c, s) == e - s &&
	    !is_credit_word(c, s, e - s))
		add_per(c, s, e);
}

void names_byline(struct ctx *c)
{
	static const int32_t she = 0x6444;   /* 摄 */
	for (size_t i = 0; i < c->n; i++) {
		if (c->at[i].byline && c->occ[i] != 1) {
			size_t j = credit_names(c, i + c->at[i].byline);
			if (j > i + c->at[i].byline)
				i = j - 1;
		} else if (c->cp[i] == she && (i + 1 == c->n || !ctx_is_cjk(c, i + 1))) {
			photo_credit(c, i);
		}
	}
}

/* A word of a credit line that is no name: a credit word, an ordinary word, a label
 * (转自:), a known place or organisation. */
static int credit_noise(const struct ctx *c, size_t s, size_t e)
{
	if (e < c->n && (c->cp[e] == ':' || c->cp[e] == 0xFF1A))
		return 1;
	const struct lexinfo *w = lex_get(res_lex(), c->cp + s, e - s);
	return w && (w->flags & (W_BYLINE | W_PBEFORE | W_PAFTER | W_STOP | W_COMMON | W_NONAME |
	                         W_GENERIC | W_LOC | W_ORG | W_FUNC));
}

void names_credit_line(struct ctx *c)
{
	for (size_t i = 0; i < c->n;) {
		if (!ctx_is_cjk(c, i)) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < c->n && ctx_is_cjk(c, j))
			j++;
		size_t e = j;
		if (e - i >= 3 && c->at[e - 1].pafter)
			e--;   /* 若谷摄 */
		if (e - i >= 2 && e - i <= 4 && !credit_noise(c, i, e))
			add_per(c, i, e);
		i = j;
	}
}

/* No function character and nothing a pattern took in [s, e). */
static int given_ok_all(const struct ctx *c, size_t s, size_t e)
{
	for (size_t k = s; k < e; k++)
		if (c->at[k].hard || c->occ[k])
			return 0;
	return 1;
}

static int given_ok(const struct ctx *c, size_t s, size_t e)
{
	for (size_t k = s; k < e; k++)
		if (!ctx_is_cjk(c, k) || c->at[k].hard || c->occ[k] || c->at[k].pafter || c->at[k].pbefore || c->at[k].byline ||
		    c->at[k].ptitle || c->at[k].lsfx || c->at[k].osfx)
			return 0;
	return 1;
}

static int ordinary(const struct ctx *c, size_t s, size_t n)
{
	const struct lexinfo *e = s + n <= c->n ? lex_get(res_lex(), c->cp + s, n) : NULL;
	return e && (e->flags & (W_COMMON | W_STOP | W_FUNC | W_NONAME | W_LOC | W_GENERIC)) &&
	       !(e->flags & W_PER);
}

/* The surname at s starts an ordinary word (高兴, 白皮书) or ends one (有关, 各项). */
static int common_start(const struct ctx *c, size_t s)
{
	return ordinary(c, s, 2) || ordinary(c, s, 3) || (s > 0 && ordinary(c, s - 1, 2));
}

/* A word that follows names, unless its first character starts a longer ordinary word
 * (说 of 说明). */
static int after_at(const struct ctx *c, size_t e)
{
	if (e >= c->n || !c->at[e].pafter)
		return 0;
	const struct lexinfo *w = e + 2 <= c->n ? lex_get(res_lex(), c->cp + e, 2) : NULL;
	return !(w && !(w->flags & W_PAFTER) && (w->flags & (W_STOP | W_NONAME | W_COMMON | W_FUNC)));
}

/* What may follow a name: the end, a non-ideograph, a word that follows names, a
 * function character or a unit. */
static int right_open(const struct ctx *c, size_t e)
{
	return e >= c->n || !ctx_is_cjk(c, e) || after_at(c, e) || c->at[e].hard || c->occ[e] ||
	       (c->at[e].startf & (W_STOP | W_FUNC));   /* 村民朱秀英竖起 */
}

/* After a role word, a three-character name may run straight into an idiom
 * (书记董凤英神采奕奕) as long as no known word straddles its end (书记李强调研: 强调). */
static int idiom_after(const struct ctx *c, size_t e)
{
	if (e >= c->n || !(c->at[e].startf & W_IDIOM))
		return 0;
	for (size_t k = e >= 2 ? e - 2 : 0; k < e; k++)
		for (size_t n = e - k + 1; n <= 4 && k + n <= c->n; n++) {
			const struct lexinfo *w = lex_get(res_lex(), c->cp + k, n);
			if (w && w->flags)
				return 0;
		}
	return 1;
}

/* The name starting with the surname at s, given a role word before it (strong) or not:
 * the longest of surname + 2 and surname + 1 whose right side is open. */
static size_t name_len(const struct ctx *c, size_t s, int strong)
{
	size_t sl = c->at[s].sur;
	if (sl == 1 && s + 2 <= c->n && common_start(c, s))
		return 0;
	for (size_t g = 2; g >= 1; g--) {
		size_t e = s + sl + g;
		if (e > c->n || !given_ok(c, s + sl, e))
			continue;
		int after = after_at(c, e);
		if (strong && g == 2 ? right_open(c, e) || idiom_after(c, e) : after)
			return sl + g;   /* 书记蔚鑫说, but not 书记包抓、 */
	}
	return 0;
}

static int left_open(const struct ctx *c, size_t s)
{
	return ctx_left_open(c, s) || (s > 0 && c->occ[s - 1] == 3);
}

/* 两项共识: a surname character that is a measure word after a numeral counts things. */
static int counted(const struct ctx *c, size_t s)
{
	return s > 0 && (c->at[s].startf & W_MEASURE) &&
	       ((c->at[s - 1].startf & W_NUMERAL) || u8_is_digit(c->cp[s - 1]));
}

void names_context(struct ctx *c)
{
	for (size_t s = 0; s < c->n; s++) {
		const struct pos *p = &c->at[s];
		if (!p->sur || c->occ[s] || p->hard || p->pafter || counted(c, s))
			continue;
		size_t t = s + p->sur;
		/* 袁女士, 康大爷 */
		if (t < c->n && c->at[t].ptitle && left_open(c, s) && !common_start(c, s)) {
			add_per(c, s, t + c->at[t].ptitle);
			s = t + c->at[t].ptitle - 1;
			continue;
		}
		size_t len = 0;
		if (p->pbefore_end || (s > 0 && c->at[s].endf & W_PBEFORE))
			len = name_len(c, s, 1);
		else if (left_open(c, s))
			len = name_len(c, s, 0);
		if (len) {
			add_per(c, s, s + len);
			s += len - 1;
		}
	}
}

static int list_mark(int32_t cp)
{
	return cp == 0x3001;   /* 、 */
}

/* Where a list item may end: the end, a 、 or another mark that is no ideograph. */
static int item_edge(const struct ctx *c, size_t e)
{
	return e >= c->n || !ctx_is_cjk(c, e);
}

/* A name right after a 、 at j, next to a name: 黄坤明、王东峰一同调研. */
static int item_after(struct ctx *c, size_t j)
{
	if (j >= c->n || !c->at[j].sur || c->occ[j] || c->at[j].hard)
		return 0;
	size_t sl = c->at[j].sur;
	if (sl == 1 && common_start(c, j))
		return 0;
	size_t len = 0;
	for (size_t g = 1; g <= 2 && !len; g++)
		if (given_ok(c, j + sl, j + sl + g) && item_edge(c, j + sl + g))
			len = sl + g;
	/* the last item, running into the sentence: only before a word that follows names, a
	 * function word, an adverb or a verb (王东峰一同调研, 姜信治出席), not before any word
	 * (巴陆军参谋长) */
	for (size_t g = 2; g >= 1 && !len; g--) {
		size_t e = j + sl + g;
		if (e < c->n && given_ok(c, j + sl, e) &&
		    (after_at(c, e) || c->at[e].hard || (c->at[e].startf & (W_FUNC | W_STOP))))
			len = sl + g;
	}
	if (!len)
		return 0;
	add_per(c, j, j + len);
	return 1;
}

/* A name right before a 、 at k, next to a name: 肖捷、何立峰. */
static int item_before(struct ctx *c, size_t k)
{
	size_t j = k;
	while (j > 0 && k - j < 4 && ctx_is_cjk(c, j - 1) && !c->occ[j - 1])
		j--;
	if (k - j < 2 || k - j > 4 || (j > 0 && ctx_is_cjk(c, j - 1) && !c->at[j].stop_end &&
	                               !c->at[j].pbefore_end))
		return 0;   /* no sound start within four characters */
	size_t sl = c->at[j].sur;
	if (!sl || c->at[j].hard || (sl == 1 && common_start(c, j)) || k - j - sl < 1 ||
	    k - j - sl > 2 || !given_ok(c, j + sl, k))
		return 0;
	add_per(c, j, k);
	return 1;
}

static int per_span(const struct ctx *c, size_t idx, int unit, size_t *s, size_t *e)
{
	if (unit) {
		const struct unit *u = &c->u[idx];
		*s = u->s;
		*e = u->e;
		return u->type == T_PER && !u->dead;
	}
	*s = c->m[idx].s;
	*e = c->m[idx].e;
	return c->m[idx].type == T_PER;
}

void names_lists(struct ctx *c)
{
	/* each name found may reveal the next item, so go round until nothing changes */
	for (int changed = 1, round = 0; changed && round < 16; round++) {
		changed = 0;
		for (int unit = 0; unit <= 1; unit++)
			for (size_t k = 0; k < (unit ? c->nu : c->nm); k++) {
				size_t s, e;
				if (!per_span(c, k, unit, &s, &e))
					continue;
				if (e + 1 < c->n && list_mark(c->cp[e]))
					changed |= item_after(c, e + 1);
				if (s >= 3 && list_mark(c->cp[s - 1]))
					changed |= item_before(c, s - 1);
			}
	}
}

static int closing_paren(int32_t cp)
{
	return cp == ')' || cp == 0xFF09;
}

static int opening_paren(int32_t cp)
{
	return cp == '(' || cp == 0xFF08;
}

static int sentence_end(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' || cp == '?' ||
	       cp == 0x201D || cp == '.';
}

/* ……。(郭磊), ……。(曹坤 霍阿敏): the reporters credited in brackets after the last
 * sentence of a story. */
void names_paren_credit(struct ctx *c)
{
	size_t e = c->n;
	while (e > 0 && space_at(c, e - 1))
		e--;
	if (e < 4 || !closing_paren(c->cp[e - 1]))
		return;
	size_t s = e - 1;
	while (s > 0 && !opening_paren(c->cp[s - 1]) && e - s < 24)
		s--;
	if (s == 0 || !opening_paren(c->cp[s - 1]))
		return;
	size_t b = s - 1;
	while (b > 0 && space_at(c, b - 1))
		b--;
	if (b == 0 || !sentence_end(c->cp[b - 1]))
		return;
	/* every word inside must be a name: else it is a note, not a credit */
	size_t words = 0;
	for (size_t i = s; i < e - 1;) {
		size_t j = i;
		while (j < e - 1 && ctx_is_cjk(c, j))
			j++;
		if (j - i < 2 || j - i > 4 || c->occ[i] || credit_noise(c, i, j) || !given_ok_all(c, i, j))
			return;
		words++;
		i = j;
		while (i < e - 1 && (space_at(c, i) || c->cp[i] == 0x3001))
			i++;
		if (i < e - 1 && !ctx_is_cjk(c, i))
			return;
	}
	for (size_t i = s; words && i < e - 1;) {
		size_t j = i;
		while (j < e - 1 && ctx_is_cjk(c, j))
			j++;
		add_per(c, i, j);
		i = j;
		while (i < e - 1 && !ctx_is_cjk(c, i))
			i++;
	}
}
