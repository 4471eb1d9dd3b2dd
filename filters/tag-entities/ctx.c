/* ctx: segment decoding, the lexicon scan and the mention lists; see ctx.h. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "ctx.h"
#include "utf8.h"

static void reserve(struct ctx *c, size_t n)
{
	if (n + 1 <= c->cap)
		return;
	size_t cap = c->cap ? c->cap : 256;
	while (cap < n + 1)
		cap *= 2;
	c->cp = xrealloc(c->cp, cap * sizeof *c->cp);
	c->boff = xrealloc(c->boff, cap * sizeof *c->boff);
	c->at = xrealloc(c->at, cap * sizeof *c->at);
	c->occ = xrealloc(c->occ, cap);
	c->unit_at = xrealloc(c->unit_at, cap * sizeof *c->unit_at);
	c->cap = cap;
}

void ctx_load(struct ctx *c, const char *text, size_t len)
{
	c->text = text;
	c->len = len;
	reserve(c, len);   /* never more code points than bytes */
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		unsigned char b = (unsigned char)text[i];
		int32_t cp;
		size_t k;
		if (b < 0x80) {
			cp = b;
			k = 1;
		} else if (b >= 0xE0 && b < 0xF0 && i + 2 < len) {
			/* the driver hands over valid UTF-8: the common three-byte case decodes directly */
			cp = ((int32_t)(b & 0x0F) << 12) | ((int32_t)(text[i + 1] & 0x3F) << 6) |
			     (int32_t)(text[i + 2] & 0x3F);
			k = 3;
		} else {
			k = u8_decode(text + i, len - i, &cp);
			if (cp < 0)
				cp = U8_REPLACEMENT;
		}
		c->boff[n] = i;
		c->cp[n++] = cp;
		i += k;
	}
	c->boff[n] = len;
	c->n = n;
	memset(c->at, 0, (n + 1) * sizeof *c->at);
	memset(c->occ, 0, n + 1);
	memset(c->unit_at, 0, (n + 1) * sizeof *c->unit_at);
	c->nu = c->nm = c->vlen = 0;
}

static void note(struct ctx *c, size_t i, size_t len, const struct lexinfo *e, uint32_t idx)
{
	struct pos *p = &c->at[i];
	uint32_t f = e->flags;
	size_t end = i + len;
	c->at[end].endf |= f;
	p->startf |= f;
	if (len > UINT8_MAX)
		return;   /* the data files hold no word this long */
	if ((f & (W_LOC | W_ORG | W_PER)) && len > p->ent) {
		p->ent = (uint8_t)len;
		p->ei = idx;
	}
	if ((f & W_LSFX) && len > p->lsfx) {
		p->lsfx = (uint8_t)len;
		p->li = idx;
	}
	if ((f & W_OSFX) && len > p->osfx) {
		p->osfx = (uint8_t)len;
		p->oi = idx;
	}
	if ((f & W_BREAK) && len > p->brk)
		p->brk = (uint8_t)len;
	if ((f & W_PTITLE) && len > p->ptitle)
		p->ptitle = (uint8_t)len;
	if ((f & W_BYLINE) && len > p->byline)
		p->byline = (uint8_t)len;
	if ((f & W_PBEFORE) && len > p->pbefore)
		p->pbefore = (uint8_t)len;
	if ((f & W_SURNAME) && len > p->sur)
		p->sur = (uint8_t)len;
	if (f & W_PAFTER)
		p->pafter = 1;
	/* the end of an organisation's name bounds a place name after it */
	if ((f & W_OSFX) && len >= 2)
		c->at[end].stop_end = 1;
	if (f & W_PBEFORE)
		c->at[end].pbefore_end = 1;
	if (f & (W_STOP | W_HARD))
		c->at[end].stop_end = 1;
	if ((f & W_HARD) && len == 1)
		p->hard = 1;
	if ((f & W_GENERIC) && len > c->at[end].gen_end)
		c->at[end].gen_end = (uint8_t)len;
	if ((f & (W_COMMON | W_NONAME | W_STOP | W_FUNC | W_GENERIC | W_NOPLACE)) &&
	    !(f & (W_LOC | W_ORG | W_PER)) && len >= 3 && len > p->ord)
		p->ord = (uint8_t)len;
}

void ctx_scan(struct ctx *c, const struct lex *x)
{
	c->lex = x;
	for (size_t i = 0; i < c->n; i++) {
		uint32_t node = lex_step(x, 0, c->cp[i]);
		for (size_t j = i; node;) {
			uint32_t idx = x->info[node] & ~LEX_KIDS;
			if (idx)
				note(c, i, j - i + 1, &x->infos[idx], idx);
			if (++j >= c->n || (j == i + 1 && !lex_may_pair(x, c->cp[i], c->cp[j])))
				break;
			node = lex_step(x, node, c->cp[j]);
		}
	}
}

void ctx_free(struct ctx *c)
{
	free(c->cp);
	free(c->boff);
	free(c->at);
	free(c->occ);
	free(c->unit_at);
	free(c->u);
	free(c->m);
	free(c->vbuf);
	memset(c, 0, sizeof *c);
}

size_t ctx_add_unit(struct ctx *c, size_t s, size_t e, int kind, int rank, int type)
{
	if (c->nu == c->ucap) {
		c->ucap = c->ucap ? c->ucap * 2 : 32;
		c->u = xrealloc(c->u, c->ucap * sizeof *c->u);
	}
	struct unit *u = &c->u[c->nu];
	memset(u, 0, sizeof *u);
	u->s = s;
	u->e = e;
	u->kind = kind;
	u->rank = rank;
	u->type = type;
	ctx_mark_unit(c, c->nu);
	return c->nu++;
}

void ctx_mark_unit(struct ctx *c, size_t idx)
{
	const struct unit *u = &c->u[idx];
	for (size_t i = u->s; i < u->e; i++) {
		c->unit_at[i] = (int)idx + 1;
		if (c->occ[i] < 2)
			c->occ[i] = 2;
	}
}

static struct mention *new_mention(struct ctx *c, size_t s, size_t e, int type)
{
	if (c->nm == c->mcap) {
		c->mcap = c->mcap ? c->mcap * 2 : 32;
		c->m = xrealloc(c->m, c->mcap * sizeof *c->m);
	}
	struct mention *m = &c->m[c->nm++];
	memset(m, 0, sizeof *m);
	m->s = s;
	m->e = e;
	m->type = type;
	return m;
}

void ctx_add_mention(struct ctx *c, size_t s, size_t e, int type, const char *v)
{
	new_mention(c, s, e, type)->value = v && *v ? v : NULL;
}

void ctx_add_made(struct ctx *c, size_t s, size_t e, int type, const char *p, size_t n)
{
	if (c->vlen + n > c->vcap) {
		size_t cap = c->vcap ? c->vcap : 256;
		while (cap < c->vlen + n)
			cap *= 2;
		c->vbuf = xrealloc(c->vbuf, cap);
		c->vcap = cap;
	}
	struct mention *m = new_mention(c, s, e, type);
	memcpy(c->vbuf + c->vlen, p, n);
	m->voff = c->vlen;
	m->vlen = n;
	c->vlen += n;
}

const char *ctx_mention_value(const struct ctx *c, const struct mention *m, size_t *n)
{
	if (m->value) {
		*n = strlen(m->value);
		return m->value;
	}
	*n = m->vlen;
	return m->vlen ? c->vbuf + m->voff : NULL;
}

int ctx_is_cjk(const struct ctx *c, size_t i)
{
	return i < c->n && u8_is_cjk(c->cp[i]);
}

int ctx_free_span(const struct ctx *c, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (c->occ[i])
			return 0;
	return 1;
}

int ctx_left_open(const struct ctx *c, size_t i)
{
	if (i == 0 || !ctx_is_cjk(c, i - 1) || c->at[i].stop_end)
		return 1;
	/* 十四届和林格尔: what a numeral and its measure word count starts after them */
	if (i >= 2 && (c->at[i - 1].startf & W_MEASURE) &&
	    ((c->at[i - 2].endf & W_NUMERAL) || u8_is_digit(c->cp[i - 2])))
		return 1;
	return c->unit_at[i - 1] && c->u[c->unit_at[i - 1] - 1].e == i;
}

int ctx_is_space(int32_t cp)
{
	return cp == ' ' || cp == 0x3000 || cp == 0xA0 || cp == '\t';
}
