/* html: the text of an HTML document, from libxml2's SAX events, with source offsets. */
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include "buf.h"
#include "cli.h"
#include "html.h"
#include "utf8.h"
#include "wordlist.h"

extern const char data_html_blocks_txt[], data_html_drop_txt[];
extern const unsigned long data_html_blocks_txt_len, data_html_drop_txt_len;

/* Bytes handed to the push parser at a time (its chunk size is an int). */
#define CHUNK (256 * 1024)

static struct wordlist blocks, dropped;
static int loaded;

/* One document being extracted. d is the decoded document (UTF-8, what the reader made of
 * the source bytes) and dm maps it to source offsets; e is the text shown and em maps it
 * to source offsets too. pos is how far into d the parser's events have been accounted for:
 * a text event covers d[pos..where the parser now is). */
struct hx {
	htmlParserCtxtPtr ctxt;
	struct buf d;
	struct tmap dm;
	size_t pos;
	int skip;                 /* depth inside dropped elements */
	int pre;                  /* depth inside <pre> (white space kept) */
	int nl;                   /* pending break: 1 a line, 2 a paragraph */
	unsigned long long nl_at; /* source offset the break is placed at */
	int space, space_nl;      /* pending collapsed white space, and whether it held a newline */
	size_t sp_from, sp_to;    /* its span in d */
	int32_t last;             /* last code point written, 0 at the start of a block */
	unsigned long long end;   /* source offset where the text written so far ends */
	struct buf e;
	struct tmap em;
};

static void load_lists(void)
{
	if (loaded)
		return;
	wl_load(&blocks, data_html_blocks_txt, data_html_blocks_txt_len);
	wl_load(&dropped, data_html_drop_txt, data_html_drop_txt_len);
	loaded = 1;
}

/* Where the parser is in d. */
static size_t here(struct hx *h)
{
	long c = xmlByteConsumed(h->ctxt);
	if (c < 0)
		return h->pos;
	return (size_t)c > h->d.n ? h->d.n : (size_t)c;
}

static void advance(struct hx *h)
{
	size_t c = here(h);
	if (c > h->pos)
		h->pos = c;
}

/* East Asian wide characters: a line break between two of them is removed, not turned
 * into a space (CSS Text 3, segment break transformation). */
static int wide(int32_t c)
{
	return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	       (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	       (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

/* Append p[0..n) to the text, taken from d[a..b). */
static void put(struct hx *h, const char *p, size_t n, size_t a, size_t b)
{
	unsigned long long s = tm_start(&h->dm, a), t = tm_end(&h->dm, b);
	struct tmap *m = &h->em;
	if (b - a == n && t - s != n) {
		/* The same bytes, but not mapped one to one (converted from another charset). */
		tm_copy(m, &h->dm, a, b, h->e.n);
		buf_add(&h->e, p, n);
		h->end = t;
		return;
	}
	if (!m->n || m->a[m->n - 1].s + (h->e.n - m->a[m->n - 1].d) != s)
		tm_add(m, h->e.n, s);
	buf_add(&h->e, p, n);
	if (t != s + n)
		tm_add(m, h->e.n, t);
	h->end = t;
}

/* Write what is pending before a character c: a break, or the collapsed white space. */
static void flush(struct hx *h, int32_t c)
{
	if (h->nl && h->e.n) {
		/* A seam: the text before ends where its last character does, not at the break. */
		tm_add(&h->em, h->e.n, h->end);
		tm_add(&h->em, h->e.n, h->nl_at);
		buf_add(&h->e, "\n\n", (size_t)h->nl);
		tm_add(&h->em, h->e.n, h->nl_at);
		h->end = h->nl_at;
	} else if (h->space && h->last && !(h->space_nl && wide(h->last) && wide(c))) {
		put(h, " ", 1, h->sp_from, h->sp_to);
	}
	if (h->nl)
		h->last = 0;
	h->nl = h->space = 0;
}

static void brk(struct hx *h, int level)
{
	if (!h->nl)
		h->nl_at = tm_start(&h->dm, h->pos);
	h->nl = level == 1 ? (h->nl < 2 ? h->nl + 1 : 2) : 2;
	h->space = 0;
}

/* The span in d of a character c (n bytes) that the parser reports next: the same bytes,
 * an entity or character reference, a CR LF read as LF; failing those, the next place
 * the bytes occur (the parser skipped something), else nothing. Ends at or before lim. */
static void span(const struct hx *h, const char *c, size_t n, size_t lim, size_t *a, size_t *b)
{
	const char *d = h->d.p;
	size_t i = h->pos;
	*a = *b = i;
	if (i >= lim)
		return;
	if (i + n <= lim && memcmp(d + i, c, n) == 0) {
		*b = i + n;
	} else if (d[i] == '&') {
		size_t j = i + 1;
		while (j < lim && j - i < 40 && (d[j] == '#' || (d[j] >= '0' && d[j] <= '9') ||
		                                 ((d[j] | 0x20) >= 'a' && (d[j] | 0x20) <= 'z')))
			j++;
		if (j < lim && d[j] == ';')
			j++;
		*b = j;
	} else if (d[i] == '\r' && c[0] == '\n') {
		*b = i + 1 + (i + 1 < lim && d[i + 1] == '\n');
	} else {
		const char *f = memmem(d + i, lim - i, c, n);
		if (f) {
			*a = (size_t)(f - d);
			*b = *a + n;
		}
	}
}

static int is_space(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void on_text(void *u, const xmlChar *ch, int len)
{
	struct hx *h = u;
	size_t lim = here(h);
	if (h->skip || len <= 0) {
		advance(h);
		return;
	}
	const char *p = (const char *)ch;
	size_t n = (size_t)len;
	/* A run of characters that are the source bytes themselves is written in one piece:
	 * from p[rs] to p[i], taken from d[ra..rb). */
	size_t rs = 0, ra = 0, rb = 0;
	int run = 0;
	for (size_t i = 0; i < n;) {
		int32_t c;
		size_t l = u8_decode(p + i, n - i, &c);
		size_t a, b;
		span(h, p + i, l, lim, &a, &b);
		if (b > h->pos)
			h->pos = b;
		int space = !h->pre && is_space(c);
		if (run && (space || a != rb || b - a != l)) {
			put(h, p + rs, i - rs, ra, rb);
			run = 0;
		}
		if (space) {
			if (!h->space) {
				h->space = 1;
				h->space_nl = 0;
				h->sp_from = a;
			}
			h->space_nl |= c == '\n' || c == '\r';
			h->sp_to = b;
		} else {
			if (!run)
				flush(h, c);
			if (b - a == l && !(h->pre && c == '\n')) {
				if (!run) {
					run = 1;
					rs = i;
					ra = a;
				}
				rb = b;
			} else {
				put(h, p + i, l, a, b);
			}
			h->last = c == '\n' ? 0 : c;
		}
		i += l;
	}
	if (run)
		put(h, p + rs, n - rs, ra, rb);
	advance(h);
}

static void on_start(void *u, const xmlChar *name, const xmlChar **attrs)
{
	(void)attrs;
	struct hx *h = u;
	const char *s = (const char *)name;
	size_t n = strlen(s);
	if (wl_has(&dropped, s, n))
		h->skip++;
	else if (!h->skip && strcmp(s, "br") == 0)
		brk(h, 1);
	else if (!h->skip && wl_has(&blocks, s, n))
		brk(h, 2);
	if (!h->skip && strcmp(s, "pre") == 0)
		h->pre++;
	advance(h);
}

static void on_end(void *u, const xmlChar *name)
{
	struct hx *h = u;
	const char *s = (const char *)name;
	size_t n = strlen(s);
	if (wl_has(&dropped, s, n)) {
		if (h->skip)
			h->skip--;
	} else if (!h->skip) {
		if (wl_has(&blocks, s, n))
			brk(h, 2);
		if (strcmp(s, "pre") == 0 && h->pre)
			h->pre--;
	}
	advance(h);
}

/* Comments, processing instructions, the doctype, script and style bodies: no text. */
static void on_other(void *u, const xmlChar *a)
{
	(void)a;
	advance(u);
}

static void on_block(void *u, const xmlChar *a, int n)
{
	(void)a;
	(void)n;
	advance(u);
}

static void on_pi(void *u, const xmlChar *a, const xmlChar *b)
{
	(void)a;
	(void)b;
	advance(u);
}

static void on_subset(void *u, const xmlChar *a, const xmlChar *b, const xmlChar *c)
{
	(void)a;
	(void)b;
	(void)c;
	advance(u);
}

/* Malformed HTML is the rule on the web, not bad data: the parser's complaints are dropped. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Does the text start like an HTML document (after white space)? */
static int looks_html(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r' || p[i] == '\f'))
		i++;
	p += i;
	n -= i;
	if (n >= 9 && strncasecmp(p, "<!doctype", 9) == 0)
		return 1;
	return n >= 5 && strncasecmp(p, "<html", 5) == 0 &&
	       (n == 5 || p[5] == '>' || p[5] == ' ' || p[5] == '\t' || p[5] == '\n' || p[5] == '\r');
}

/* Read the whole document into h->d, a newline after each line. 0, or -1 when it could
 * not be read to its end (what was read is kept). */
static int slurp(struct reader *r, struct hx *h)
{
	struct line ln = { BUF_INIT, TMAP_INIT, 0, 0 };
	int rc;
	while ((rc = rd_line(r, &ln)) > 0) {
		for (;;) {
			tm_copy(&h->dm, &ln.m, 0, ln.t.n, h->d.n);
			buf_add(&h->d, ln.t.p ? ln.t.p : "", ln.t.n);
			if (ln.complete)
				break;
			if (rd_more(r, &ln) < 0) {
				rc = -1;
				break;
			}
		}
		if (rc < 0)
			break;
		buf_addc(&h->d, '\n');
	}
	line_free(&ln);
	return rc < 0 ? -1 : 0;
}

static void extract(struct hx *h)
{
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.ignorableWhitespace = on_text;
	sax.cdataBlock = on_block;
	sax.comment = on_other;
	sax.processingInstruction = on_pi;
	sax.internalSubset = on_subset;
	sax.warning = quiet;
	sax.error = quiet;
	sax.fatalError = quiet;
	xmlSetGenericErrorFunc(NULL, quiet);
	h->ctxt = htmlCreatePushParserCtxt(&sax, h, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
	if (!h->ctxt)
		fatal(EXIT_SYS, "out of memory");
	htmlCtxtUseOptions(h->ctxt, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	                            HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE);
	for (size_t i = 0; i < h->d.n; i += CHUNK) {
		size_t n = h->d.n - i < CHUNK ? h->d.n - i : CHUNK;
		htmlParseChunk(h->ctxt, h->d.p + i, (int)n, 0);
	}
	htmlParseChunk(h->ctxt, NULL, 0, 1);
	htmlFreeParserCtxt(h->ctxt);
	h->ctxt = NULL;
}

int html_run(struct reader *r, const char *doc, const struct doc_opts *o, enum html_mode mode)
{
	if (mode == HTML_OFF)
		return doc_run(r, doc, o);
	if (mode == HTML_AUTO) {
		const char *p;
		size_t n;
		if (rd_peek(r, 1024, &p, &n) < 0 || !looks_html(p, n))
			return doc_run(r, doc, o);
	}
	load_lists();
	struct hx h;
	memset(&h, 0, sizeof h);
	int rc = slurp(r, &h);
	extract(&h);
	buf_free(&h.d);
	tm_free(&h.dm);
	static struct reader t;
	t.o = r->o;
	rd_open_mem(&t, r->name, h.e.p ? h.e.p : "", h.e.n);
	t.conv = 0;   /* the text is UTF-8 already */
	t.premap = &h.em;
	int ret = doc_run(&t, doc, o);
	rd_close(&t);
	buf_free(&h.e);
	tm_free(&h.em);
	return rc < 0 ? -1 : ret;
}

/* Source offset of text position p: where a piece starts (start) or ends (!start). */
static unsigned long long at(const struct tmap *pre, unsigned long long p, int start)
{
	return start ? tm_start(pre, (size_t)p) : tm_end(pre, (size_t)p);
}

void html_remap(struct tmap *m, const struct tmap *pre)
{
	struct tmap out = TMAP_INIT;
	for (size_t i = 0; i < m->n; i++) {
		struct anchor x = m->a[i];
		int end = i + 1 == m->n || m->a[i + 1].d == x.d;
		tm_add(&out, x.d, at(pre, x.s, !end));
		if (end)
			continue;
		/* The text's own anchors inside this linear piece of the line. */
		unsigned long long lo = x.s, hi = x.s + (m->a[i + 1].d - x.d);
		if (m->a[i + 1].s < hi)
			hi = m->a[i + 1].s;
		size_t k = 0, n = pre->n, top = n;
		while (k < top) {
			size_t mid = k + (top - k) / 2;
			if (pre->a[mid].d <= lo)
				k = mid + 1;
			else
				top = mid;
		}
		for (; k < n && pre->a[k].d < hi; k++)
			tm_add(&out, x.d + (pre->a[k].d - (size_t)lo), pre->a[k].s);
	}
	tm_free(m);
	*m = out;
}
