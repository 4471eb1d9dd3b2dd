/* lines: what one line of a page looks like on its own (length, how it ends, whether it
 * is a credit, page furniture, a captioned photo credit...). The document layer combines
 * these features with the blank lines around the line to give it a type. */
#ifndef SEGMENT_LINES_H
#define SEGMENT_LINES_H
#include <stddef.h>
#include <stdint.h>

struct linefeat {
	size_t ncp;          /* code points, surrounding white space excluded (counted up to 257) */
	int blank;           /* only white space */
	int ends_final;      /* ends with 。！？!?… or a period (closing marks may follow) */
	int ends_period;     /* ... with 。 or . in particular */
	int ends_pause;      /* ends with a comma, enumeration comma or semicolon */
	int ends_colon;
	int stop_inside;     /* a sentence end before the last one */
	size_t commas;       /* commas and enumeration commas */
	size_t full_commas;  /* commas only (not 、) */
	int starts_cont;     /* starts with a mark no sentence starts with */
	int starts_article;  /* 本报讯 and the like */
	int credit;          /* only a reporter or photographer credit */
	int photo;           /* ... naming a photographer */
	int caption_credit;  /* text followed by a photo credit */
	int footer;          /* copyright or disclaimer notice */
	int boiler;          /* navigation, sharing, link lists, licence lines */
	int tokens;          /* space-separated tokens */
	int bars;            /* bars between menu items: | ｜ 丨 */
	int digits, colons;  /* ASCII digits; colons */
	int period_inside;   /* a 。 (or full stop) before the last sentence end */
	int meta;            /* page metadata: a date alone, "发布时间：…", "来源于：…" */
	int tail;            /* heading of the link lists after an article ("推荐阅读") */
	int indented;        /* starts with an ideographic space, two spaces or a tab */
	int heading_mark;    /* a Markdown heading ("### 标题") */
	int bracketed;       /* wholly inside one pair of brackets */
	int32_t first_cp;    /* first code point of the trimmed line */
	int32_t last_cp;     /* last one that is not a closing mark (0: cut line) */
	int complete;        /* features describe the whole line */
};

/* Load the word lists (once). */
void lines_setup(void);
/* Features of p[0..n); complete = 0 when p is only the head of a longer line (then it is
 * body text and only the head features are filled). */
void lf_compute(struct linefeat *f, const char *p, size_t n, int complete);
/* Does p[0..n) (the end of a line, maybe cut inside a character at the front) end with a
 * sentence-final mark? */
int lf_ends_final(const char *p, size_t n);
/* Does p[0..n) point at a picture ("图为...")? */
int lf_mentions_figure(const char *p, size_t n);
/* Could the line, too long or too punctuated for lf_title_like, still be a headline
 * (no comma, no 。 inside, not ending in a pause or a period)? The context decides. */
int lf_headline_shape(const struct linefeat *f);
/* Do lines a and b read as one line broken inside a phrase or a number (b starts with
 * 关于 or 的, a ends in a digit and b starts with 年; with ends_too, also a ends with 及)? */
int lf_broken_between(const char *a, size_t an, const char *b, size_t bn, int ends_too);
/* Is the line short and unpunctuated enough to be a headline? */
int lf_title_like(const struct linefeat *f);

#endif
