/* boiler: markers from data/ plus the shapes of navigation text. */
#include <string.h>
#include "boiler.h"
#include "chars.h"
#include "utf8.h"
#include "wordlist.h"

extern const char data_boiler_markers_txt[], data_boiler_lines_txt[];
extern const char data_footer_markers_txt[], data_starts_article_txt[];
extern const unsigned long data_boiler_markers_txt_len, data_boiler_lines_txt_len;
extern const unsigned long data_footer_markers_txt_len, data_starts_article_txt_len;
extern const char data_meta_labels_txt[], data_tail_markers_txt[];
extern const unsigned long data_meta_labels_txt_len, data_tail_markers_txt_len;

/* One list for the furniture phrases (tag 1) and the footer phrases (tag 2): a line is
 * searched once for both. */
enum { TAG_MARKER = 1, TAG_FOOTER = 2 };
static struct wordlist markers, whole, openers, meta, tail;

/* Furniture is short; a long line holding a marker phrase is prose about it. */
#define FURNITURE_MAX_CP 100
/* Menu entries are short words ("新闻中心", "党建工作"). */
#define MENU_WORD_MAX_CP 6
#define MENU_MIN_WORDS 4
#define MENU_MANY_WORDS 5
/* Link paths are looked for in the head of a line only: body lines are long. */
#define LINK_PATHS_SPAN 512
#define MENU_LONG_WORD_MAX_CP 10

void boiler_setup(void)
{
	wl_load(&markers, data_boiler_markers_txt, data_boiler_markers_txt_len);
	wl_load(&whole, data_boiler_lines_txt, data_boiler_lines_txt_len);
	wl_add_list(&markers, data_footer_markers_txt, data_footer_markers_txt_len, TAG_FOOTER);
	wl_load(&openers, data_starts_article_txt, data_starts_article_txt_len);
	wl_load(&meta, data_meta_labels_txt, data_meta_labels_txt_len);
	wl_load(&tail, data_tail_markers_txt, data_tail_markers_txt_len);
}

int furniture_word(const char *p, size_t n)
{
	return wl_has(&whole, p, n);
}

/* Length of the date and time at the start of p[0..n) ("2019年9月26日 15:10 ",
 * "2022-02-13 04:22:18 "), white space after it included; 0 when there is none. */
static size_t leading_date(const char *p, size_t n)
{
	size_t i = 0, digits = 0, marks = 0;
	while (i < n) {
		int32_t c;
		size_t l = ch_decode(p + i, n - i, &c);
		if (c >= '0' && c <= '9')
			digits++;
		else if (c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == '-' || c == '/' || c == '.')
			marks++;   /* 年 月 日 - / . */
		else if (!(c == ':' || c == 0xFF1A || ch_is_space(c)))
			break;
		i += l;
	}
	if (digits < 4 || !marks)
		return 0;
	/* Give back a colon or digits glued to what follows ("2019年" of "2019年起"). */
	while (i && i < n && p[i - 1] != ' ' && p[i - 1] != '\t')
		i--;
	return i;
}

static int colon_at(const char *p, size_t n)
{
	if (n && p[0] == ':')
		return 1;
	return n >= 3 && memcmp(p, "\xEF\xBC\x9A", 3) == 0;
}

int meta_line(const char *p, size_t n)
{
	size_t d = leading_date(p, n);
	if (d && d == n)
		return 1;
	/* "2022-02-13 星期日" */
	if (d && n - d == 9 && memcmp(p + d, "星期", 6) == 0)
		return 1;
	size_t k = wl_prefix(&meta, p + d, n - d);
	if (!k || !colon_at(p + d + k, n - d - k))
		return 0;
	/* "来源于：" leads a line of its own; "来源：" only after a date. */
	if (k == 6 && memcmp(p + d, "来源", 6) == 0)
		return d > 0;
	return 1;
}

/* Four digits then -, / or 年 and a digit: a date ("2022-01-05", "2022年1月5日"). */
static int has_date(const char *p, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] >= '0' && p[i] <= '9') {
			run++;
			continue;
		}
		if (run == 4) {
			size_t j = i + (p[i] == '-' || p[i] == '/' ? 1 : n - i >= 3 && memcmp(p + i, "年", 3) == 0 ? 3 : 0);
			if (j > i && j < n && p[j] >= '0' && p[j] <= '9')
				return 1;
		}
		run = 0;
	}
	return 0;
}

int dated_labels(const char *p, size_t n)
{
	static const char *const labels[] = { "来源", "作者", "编辑", "发布", "时间", NULL };
	if (!has_date(p, n))
		return 0;
	for (int k = 0; labels[k]; k++) {
		const char *q = memmem(p, n, labels[k], 6);
		if (q && colon_at(q + 6, (size_t)(p + n - q - 6)))
			return 1;
	}
	return 0;
}

int tail_marker(const char *p, size_t n)
{
	/* 【推荐阅读】, [相关新闻] */
	if (n > 6 && ((memcmp(p, "【", 3) == 0 && memcmp(p + n - 3, "】", 3) == 0)))
		p += 3, n -= 6;
	else if (n > 2 && p[0] == '[' && p[n - 1] == ']')
		p++, n -= 2;
	return wl_has(&tail, p, n);
}

/* Markup a web page left behind in a text dump: an HTML comment or tag line
 * ("<!--repaste.body.begin-->"), a Markdown link line ("[查看原文](https://...)"). */
static int markup_residue(const char *p, size_t n)
{
	/* One tag or comment alone: its only '>' is the last byte. */
	if (n >= 2 && p[0] == '<' && p[n - 1] == '>' && memchr(p, '>', n) == p + n - 1 &&
	    (p[1] == '!' || p[1] == '/' || ((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z')))
		return 1;
	if (n >= 4 && p[0] == '[' && p[n - 1] == ')') {
		return memmem(p, n, "](", 2) != NULL;
	}
	return 0;
}

/* A navigation bar: several short words separated by spaces or bars and no punctuation
 * ("新闻中心 党建工作 …"; longer entries when there are more of them). */
static int menu_bar(const char *p, size_t n)
{
	size_t words = 0, wlen = 0, maxlen = 0, i = 0;
	while (i < n) {
		int32_t c;
		i += ch_decode(p + i, n - i, &c);
		if (ch_is_space(c) || c == '|' || c == 0xFF5C || c == 0x4E28) {
			if (wlen)
				words++;
			wlen = 0;
			continue;
		}
		if (ch_is_pause(c) || ch_is_final(c) || ++wlen > MENU_LONG_WORD_MAX_CP)
			return 0;
		if (wlen > maxlen)
			maxlen = wlen;
	}
	words += wlen > 0;
	return (words >= MENU_MIN_WORDS && maxlen <= MENU_WORD_MAX_CP) ||
	       (words >= MENU_MANY_WORDS && maxlen <= MENU_LONG_WORD_MAX_CP);
}

/* Items set apart by bars: "安全保障 | 免责条款 | 服务协议", "国家发改委|中国浙江|…". */
static int bar_list(const char *p, size_t n)
{
	size_t bars = 0, i = 0;
	while (i < n) {
		int32_t c;
		i += ch_decode(p + i, n - i, &c);
		if (c == '|' || c == 0xFF5C || c == 0x4E28)
			bars++;
		else if (ch_is_comma(c) || ch_is_final(c))
			return 0;
	}
	return bars >= 2;
}

/* A list of titles in book marks: "《西藏日报》 《西藏商报》 《西藏法制报》". */
static int book_list(const char *p, size_t n)
{
	if (n < 3 || memcmp(p, "《", 3) != 0)
		return 0;
	size_t books = 0, i = 0;
	int inside = 0;
	while (i < n) {
		int32_t c;
		i += ch_decode(p + i, n - i, &c);
		if (c == 0x300A && !inside)
			inside = 1;
		else if (c == 0x300B && inside)
			inside = 0, books++;
		else if (!inside && !ch_is_space(c))
			return 0;
	}
	return books >= 3 && !inside;
}

/* Link paths left in the text ("工作/col/col1599522/index.html投资…/col/…"). */
static int link_paths(const char *p, size_t n)
{
	size_t slashes = 0;
	const char *q = p, *e = p + n;
	while (slashes < 4 && (q = memchr(q, '/', (size_t)(e - q)))) {
		slashes++;
		q++;
	}
	return slashes >= 4 && !memmem(p, n, "\xE3\x80\x82", 3) && !memmem(p, n, "\xEF\xBC\x8C", 3);
}

/* A breadcrumb: "首页 > 新闻 > 正文". */
static int breadcrumb(const char *p, size_t n)
{
	size_t k = 0, i = 0, first = 0;
	while (i < n) {
		int32_t c;
		size_t l = ch_decode(p + i, n - i, &c);
		if (c == '>' || c == 0xFF1E || c == 0x00BB || c == 0x203A || c == 0x2192) {
			if (!k++)
				first = i;
		}
		i += l;
	}
	if (k != 1)
		return k >= 2;
	/* One step, from the home page: "首页 > 要闻". */
	while (first && (p[first - 1] == ' ' || p[first - 1] == '\t'))
		first--;
	return wl_has(&whole, p, first);
}

/* A path from the home page written with spaces: "首页 陶朱公商圈 商圈资讯". */
static int home_path(const char *p, size_t n, int tokens)
{
	if (tokens < 2 || n < 7 || memcmp(p, "首页", 6) != 0 || (p[6] != ' ' && (unsigned char)p[6] != 0xE3))
		return 0;
	size_t i = 0;
	while (i < n) {
		int32_t c;
		i += ch_decode(p + i, n - i, &c);
		if (ch_is_comma(c) || ch_is_final(c))
			return 0;
	}
	return 1;
}

/* A link to a story whose title was cut: "• 玉泉区积极开展铲雪除冰工作,为居民群众生...". */
static int link_item(const char *p, size_t n)
{
	int32_t c;
	ch_decode(p, n, &c);
	if (c != 0x2022 && c != 0x00B7 && c != 0x25CF && c != 0x25AA)
		return 0;
	return (n >= 3 && memcmp(p + n - 3, "...", 3) == 0) ||
	       (n >= 3 && memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0);
}

/* A host name or URL: labels of letters, digits and hyphens joined by inner dots, maybe
 * with a scheme and a path ("xtrb.peaapk.com", "http://a.b.cn/x"). */
static int host_like(const char *p, size_t n)
{
	size_t dots = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == '/' || c == ':' || c == '?')
			break;
		if (c == '.') {
			if (i == 0 || i + 1 == n || p[i - 1] == '.')
				return 0;
			dots++;
		} else if (!ch_is_ascii_alnum(c) && c != '-') {
			return 0;
		}
	}
	return dots > 0 || (n > 7 && memcmp(p, "http", 4) == 0);
}

/* A list of host names or URLs with no Chinese in it. */
static int host_list(const char *p, size_t n)
{
	size_t hosts = 0, tokens = 0, i = 0;
	while (i < n) {
		while (i < n && p[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && p[j] != ' ') {
			if ((unsigned char)p[j] >= 0x80)
				return 0;
			j++;
		}
		if (j > i) {
			tokens++;
			hosts += host_like(p + i, j - i);
		}
		i = j;
	}
	return (hosts >= 2 && hosts * 2 >= tokens) || (tokens == 1 && hosts == 1 && n > 7 &&
	                                                 memcmp(p, "http", 4) == 0);
}

/* Rules and ornaments ("---", "* * *"): no letter, digit or ideograph at all. */
static int no_words(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int32_t c;
		i += ch_decode(p + i, n - i, &c);
		if (ch_is_han(c) || u8_is_alpha(c) || u8_is_digit(c))
			return 0;
	}
	return 1;
}

int article_opener(const char *p, size_t n)
{
	return wl_prefix(&openers, p, n) > 0;
}

unsigned furniture(const char *p, size_t n, size_t ncp, int tokens, int bars)
{
	if (wl_has(&whole, p, n) || host_list(p, n) || markup_residue(p, n) ||
	    link_paths(p, n < LINK_PATHS_SPAN ? n : LINK_PATHS_SPAN))
		return FURN_BOILER;
	if (ncp > FURNITURE_MAX_CP)
		return 0;
	unsigned tags = wl_tags_within(&markers, p, n, TAG_FOOTER);
	if (tags & TAG_FOOTER)
		return FURN_FOOTER | FURN_BOILER;
	if (tags || (tokens >= MENU_MIN_WORDS && menu_bar(p, n)) ||
	    ((tokens >= 3 || (n > 6 && memcmp(p, "首页", 6) == 0)) && breadcrumb(p, n)) ||
	    home_path(p, n, tokens) || link_item(p, n) || no_words(p, n) ||
	    (bars >= 2 && bar_list(p, n)) || book_list(p, n))
		return FURN_BOILER;
	return 0;
}
