/* document: typing lines in context, rejoining layout breaks, feeding the splitter. */
#include <stdlib.h>
#include <string.h>
#include "boiler.h"
#include "chars.h"
#include "cli.h"
#include "document.h"
#include "emit.h"
#include "lines.h"
#include "sentences.h"

/* An image leaves extra blank lines; a lone short sentence after such a gap is its caption. */
#define IMAGE_GAP 2
#define PHOTO_CAPTION_MAX_CP 80
/* A caption that runs over a layout break, before its photo credit, is still short. */
#define CREDITED_CAPTION_MAX_CP 200
/* A photo item (headline, up to three caption paragraphs, credit) is short too. */
#define PHOTO_ITEM_PARAS 3
#define PHOTO_ITEM_MAX_CP 400
/* Bytes of the end of a long line kept to see how it ends. */
#define TAIL 64
/* Lines read ahead to see what follows a heading: whether article text comes (then it
 * is a headline) or only more navigation (then it is page furniture). */
#define LOOK 40
/* Lines read at the start of a document to learn its spacing. */
#define SPACING_LINES 8
/* The ring's first size: a power of two above LOOK. */
#define LOOK_RING 64
/* A headline is shorter than the paragraph under it; a line as long as the next is the
 * first line of a paragraph wrapped by the layout. */
#define HEADLINE_RATIO_NUM 6
#define HEADLINE_RATIO_DEN 5
/* Column names and menu entries are short ("东区新闻", "基金资讯"); a kicker is longer. */
#define LABEL_MAX_CP 8
/* A bracketed note after the last sentence of a paragraph ("（记者 胡晓蓉）") is a credit. */
#define BRACKET_CREDIT_MAX_CP 16
/* ... naming someone or something: "（完）" and "（图）" are not credits. */
#define BRACKET_CREDIT_MIN_CP 5

enum seg_type { T_SENT, T_TITLE, T_BYLINE, T_CAPTION, T_BOILER };
enum { FOOTER_NONE, FOOTER_NOTICE, FOOTER_LINKS };
/* A paragraph of prose after link lists ends them: a real sentence this long. */
#define PROSE_MIN_CP 30
static const char *const type_names[] = { "sent", "title", "byline", "caption", "boiler" };

struct wline {
	struct line ln;
	struct linefeat f;
	int own;         /* its type on its own (line_type), kept once computed */
	size_t gap;      /* blank lines just before it */
	int first;       /* no text before it in the document */
};

struct doc {
	struct reader *r;
	struct splitter sp;
	struct emitter em;
	struct wline *w;     /* a ring: lines read ahead from w[h], oldest first */
	size_t h, nw, cap;
	size_t gap;
	size_t unit;         /* fewest blank lines between two lines of the document so far */
	int seen, eof, err;
	int footer;          /* past a copyright notice (FOOTER_NOTICE) or a link-list heading
	                      * (FOOTER_LINKS): page furniture */
	int zone;            /* inside the article: a headline or body text was given */
	int boiler_seen;     /* page furniture came before */
	enum seg_type last;  /* type of the paragraph before */
	int para_segs;       /* segments of the current paragraph so far */
	char tail[TAIL];
	size_t ntail;
};

#define W(d, i) (&(d)->w[((d)->h + (i)) & ((d)->cap - 1)])
/* Blank lines before line x beyond the document's usual spacing: on a page that puts a
 * blank line between all its lines, one blank line separates nothing. */
#define GAP(d, x) ((x)->gap > (d)->unit ? (x)->gap - (d)->unit : 0)

static int bracket_credit(const char *p, size_t n);
static enum seg_type line_type(const struct wline *x);
static size_t broken_run(struct doc *d);

static void on_segment(void *ctx, const char *p, size_t n,
                       unsigned long long start, unsigned long long end)
{
	struct doc *d = ctx;
	const char *type = d->em.type;
	/* "…已确定。（记者 胡晓蓉）": a credit left after the last sentence. */
	if (d->sp.at_end && d->para_segs > 0 && !d->sp.whole && bracket_credit(p, n))
		d->em.type = type_names[T_BYLINE];
	emit_row(&d->em, p, n, start, end);
	d->em.type = type;
	d->para_segs++;
}

/* Make room for one more line: the window is a ring of a power-of-two size; when full it
 * doubles, its lines put in order at the front. */
static void make_room(struct doc *d)
{
	if (d->nw < d->cap)
		return;
	size_t ncap = d->cap ? d->cap * 2 : LOOK_RING;
	struct wline *w = xcalloc(ncap, sizeof *w);
	for (size_t i = 0; i < d->nw; i++)
		w[i] = *W(d, i);
	free(d->w);
	d->w = w;
	d->h = 0;
	d->cap = ncap;
}

/* Read ahead until k lines are held, the input ends, or the last one held is a long line
 * whose rest must be consumed first. */
static void wfill(struct doc *d, size_t k)
{
	while (d->nw < k && !d->eof && !d->err) {
		if (d->nw && !W(d, d->nw - 1)->ln.complete)
			return;
		make_room(d);
		struct wline *x = W(d, d->nw);
		int rc = rd_line(d->r, &x->ln);
		if (rc <= 0) {
			d->eof = rc == 0;
			d->err = rc < 0;
			return;
		}
		lf_compute(&x->f, x->ln.t.p, x->ln.t.n, x->ln.complete);
		x->own = line_type(x);
		if (x->f.blank) {
			d->gap++;
			continue;
		}
		x->gap = d->gap;
		x->first = !d->seen;
		if (!x->first && x->gap < d->unit)
			d->unit = x->gap;
		d->seen = 1;
		d->gap = 0;
		d->nw++;
	}
}

/* Drop the oldest line, keeping its buffers for reuse. */
static void pop(struct doc *d)
{
	d->h = (d->h + 1) & (d->cap - 1);
	d->nw--;
}

/* The type a line has on its own, before its neighbours are considered. */
static enum seg_type line_type(const struct wline *x)
{
	const struct linefeat *f = &x->f;
	if (f->starts_article || !f->complete)
		return T_SENT;
	if (f->credit)
		return T_BYLINE;
	if (f->boiler)
		return T_BOILER;
	if (f->caption_credit)
		return T_CAPTION;
	if (f->heading_mark)
		return T_TITLE;
	/* A line of one character is a label of the page (a calendar, a vertical button),
	 * never a headline or a sentence. */
	if (f->ncp == 1)
		return T_BOILER;
	if (lf_title_like(f))
		return T_TITLE;
	return T_SENT;
}

static enum seg_type own_type(const struct wline *x)
{
	return (enum seg_type)x->own;
}

enum walk { PROSE, TITLEISH, PASS, STOP };

static enum walk walk_kind(const struct wline *x)
{
	if (x->f.footer || x->f.tail)
		return STOP;
	enum seg_type t = own_type(x);
	if (t != T_SENT && t != T_TITLE)
		return PASS;
	if (x->f.bracketed)
		return PASS;   /* a note under a headline: "（2007年6月29日…通过）" */
	if (t == T_TITLE)
		return TITLEISH;
	if (lf_headline_shape(&x->f) && !x->f.ends_final)
		return TITLEISH;
	return PROSE;
}

/* Is line i, text of the sentence kind on its own, a headline: shaped like one and
 * standing right above a longer paragraph? */
static int headline_above(struct doc *d, size_t i)
{
	const struct wline *x = W(d, i);
	if (!lf_headline_shape(&x->f) || (x->f.ends_final && !x->f.stop_inside))
		return 0;
	wfill(d, i + 2);
	if (i + 1 >= d->nw)
		return 0;
	const struct wline *y = W(d, i + 1);
	if (GAP(d, y) > 1 || walk_kind(y) != PROSE)
		return 0;
	/* A line with commas that breaks off before a blank line is a sentence cut by the
	 * layout ("…依托社区党组织、网格党支部、楼" / "" / "栋党小组…"). */
	if (x->f.full_commas && y->gap)   /* any blank line, even on a page that spaces all */
		return 0;
	if (y->f.ncp * HEADLINE_RATIO_DEN < x->f.ncp * HEADLINE_RATIO_NUM)
		return 0;
	/* "…完成投资2007" / "万元…": a line cut inside a phrase or a number. */
	return !lf_broken_between(x->ln.t.p, x->ln.t.n, y->ln.t.p, y->ln.t.n, 0);
}

/* The text of a line without the white space around it: t.p[*a..*a+*n). */
static void trimmed(const struct line *l, size_t *a, size_t *n)
{
	size_t i = 0, e = l->t.n;
	const char *p = l->t.p;
	while (i < e && (p[i] == ' ' || p[i] == '\t' || (e - i >= 3 && memcmp(p + i, "\xE3\x80\x80", 3) == 0)))
		i += p[i] == ' ' || p[i] == '\t' ? 1 : 3;
	while (e > i && (p[e - 1] == ' ' || p[e - 1] == '\t'))
		e--;
	*a = i;
	*n = e - i;
}

/* Does a later line of the window repeat line 0, maybe with the site name after it (the
 * HTML title a scraped page starts with: "标题 - 栏目 - 网站", "标题_网站")? */
static int repeated_later(struct doc *d)
{
	const struct line *a = &W(d, 0)->ln;
	size_t a0, an;
	trimmed(a, &a0, &an);
	for (size_t j = 1; j < d->nw; j++) {
		const struct line *b = &W(d, j)->ln;
		size_t b0, bn;
		trimmed(b, &b0, &bn);
		if (own_type(W(d, j)) != T_TITLE || bn > an || bn < 6)
			continue;
		if (memcmp(a->t.p + a0, b->t.p + b0, bn) != 0)
			continue;
		if (bn == an)
			return 1;
		unsigned char c = (unsigned char)a->t.p[a0 + bn];
		if (c == ' ' || c == '_' || c == '-' || c == '|' || c == 0xE2 || c == 0xE3)
			return 1;
	}
	return 0;
}

/* Line 0 looks like a heading. Is it the article's (a headline or a section heading):
 * 1, or a label of the page around it: 0? Article text must follow, with only metadata,
 * credits, furniture and other headings (a kicker above, a subtitle below, set apart by
 * blank lines) in between. -1 when no text follows on a page without furniture. */
static int heading_of_article(struct doc *d)
{
	wfill(d, LOOK);
	if (W(d, 0)->first && repeated_later(d))
		return 0;
	size_t k = broken_run(d);   /* the heading may take several lines */
	/* "标题" then "发布时间：…": the headline of a web page. */
	if (d->nw > k && GAP(d, W(d, k)) <= 1 && W(d, k)->f.meta) {
		d->zone = 1;
		return 1;
	}
	int crossed = 0;
	for (size_t j = k; j < d->nw; j++) {
		const struct wline *y = W(d, j);
		enum walk kind = walk_kind(y);
		if (kind == PROSE) {
			d->zone = 1;
			return 1;
		}
		if (kind == STOP)
			break;
		if (kind == PASS) {
			crossed |= own_type(y) == T_BOILER && !y->f.meta;
			continue;
		}
		/* Past furniture, or right under a short one (a column name over the
		 * headline), the next heading is the article's and this one labels the
		 * page. A longer one is a kicker; a subtitle opens with a dash. */
		if (crossed)
			break;
		if (!d->zone && GAP(d, y) == 0 && W(d, 0)->f.ncp < LABEL_MAX_CP && y->f.first_cp != 0x2014)
			break;
	}
	/* No text follows: on a page with furniture, a label; on plain text, undecided. */
	return d->boiler_seen || crossed ? 0 : -1;
}

/* Lines of one headline broken by the layout, from line 0: each break inside a phrase. */
static size_t broken_run(struct doc *d)
{
	size_t k = 1;
	for (;;) {
		wfill(d, k + 1);
		if (k >= d->nw || k >= LOOK)
			return k;
		const struct wline *a = W(d, k - 1), *b = W(d, k);
		if (GAP(d, b) || !b->f.complete || own_type(a) != T_TITLE || own_type(b) != T_TITLE ||
		    !lf_broken_between(a->ln.t.p, a->ln.t.n, b->ln.t.p, b->ln.t.n, 1))
			return k;
		k++;
	}
}

/* A run of one-character lines is one label set vertically ("日" "历"): its characters
 * make one segment, ended early where they spell a known furniture word ("上一期"). */
static size_t vertical_run(struct doc *d)
{
	struct buf word = BUF_INIT;
	size_t k = 0;
	for (;;) {
		wfill(d, k + 1);
		if (k >= d->nw || k >= LOOK)
			break;
		const struct wline *y = W(d, k);
		if (y->f.ncp != 1 || !y->f.complete || (k && GAP(d, y)) || !ch_is_han(y->f.first_cp))
			break;
		size_t a = 0, b = y->ln.t.n;
		while (a < b && (y->ln.t.p[a] == ' ' || y->ln.t.p[a] == '\t'))
			a++;
		while (b > a && (y->ln.t.p[b - 1] == ' ' || y->ln.t.p[b - 1] == '\t'))
			b--;
		buf_add(&word, y->ln.t.p + a, b - a);
		k++;
		if (k > 1 && furniture_word(word.p, word.n))
			break;
	}
	buf_free(&word);
	return k ? k : 1;
}

/* A paragraph of real prose: long, with commas, ending with 。 (not a list of links). */
static int real_prose(const struct wline *x)
{
	return x->f.complete && x->f.ends_period && x->f.ncp >= PROSE_MIN_CP && x->f.full_commas &&
	       own_type(x) == T_SENT;
}

/* Is line 1 real prose right under line 0? */
static int prose_below(struct doc *d)
{
	wfill(d, 2);
	return d->nw > 1 && GAP(d, W(d, 1)) <= 1 && real_prose(W(d, 1));
}

/* Is heading-like line 0 the head of a sentence the layout cut inside a phrase or a
 * number ("…完成投资2023" / "万元，同比增长…")? */
static int cut_sentence(struct doc *d)
{
	wfill(d, 2);
	if (d->nw < 2)
		return 0;
	const struct wline *x = W(d, 0), *y = W(d, 1);
	return GAP(d, y) == 0 && own_type(y) == T_SENT && (y->f.ends_final || y->f.commas) &&
	       lf_broken_between(x->ln.t.p, x->ln.t.n, y->ln.t.p, y->ln.t.n, 0);
}

/* The type of line 0 in its place in the document. */
static enum seg_type classify(struct doc *d)
{
	struct wline *x = W(d, 0);
	const struct linefeat *f = &x->f;
	if (f->starts_article)
		return T_SENT;
	if (d->footer == FOOTER_LINKS && (real_prose(x) || (own_type(x) == T_TITLE && prose_below(d))))
		d->footer = FOOTER_NONE;   /* the link lists were a sidebar: an article follows */
	if (d->footer || f->footer || f->tail)
		return T_BOILER;
	enum seg_type t = own_type(x);
	if (t == T_SENT && !f->complete)
		return T_SENT;
	if (t == T_SENT && headline_above(d, 0))
		t = T_TITLE;
	if (t == T_TITLE && cut_sentence(d))
		return T_SENT;
	if (t == T_TITLE)
		return heading_of_article(d) ? T_TITLE : T_BOILER;
	/* The HTML title a scraped page starts with may be too long for a heading; it is
	 * furniture when the page's furniture follows it. */
	if (t == T_SENT && x->first && lf_headline_shape(f) && heading_of_article(d) == 0)
		return T_BOILER;
	if (t == T_SENT && GAP(d, x) >= IMAGE_GAP && !x->first && f->ends_final && !f->stop_inside &&
	    f->ncp <= PHOTO_CAPTION_MAX_CP)
		return T_CAPTION;
	return t;
}

/* May line 0 carry on the paragraph before it? */
static int joinable(struct doc *d)
{
	const struct wline *x = W(d, 0);
	if (x->f.starts_article || x->f.indented)
		return 0;
	if ((d->footer && !(d->footer == FOOTER_LINKS && real_prose(x))) || x->f.footer || x->f.tail)
		return 0;
	enum seg_type t = own_type(x);
	if (t == T_SENT && headline_above(d, 0))
		return 0;
	if (t == T_SENT && GAP(d, x) >= IMAGE_GAP && x->f.ends_final && !x->f.stop_inside &&
	    x->f.ncp <= PHOTO_CAPTION_MAX_CP)
		return 0;
	return t == T_SENT || (x->f.starts_cont && t != T_BOILER && t != T_BYLINE);
}

static void remember_tail(struct doc *d, const char *p, size_t n)
{
	if (n >= TAIL) {
		memcpy(d->tail, p + n - TAIL, TAIL);
		d->ntail = TAIL;
		return;
	}
	if (d->ntail + n > TAIL) {
		size_t drop = d->ntail + n - TAIL;
		memmove(d->tail, d->tail + drop, d->ntail - drop);
		d->ntail -= drop;
	}
	memcpy(d->tail + d->ntail, p, n);
	d->ntail += n;
}

static int both_latin(const struct doc *d, const struct wline *x)
{
	const struct buf *t = &d->sp.t;
	if (!t->n || !x->ln.t.n)
		return 0;
	unsigned char a = (unsigned char)t->p[t->n - 1], b = (unsigned char)x->ln.t.p[0];
	return ((a | 0x20) >= 'a' && (a | 0x20) <= 'z') && ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

/* Feed line x (all of it, reading the rest of a long line); returns whether it ends in
 * the middle of a sentence, or -1 on a read error. */
static int feed_line(struct doc *d, struct wline *x)
{
	if (both_latin(d, x))
		spl_feed_space(&d->sp);
	spl_feed(&d->sp, x->ln.t.p, x->ln.t.n, &x->ln.m);
	if (x->f.complete)
		return !x->f.ends_final;
	d->ntail = 0;
	remember_tail(d, x->ln.t.p, x->ln.t.n);
	while (!x->ln.complete) {
		if (rd_more(d->r, &x->ln) < 0) {
			d->err = 1;
			return -1;
		}
		spl_feed(&d->sp, x->ln.t.p, x->ln.t.n, &x->ln.m);
		remember_tail(d, x->ln.t.p, x->ln.t.n);
	}
	return !lf_ends_final(d->tail, d->ntail);
}

static void open_paragraph(struct doc *d, enum seg_type t, int split)
{
	d->em.para++;
	d->em.type = type_names[t];
	d->para_segs = 0;
	spl_begin(&d->sp, !split);
}

/* Lines 0..k-1 as one segment of type t. */
static int whole(struct doc *d, size_t k, enum seg_type t)
{
	open_paragraph(d, t, 0);
	for (size_t i = 0; i < k; i++) {
		if (feed_line(d, W(d, 0)) < 0)
			return -1;
		pop(d);
	}
	spl_end(&d->sp);
	return 0;
}

/* A paragraph of type t split into sentences: the first line and every line that
 * continues it. */
static int body(struct doc *d, enum seg_type t)
{
	open_paragraph(d, t, 1);
	for (;;) {
		int open = feed_line(d, W(d, 0));
		if (open < 0)
			return -1;
		pop(d);
		if (!open)
			break;
		wfill(d, 1);
		if (!d->nw || !joinable(d))
			break;
	}
	spl_end(&d->sp);
	return 0;
}

/* How many lines the paragraph starting at line 0 would take if it is a caption that
 * runs to a photo credit; 0 when it is not one. */
static size_t credited_caption(struct doc *d)
{
	size_t i = 0, total = 0;
	for (;;) {
		wfill(d, i + 2);
		if (i >= d->nw || !W(d, i)->f.complete)
			return 0;
		total += W(d, i)->f.ncp;
		if (total > CREDITED_CAPTION_MAX_CP || i + 1 >= d->nw)
			return 0;
		if (W(d, i)->f.ends_final || own_type(W(d, i + 1)) != T_SENT)
			break;
		i++;
	}
	const struct wline *next = W(d, i + 1);
	if (!(next->f.credit && next->f.photo && GAP(d, next) <= 1))
		return 0;
	/* After an image gap, saying 图为 ("the picture shows"), or over the credit of a
	 * photographer alone (not "记者 王明文 李华摄", a story's). */
	int figure = (GAP(d, W(d, 0)) >= IMAGE_GAP && !W(d, 0)->first) ||
	             !memmem(next->ln.t.p, next->ln.t.n, "文", 3);
	for (size_t k = 0; k <= i && !figure; k++)
		figure = lf_mentions_figure(W(d, k)->ln.t.p, W(d, k)->ln.t.n);
	return figure ? i + 1 : 0;
}

/* After a headline: up to three short paragraphs and then a credit, one of them saying
 * 图为 or the credit naming a photographer, make a photo item; the paragraphs are its
 * caption. Returns how many lines are caption, 0 when it is not one. */
static size_t photo_item(struct doc *d)
{
	size_t total = 0;
	for (size_t i = 0; i <= PHOTO_ITEM_PARAS; i++) {
		wfill(d, i + 1);
		if (i >= d->nw)
			return 0;
		const struct wline *y = W(d, i);
		if (!y->f.complete || (i && GAP(d, y) > 1))
			return 0;
		/* The credit of a photo ("沈  果摄"), not of a story with a photo ("记者 王明文
		 * 李华摄"), or any credit under text that says 图为. */
		if (i && y->f.credit) {
			if (y->f.photo && !memmem(y->ln.t.p, y->ln.t.n, "文", 3))
				return i;
			for (size_t k = 0; k < i; k++)
				if (lf_mentions_figure(W(d, k)->ln.t.p, W(d, k)->ln.t.n))
					return i;
			return 0;
		}
		if (own_type(y) != T_SENT || y->f.starts_article)
			return 0;
		total += y->f.ncp;
		if (total > PHOTO_ITEM_MAX_CP)
			return 0;
	}
	return 0;
}

static int one_paragraph(struct doc *d)
{
	struct wline *x = W(d, 0);
	if (x->f.starts_article)
		d->footer = FOOTER_NONE;
	enum seg_type t = classify(d);
	if (x->f.footer || x->f.tail) {
		d->footer = x->f.footer ? FOOTER_NOTICE : FOOTER_LINKS;
		d->zone = 0;
	}
	if (t == T_TITLE) {
		wfill(d, 2);
		if (d->nw >= 2 && GAP(d, W(d, 1)) <= 1 && W(d, 1)->f.caption_credit)
			t = T_CAPTION;
		/* Headline, image, this line, then the lead (本报讯...): the line labels the
		 * image; the headline was already given. */
		if (d->nw >= 2 && GAP(d, x) >= IMAGE_GAP && !x->first && d->last == T_TITLE &&
		    W(d, 1)->f.starts_article)
			t = T_CAPTION;
	}
	if (t == T_BOILER)
		d->boiler_seen = 1;
	if (t == T_SENT)
		d->zone = 1;
	enum seg_type before = d->last;
	d->last = t;
	if (t == T_SENT && before == T_TITLE) {
		size_t k = photo_item(d);
		if (k) {
			d->last = T_CAPTION;
			for (size_t i = 0; i < k; i++)
				if (body(d, T_CAPTION) < 0)
					return -1;
			return 0;
		}
	}
	/* Text right after an image, up to a photo credit, is that image's caption even when
	 * its first line looks like a heading (a caption cut by the layout). */
	if (t == T_SENT || (t == T_TITLE && GAP(d, x) >= IMAGE_GAP && !x->first)) {
		size_t k = credited_caption(d);
		if (k) {
			d->last = T_CAPTION;
			return whole(d, k, T_CAPTION);
		}
		if (t == T_SENT)
			return body(d, T_SENT);
	}
	if (x->f.ncp == 1 && x->f.complete && t == T_BOILER)
		return whole(d, vertical_run(d), t);
	if (t == T_TITLE || t == T_BOILER)
		return whole(d, broken_run(d), t);
	return whole(d, 1, t);
}

/* A short note wholly in brackets, without punctuation inside: "（记者 胡晓蓉）",
 * "（德清县发改局）". */
static int bracket_credit(const char *p, size_t n)
{
	/* Most segments are sentences: look at the ends before anything else. */
	if (n < 2 || n > BRACKET_CREDIT_MAX_CP * 3 + 6 || (p[n - 1] != ')' && (unsigned char)p[n - 1] != 0x89))
		return 0;
	struct linefeat f;
	lf_compute(&f, p, n, 1);
	return f.bracketed && f.ncp >= BRACKET_CREDIT_MIN_CP && f.ncp <= BRACKET_CREDIT_MAX_CP &&
	       !f.commas && !f.stop_inside && !f.ends_final;
}

int doc_run(struct reader *r, const char *doc, const struct doc_opts *o)
{
	static struct doc d;
	static int ready;
	if (!ready) {
		lines_setup();
		spl_init(&d.sp, o->max_cp, o->form, on_segment, &d);
		ready = 1;
	}
	d.sp.max_cp = o->max_cp;
	d.sp.form = o->form;
	d.r = r;
	d.h = d.nw = 0;
	d.gap = 0;
	d.unit = SIZE_MAX;
	d.seen = d.eof = d.err = d.footer = d.zone = d.boiler_seen = 0;
	d.last = T_SENT;
	d.em = (struct emitter){ doc, 0, 0, "sent", o->form };
	wfill(&d, SPACING_LINES);   /* enough lines to see how the page is spaced */
	for (;;) {
		wfill(&d, 1);
		if (d.nw == 0 || d.err)
			break;
		if (one_paragraph(&d) < 0)
			break;
	}
	return d.err ? -1 : 0;
}
