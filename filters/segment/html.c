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

/* Decoded bytes handed to the push parser at a time, and the text handed to the reader
 * at a time: the memory an HTML document takes besides the parser's own. */
#define CHUNK (64 * 1024)

static struct wordlist blocks, dropped;
static int loaded;

/* One document being extracted, as a stream. d is the decoded document (UTF-8, what the
 * reader made of the source bytes) from position base on, and dm maps it (from 0 = base)
 * to source offsets; the parser has been given it up to position fed. e is the text shown
 * not yet handed out, from text position ebase on; em maps text positions to source
 * offsets. pos is how far into d the parser's events have been accounted for: a text
 * event covers d[pos..where the parser now is). Positions are counted from the start of
 * the document. */
struct hx {
	htmlParserCtxtPtr ctxt;
	struct reader *src;
	struct line ln;
	int more;                 /* ln is a fragment: the rest of its line is to come */
	int done, failed;         /* src is read to its end; it could not be */
	struct buf d;
	struct tmap dm;
	size_t base, fed, pos;
	int skip;                 /* depth inside dropped elements */
	int article;              /* depth inside <article> and <main> */
	int pre;                  /* depth inside <pre> (white space kept) */
	int nl;                   /* pending break: 1 a line, 2 a paragraph */
	unsigned long long nl_at; /* source offset the break is placed at */
	int space, space_nl;      /* pending collapsed white space, and whether it held a newline */
	size_t sp_from, sp_to;    /* its span in d */
	int32_t last;             /* last code point written, 0 at the start of a block */
	unsigned long long end;   /* source offset where the text written so far ends */
	struct buf e;
	size_t ebase, eout;       /* e[0..eout) is handed out already */
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
	return (size_t)c > h->fed ? h->fed : (size_t)c;
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
	unsigned long long s = tm_start(&h->dm, a - h->base), t = tm_end(&h->dm, b - h->base);
	struct tmap *m = &h->em;
	size_t at = h->ebase + h->e.n;
	if (b - a == n && t - s != n) {
		/* The same bytes, but not mapped one to one (converted from another charset). */
		tm_copy(m, &h->dm, a - h->base, b - h->base, at);
		buf_add(&h->e, p, n);
		h->end = t;
		return;
	}
	if (!m->n || m->a[m->n - 1].s + (at - m->a[m->n - 1].d) != s)
		tm_add(m, at, s);
	buf_add(&h->e, p, n);
	if (t != s + n)
		tm_add(m, at + n, t);
	h->end = t;
}

/* Write what is pending before a character c: a break, or the collapsed white space. */
static void flush(struct hx *h, int32_t c)
{
	if (h->nl && h->ebase + h->e.n) {
		/* A seam: the text before ends where its last character does, not at the break. */
		tm_add(&h->em, h->ebase + h->e.n, h->end);
		tm_add(&h->em, h->ebase + h->e.n, h->nl_at);
		buf_add(&h->e, "\n\n", (size_t)h->nl);
		tm_add(&h->em, h->ebase + h->e.n, h->nl_at);
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
		h->nl_at = tm_start(&h->dm, h->pos - h->base);
	h->nl = level == 1 ? (h->nl < 2 ? h->nl + 1 : 2) : 2;
	h->space = 0;
}

/* The span in d of a character c (n bytes) that the parser reports next: the same bytes,
 * an entity or character reference, a CR LF read as LF; failing those, the next place
 * the bytes occur (the parser skipped something), else nothing. Ends at or before lim. */
static void span(const struct hx *h, const char *c, size_t n, size_t lim, size_t *a, size_t *b)
{
	const char *d = h->d.p;
	size_t o = h->base, i = h->pos - o;
	*a = *b = h->pos;
	if (h->pos >= lim)
		return;
	lim -= o;
	if (i + n <= lim && memcmp(d + i, c, n) == 0) {
		*b = o + i + n;
	} else if (d[i] == '&') {
		size_t j = i + 1;
		while (j < lim && j - i < 40 && (d[j] == '#' || (d[j] >= '0' && d[j] <= '9') ||
		                                 ((d[j] | 0x20) >= 'a' && (d[j] | 0x20) <= 'z')))
			j++;
		if (j < lim && d[j] == ';')
			j++;
		*b = o + j;
	} else if (d[i] == '\r' && c[0] == '\n') {
		*b = o + i + 1 + (i + 1 < lim && d[i + 1] == '\n');
	} else {
		const char *f = memmem(d + i, lim - i, c, n);
		if (f) {
			*a = o + (size_t)(f - d);
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

/* A header or footer inside an article is the article's own (its headline, its byline),
 * not the site's: kept. */
static int dropped_here(const struct hx *h, const char *s, size_t n)
{
	if (h->article && (strcmp(s, "header") == 0 || strcmp(s, "footer") == 0))
		return 0;
	return wl_has(&dropped, s, n);
}

static int is_article(const char *s)
{
	return strcmp(s, "article") == 0 || strcmp(s, "main") == 0;
}

static void on_start(void *u, const xmlChar *name, const xmlChar **attrs)
{
	(void)attrs;
	struct hx *h = u;
	const char *s = (const char *)name;
	size_t n = strlen(s);
	if (!h->skip && is_article(s))
		h->article++;
	if (dropped_here(h, s, n))
		h->skip++;
	else if (!h->skip && strcmp(s, "br") == 0)
		brk(h, 1);
	else if (!h->skip && wl_has(&blocks, s, n))
		brk(h, 2);
	if (!h->skip && strcmp(s, "pre") == 0)
		h->pre++;
	advance(h);
	/* The parser reports a start tag before it steps over its closing > or />: step over
	 * it here, or the text that follows would be matched against it. */
	size_t i = h->pos - h->base;
	if (i < h->d.n && h->d.p[i] == '/')
		i++;
	if (i < h->d.n && h->d.p[i] == '>')
		h->pos = h->base + i + 1;
}

static void on_end(void *u, const xmlChar *name)
{
	struct hx *h = u;
	const char *s = (const char *)name;
	size_t n = strlen(s);
	if (dropped_here(h, s, n)) {
		if (h->skip)
			h->skip--;
	} else if (!h->skip) {
		if (is_article(s) && h->article)
			h->article--;
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

/* Does the text start like an HTML document: <!DOCTYPE or <html, after white space, an XML
 * declaration and comments? */
static int looks_html(const char *p, size_t n)
{
	const char *e = p + n;
	for (;;) {
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f'))
			p++;
		const char *close = NULL;
		if (e - p >= 5 && memcmp(p, "<?xml", 5) == 0)
			close = "?>";
		else if (e - p >= 4 && memcmp(p, "<!--", 4) == 0)
			close = "-->";
		if (!close)
			break;
		const char *q = memmem(p, (size_t)(e - p), close, strlen(close));
		if (!q)
			return 0;
		p = q + strlen(close);
	}
	n = (size_t)(e - p);
	if (n >= 9 && strncasecmp(p, "<!doctype", 9) == 0)
		return 1;
	return n >= 5 && strncasecmp(p, "<html", 5) == 0 &&
	       (n == 5 || p[5] == '>' || p[5] == ' ' || p[5] == '\t' || p[5] == '\n' || p[5] == '\r');
}

/* Forget the part of d no event will look at again: before pos, and before pending white
 * space (its span is written later). Done when it is large, so the moves stay cheap. */
static void trim(struct hx *h)
{
	size_t keep = h->space && h->sp_from < h->pos ? h->sp_from : h->pos;
	size_t cut = keep - h->base;
	if (cut < CHUNK || cut < h->d.n / 2)
		return;
	memmove(h->d.p, h->d.p + cut, h->d.n - cut);
	h->d.n -= cut;
	tm_rebase(&h->dm, cut);
	h->base += cut;
}

/* Read the next line or fragment of the source into d (a newline after each line);
 * 0, or -1 at the end (or when the source failed, which is noted). */
static int read_more(struct hx *h)
{
	int rc = h->more ? rd_more(h->src, &h->ln) : rd_line(h->src, &h->ln);
	if (rc <= 0) {
		h->failed |= rc < 0;
		return -1;
	}
	tm_copy(&h->dm, &h->ln.m, 0, h->ln.t.n, h->d.n);
	buf_add(&h->d, h->ln.t.p ? h->ln.t.p : "", h->ln.t.n);
	h->more = !h->ln.complete;
	if (!h->more)
		buf_addc(&h->d, '\n');
	return 0;
}

/* The reader's source: the next piece of text shown, n bytes at *p (0 at the end). */
static ssize_t pull(void *ctx, const char **p)
{
	struct hx *h = ctx;
	/* What was handed out is the reader's now; keep the rest, moved down when it is
	 * less than what goes. */
	if (h->eout && h->eout >= h->e.n - h->eout) {
		memmove(h->e.p, h->e.p + h->eout, h->e.n - h->eout);
		h->e.n -= h->eout;
		h->ebase += h->eout;
		h->eout = 0;
	}
	while (h->e.n - h->eout < CHUNK && !h->done) {
		int end = 0;
		while (h->base + h->d.n - h->fed < CHUNK && !end)
			end = read_more(h) < 0;
		size_t from = h->fed - h->base, n = h->d.n - from;
		h->fed += n;   /* before the call: its events may reach the end of the piece */
		htmlParseChunk(h->ctxt, h->d.p + from, (int)n, end);
		h->done = end;
		trim(h);
	}
	/* At most a chunk at a time: a text node of 100 MB comes out of the parser at once. */
	size_t n = h->e.n - h->eout < CHUNK ? h->e.n - h->eout : CHUNK;
	*p = h->e.p ? h->e.p + h->eout : "";
	h->eout += n;
	return (ssize_t)n;
}

static htmlParserCtxtPtr parser(struct hx *h)
{
	static xmlSAXHandler sax;
	if (!sax.startElement) {
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
	}
	htmlParserCtxtPtr c = htmlCreatePushParserCtxt(&sax, h, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
	if (!c)
		fatal(EXIT_SYS, "out of memory");
	htmlCtxtUseOptions(c, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	                      HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE);
	return c;
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
	static struct hx h;
	struct hx zero = { 0 };
	struct buf d = h.d, e = h.e;
	struct tmap dm = h.dm, em = h.em;
	struct line ln = h.ln;
	h = zero;             /* buffers kept from the last document, emptied */
	h.d = d;
	h.e = e;
	h.dm = dm;
	h.em = em;
	h.ln = ln;
	buf_clear(&h.d);
	buf_clear(&h.e);
	tm_clear(&h.dm);
	tm_clear(&h.em);
	h.src = r;
	h.ctxt = parser(&h);
	static struct reader t;
	t.o = r->o;
	rd_open_mem(&t, r->name, "", 0);
	t.conv = 0;   /* the text is UTF-8 already */
	t.premap = &h.em;
	t.pull = pull;
	t.pull_ctx = &h;
	int ret = doc_run(&t, doc, o);
	rd_close(&t);
	t.pull = NULL;
	t.premap = NULL;
	htmlFreeParserCtxt(h.ctxt);
	h.ctxt = NULL;
	return h.failed ? -1 : ret;
}

/* Source offset of text position p: where a piece starts (start) or ends (!start). */
static unsigned long long at(const struct tmap *pre, unsigned long long p, int start)
{
	return start ? tm_start(pre, (size_t)p) : tm_end(pre, (size_t)p);
}

void html_remap(struct tmap *m, struct tmap *pre)
{
	/* Anchors before this line are not needed again (keep the one it starts after). */
	if (m->n && pre->n) {
		size_t k = 0, top = pre->n;
		while (k < top) {
			size_t mid = k + (top - k) / 2;
			if (pre->a[mid].d < m->a[0].s)
				k = mid + 1;
			else
				top = mid;
		}
		if (k > 1 && k > pre->n / 2) {
			memmove(pre->a, pre->a + (k - 1), (pre->n - (k - 1)) * sizeof *pre->a);
			pre->n -= k - 1;
		}
	}
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
