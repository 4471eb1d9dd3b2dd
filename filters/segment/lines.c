/* lines: features of a single line. */
#include <stdint.h>
#include <string.h>
#include "boiler.h"
#include "chars.h"
#include "credits.h"
#include "lines.h"
#include "wordlist.h"

/* Headlines and section headings are short: the longest in the sample pages is 29
 * characters; body lines cut by the layout are usually longer or carry two commas. */
#define TITLE_MAX_CP 40
/* "兰亭社区:" is a heading; a longer line ending in a colon introduces what follows. */
#define COLON_TITLE_MAX_CP 12
/* The longest credit line ("记者 高翠清 李海珍 通讯员 云泽林 高文娟" is 25). */
#define CREDIT_MAX_CP 48

extern const char data_figure_words_txt[], data_break_words_txt[], data_break_starts_txt[];
extern const char data_number_units_txt[];
extern const unsigned long data_figure_words_txt_len, data_break_words_txt_len;
extern const unsigned long data_break_starts_txt_len, data_number_units_txt_len;

static struct wordlist figure_words, break_ends, break_starts, units;

void lines_setup(void)
{
	boiler_setup();
	credits_setup();
	wl_load(&figure_words, data_figure_words_txt, data_figure_words_txt_len);
	wl_load(&break_ends, data_break_words_txt, data_break_words_txt_len);
	wl_load(&break_starts, data_break_starts_txt, data_break_starts_txt_len);
	wl_load(&units, data_number_units_txt, data_number_units_txt_len);
}

int lf_mentions_figure(const char *p, size_t n)
{
	return wl_tags_within(&figure_words, p, n, 1) != 0;
}

/* Trim white space from both ends of p[*a..*b). */
static void trim(const char *p, size_t *a, size_t *b)
{
	while (*a < *b) {
		int32_t c;
		size_t l = ch_decode(p + *a, *b - *a, &c);
		if (!ch_is_space(c))
			break;
		*a += l;
	}
	while (*b > *a) {
		size_t q = ch_prev(p, *b);
		int32_t c;
		ch_decode(p + q, *b - q, &c);
		if (!ch_is_space(c))
			break;
		*b = q;
	}
}

/* Last code point of p[0..n) that is not a closing mark; 0 if none. */
static int32_t last_meaningful(const char *p, size_t n)
{
	while (n) {
		size_t q = ch_prev(p, n);
		if (((unsigned char)p[q] & 0xC0) == 0x80)
			return 0;   /* cut inside a character: nothing certain */
		int32_t c;
		ch_decode(p + q, n - q, &c);
		if (!ch_is_closer(c) && !ch_is_space(c))
			return c;
		n = q;
	}
	return 0;
}

int lf_ends_final(const char *p, size_t n)
{
	return ch_is_final(last_meaningful(p, n));
}

int lf_broken_between(const char *a, size_t an, const char *b, size_t bn, int ends_too)
{
	size_t a0 = 0, b0 = 0;
	trim(a, &a0, &an);
	trim(b, &b0, &bn);
	a += a0, an -= a0;
	b += b0, bn -= b0;
	if (!an || !bn)
		return 0;
	if (a[an - 1] >= '0' && a[an - 1] <= '9')
		return wl_prefix(&units, b, bn) > 0;
	if (wl_prefix(&break_starts, b, bn))
		return 1;
	if (!ends_too)
		return 0;
	/* The last one or two characters. */
	size_t q = ch_prev(a, an);
	if (wl_has(&break_ends, a + q, an - q))
		return 1;
	return q && wl_has(&break_ends, a + ch_prev(a, q), an - ch_prev(a, q));
}

/* Walk the code points once: counts, commas, inner sentence ends, tokens. */
static void scan(struct linefeat *f, const char *p, size_t n)
{
	size_t i = 0;
	int in_space = 1;
	int32_t prev = 0;
	while (i < n) {
		unsigned char b = (unsigned char)p[i];
		if (b >= 0xE4 && b <= 0xE9 && i + 2 < n) {
			/* A run of ideographs: word characters, nothing else to note but 丨,
			 * used as a bar between menu items. */
			f->tokens += in_space;
			in_space = 0;
			prev = 0x4E00;
			do {
				if (b == 0xE4)
					f->bars += (unsigned char)p[i + 1] == 0xB8 && (unsigned char)p[i + 2] == 0xA8;
				f->ncp++;
				i += 3;
				b = i + 2 < n ? (unsigned char)p[i] : 0;
			} while (b >= 0xE4 && b <= 0xE9);
			continue;
		}
		int32_t c;
		size_t l = ch_decode(p + i, n - i, &c);
		f->ncp++;
		f->bars += c == '|' || c == 0xFF5C;
		f->digits += c >= '0' && c <= '9';
		f->colons += ch_is_colon(c);
		if (ch_is_comma(c)) {
			f->commas++;
			f->full_commas += c != 0x3001 && c != 0xFF64;
		}
		if (ch_is_cjk_stop(c) && i + l < n)
			f->stop_inside = 1;
		if ((c == 0x3002 || c == 0xFF61) && i + l < n)
			f->period_inside = 1;
		if (c == 0x2026 && prev == 0x2026 && i + l < n)
			f->stop_inside = 1;
		if (ch_is_space(c)) {
			in_space = 1;
		} else if (in_space) {
			f->tokens++;
			in_space = 0;
		}
		prev = c;
		i += l;
	}
}

static void ending(struct linefeat *f, const char *p, size_t n)
{
	int32_t c = last_meaningful(p, n);
	f->last_cp = c;
	f->ends_final = ch_is_final(c);
	f->ends_period = c == 0x3002 || c == 0xFF61 || c == '.' || c == 0xFF0E;
	f->ends_colon = ch_is_colon(c);
	f->ends_pause = ch_is_pause(c) && !f->ends_colon;
	/* A stop followed only by closing marks is the final one, not an inner one. */
	if (f->stop_inside) {
		size_t e = n;
		while (e) {
			size_t q = ch_prev(p, e);
			int32_t d;
			ch_decode(p + q, e - q, &d);
			if (!(ch_is_closer(d) || ch_is_final(d) || ch_is_space(d)))
				break;
			e = q;
		}
		f->stop_inside = 0;
		f->period_inside = 0;
		for (size_t i = 0; i < e;) {
			int32_t d;
			i += ch_decode(p + i, e - i, &d);
			if (ch_is_cjk_stop(d))
				f->stop_inside = 1;
			if (d == 0x3002 || d == 0xFF61)
				f->period_inside = 1;
		}
	} else {
		f->period_inside = 0;
	}
}

/* An opener alone on its line: "本报讯", "新华社北京1月1日电". */
#define OPENER_MAX_CP 12

/* No headline, credit, short caption or furniture line is longer than this: of longer
 * lines only the length, the start and the end matter. */
#define SHORT_LINE_CP 100

/* Line lengths are only compared with limits of at most 200 code points (a caption run
 * over several lines), so counting stops past this. */
#define COUNT_CAP 256

/* Code points in p[0..n), or a number above COUNT_CAP when there are more. */
static size_t count_cp(const char *p, size_t n)
{
	size_t k = 0, i = 0;
	/* Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear. */
	for (; i + 8 <= n && k <= COUNT_CAP; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		uint64_t cont = x & ~(x << 1) & 0x8080808080808080ull;
		k += 8 - (size_t)(((cont >> 7) * 0x0101010101010101ull) >> 56);
	}
	for (; i < n && k <= COUNT_CAP; i++)
		k += ((unsigned char)p[i] & 0xC0) != 0x80;
	return k;
}

/* A paragraph indented by an ideographic space, two spaces or a tab. */
static int indent(const char *p, size_t n)
{
	return (n >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0) || (n >= 2 && p[0] == ' ' && p[1] == ' ') ||
	       (n >= 1 && p[0] == '\t');
}

/* "# ", "## ", "### " ... */
static int heading_mark(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && i < 6 && p[i] == '#')
		i++;
	return i > 0 && i < n && p[i] == ' ';
}

/* Wholly inside one pair of brackets: "（记者 胡晓蓉）", "（德清县发改局）". */
static int in_brackets(const char *p, size_t n)
{
	int32_t a, z;
	ch_decode(p, n, &a);
	size_t q = ch_prev(p, n);
	ch_decode(p + q, n - q, &z);
	if (!((a == 0xFF08 && z == 0xFF09) || (a == '(' && z == ')') || (a == 0x3010 && z == 0x3011) ||
	      (a == '[' && z == ']')))
		return 0;
	/* ... and not "（一）…（二）": the first closing bracket is the last character. */
	for (size_t i = 0; i < q;) {
		int32_t c;
		i += ch_decode(p + i, q - i, &c);
		if (c == z)
			return 0;
	}
	return 1;
}

void lf_compute(struct linefeat *f, const char *p, size_t n, int complete)
{
	memset(f, 0, sizeof *f);
	size_t a = 0, b = n;
	trim(p, &a, &b);
	f->complete = complete;
	f->blank = a == b && complete;
	if (a == b)
		return;
	f->indented = indent(p, n);
	p += a;
	n = b - a;
	ch_decode(p, n, &f->first_cp);
	f->ncp = count_cp(p, n);
	if (f->ncp > SHORT_LINE_CP) {
		f->complete = complete;
		int32_t c0;
		ch_decode(p, n, &c0);
		f->starts_cont = ch_is_continuation(c0);
		f->starts_article = article_opener(p, n);
		if (complete) {
			ending(f, p, n);
			f->caption_credit = caption_with_credit(p, n);
			f->boiler = furniture(p, n, f->ncp, 0, 0) != 0;
		}
		return;
	}
	f->ncp = 0;
	scan(f, p, n);
	int32_t c0;
	ch_decode(p, n, &c0);
	f->starts_cont = ch_is_continuation(c0);
	f->starts_article = article_opener(p, n);
	if (!complete)
		return;
	ending(f, p, n);
	f->heading_mark = heading_mark(p, n);
	f->bracketed = in_brackets(p, n);
	f->meta = meta_line(p, n);
	f->tail = !f->meta && f->ncp <= 8 && tail_marker(p, n);
	/* A credit line has no commas and no sentence end. */
	if (!f->meta && f->ncp <= CREDIT_MAX_CP && !f->commas && !f->stop_inside && !f->ends_period)
		f->credit = credit_line(p, n, &f->photo);
	if (f->credit)
		f->starts_article = 0;   /* "新华社记者 沈虹冰摄", "新华社发" */
	/* "新华社长篇述评：当前中国经济十问" is a headline; "新华社北京1月1日电" opens the story. */
	if (f->starts_article && f->ncp > OPENER_MAX_CP && !f->ends_final && !memmem(p, n, "电", 3)) {
		f->starts_article = 0;
		f->starts_article = !lf_headline_shape(f);
	}
	f->caption_credit = !f->credit && caption_with_credit(p, n);
	unsigned furn = furniture(p, n, f->ncp, f->tokens, f->bars);
	f->footer = (furn & FURN_FOOTER) != 0;
	f->boiler = f->footer || f->meta || f->tail || (!f->credit && furn);
	/* "作者：张三 来源：人民网 2022-01-05": page metadata in any order. */
	if (!f->boiler && !f->ends_final && !f->commas && f->colons && f->digits >= 4 &&
	    dated_labels(p, n))
		f->meta = f->boiler = 1;
}

/* Longest headline taken from its shape and its neighbours (news headlines that name
 * several events run to 100 characters and more). */
#define HEADLINE_MAX_CP SHORT_LINE_CP
/* "人民日报社论：团结一心，凝聚起共同奋斗的力量——…": a headline may hold a comma or two. */
#define HEADLINE_MAX_COMMAS 2

int lf_headline_shape(const struct linefeat *f)
{
	if (!f->complete || f->blank || f->ncp > HEADLINE_MAX_CP || f->starts_article || f->starts_cont)
		return 0;
	return f->full_commas <= HEADLINE_MAX_COMMAS && !f->period_inside && !f->ends_period &&
	       !f->ends_pause && !f->ends_colon;
}

int lf_title_like(const struct linefeat *f)
{
	if (!f->complete || f->blank || f->ncp > TITLE_MAX_CP || f->starts_article)
		return 0;
	if (f->stop_inside || f->ends_period || f->ends_pause || f->commas > 1)
		return 0;
	/* "最后,我从北京祝大家新年快乐!" is a sentence; "新世纪到来了!" may head a page. */
	if (f->ends_final && f->commas)
		return 0;
	if (f->ends_colon && f->ncp > COLON_TITLE_MAX_CP)
		return 0;
	return !f->starts_cont;
}
