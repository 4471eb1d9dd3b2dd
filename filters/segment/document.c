/* document: typing lines in context, rejoining layout breaks, feeding the splitter. */
#include <string.h>
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
/* Bytes of the end of a long line kept to see how it ends. */
#define TAIL 64

enum seg_type { T_SENT, T_TITLE, T_BYLINE, T_CAPTION, T_BOILER };
static const char *const type_names[] = { "sent", "title", "byline", "caption", "boiler" };

struct wline {
	struct line ln;
	struct linefeat f;
	size_t gap;      /* blank lines just before it */
	int first;       /* no text before it in the document */
};

struct doc {
	struct reader *r;
	struct splitter sp;
	struct emitter em;
	struct wline *w;     /* lines read ahead, oldest first */
	size_t nw, cap;
	size_t gap;
	int seen, eof, err;
	int footer;          /* past a copyright notice: the rest is page furniture */
	enum seg_type last;  /* type of the paragraph before */
	char tail[TAIL];
	size_t ntail;
};

static void on_segment(void *ctx, const char *p, size_t n,
                       unsigned long long start, unsigned long long end)
{
	struct doc *d = ctx;
	emit_row(&d->em, p, n, start, end);
}

/* Read ahead until k lines are held, the input ends, or the last one held is a long line
 * whose rest must be consumed first. */
static void wfill(struct doc *d, size_t k)
{
	while (d->nw < k && !d->eof && !d->err) {
		if (d->nw && !d->w[d->nw - 1].ln.complete)
			return;
		if (d->nw == d->cap) {
			size_t ncap = d->cap ? d->cap * 2 : 8;
			d->w = xrealloc(d->w, ncap * sizeof *d->w);
			memset(d->w + d->cap, 0, (ncap - d->cap) * sizeof *d->w);
			d->cap = ncap;
		}
		struct wline *x = &d->w[d->nw];
		int rc = rd_line(d->r, &x->ln);
		if (rc <= 0) {
			d->eof = rc == 0;
			d->err = rc < 0;
			return;
		}
		lf_compute(&x->f, x->ln.t.p, x->ln.t.n, x->ln.complete);
		if (x->f.blank) {
			d->gap++;
			continue;
		}
		x->gap = d->gap;
		x->first = !d->seen;
		d->seen = 1;
		d->gap = 0;
		d->nw++;
	}
}

/* Drop the oldest line, keeping its buffers for reuse. */
static void pop(struct doc *d)
{
	struct wline old = d->w[0];
	memmove(d->w, d->w + 1, (d->nw - 1) * sizeof *d->w);
	d->w[d->nw - 1] = old;
	d->nw--;
}

static enum seg_type classify(const struct doc *d, const struct wline *x)
{
	const struct linefeat *f = &x->f;
	if (f->starts_article)
		return T_SENT;
	if (d->footer || f->footer)
		return T_BOILER;
	if (!f->complete)
		return T_SENT;
	if (f->credit)
		return T_BYLINE;
	if (f->boiler)
		return T_BOILER;
	if (f->caption_credit)
		return T_CAPTION;
	if (lf_title_like(f))
		return T_TITLE;
	if (x->gap >= IMAGE_GAP && !x->first && f->ends_final && !f->stop_inside &&
	    f->ncp <= PHOTO_CAPTION_MAX_CP)
		return T_CAPTION;
	return T_SENT;
}

/* May line x carry on the paragraph before it? */
static int joinable(const struct doc *d, const struct wline *x)
{
	if (x->f.starts_article)
		return 0;
	enum seg_type t = classify(d, x);
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

static void open_paragraph(struct doc *d, enum seg_type t)
{
	d->em.para++;
	d->em.type = type_names[t];
	spl_begin(&d->sp, t != T_SENT);
}

/* Lines 0..k-1 as one segment of type t. */
static int whole(struct doc *d, size_t k, enum seg_type t)
{
	open_paragraph(d, t);
	for (size_t i = 0; i < k; i++) {
		if (feed_line(d, &d->w[0]) < 0)
			return -1;
		pop(d);
	}
	spl_end(&d->sp);
	return 0;
}

/* A body paragraph: the first line and every line that continues it. */
static int body(struct doc *d)
{
	open_paragraph(d, T_SENT);
	for (;;) {
		int open = feed_line(d, &d->w[0]);
		if (open < 0)
			return -1;
		pop(d);
		if (!open)
			break;
		wfill(d, 1);
		if (!d->nw || !joinable(d, &d->w[0]))
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
		if (i >= d->nw || !d->w[i].f.complete)
			return 0;
		total += d->w[i].f.ncp;
		if (total > CREDITED_CAPTION_MAX_CP || i + 1 >= d->nw)
			return 0;
		if (d->w[i].f.ends_final || !joinable(d, &d->w[i + 1]))
			break;
		i++;
	}
	const struct wline *next = &d->w[i + 1];
	if (!(next->f.credit && next->f.photo && next->gap <= 1))
		return 0;
	/* After an image gap, or saying 图为 ("the picture shows"). */
	int figure = d->w[0].gap >= IMAGE_GAP && !d->w[0].first;
	for (size_t k = 0; k <= i && !figure; k++)
		figure = lf_mentions_figure(d->w[k].ln.t.p, d->w[k].ln.t.n);
	return figure ? i + 1 : 0;
}

static int one_paragraph(struct doc *d)
{
	struct wline *x = &d->w[0];
	enum seg_type t = classify(d, x);
	if (x->f.starts_article)
		d->footer = 0;
	if (x->f.footer)
		d->footer = 1;
	if (t == T_TITLE) {
		wfill(d, 2);
		if (d->nw >= 2 && d->w[1].gap <= 1 && d->w[1].f.caption_credit)
			t = T_CAPTION;
		/* Headline, image, this line, then the lead (本报讯...): the line labels the
		 * image; the headline was already given. */
		if (d->nw >= 2 && x->gap >= IMAGE_GAP && !x->first && d->last == T_TITLE &&
		    d->w[1].f.starts_article)
			t = T_CAPTION;
	}
	d->last = t;
	/* Text right after an image, up to a photo credit, is that image's caption even when
	 * its first line looks like a heading (a caption cut by the layout). */
	if (t == T_SENT || (t == T_TITLE && x->gap >= IMAGE_GAP && !x->first)) {
		size_t k = credited_caption(d);
		if (k) {
			d->last = T_CAPTION;
			return whole(d, k, T_CAPTION);
		}
		if (t == T_SENT)
			return body(d);
	}
	return whole(d, 1, t);
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
	d.nw = 0;
	d.gap = 0;
	d.seen = d.eof = d.err = d.footer = 0;
	d.last = T_SENT;
	d.em = (struct emitter){ doc, 0, 0, "sent", o->form };
	for (;;) {
		wfill(&d, 1);
		if (d.nw == 0 || d.err)
			break;
		if (one_paragraph(&d) < 0)
			break;
	}
	return d.err ? -1 : 0;
}
