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

/* One list for the furniture phrases (tag 1) and the footer phrases (tag 2): a line is
 * searched once for both. */
enum { TAG_MARKER = 1, TAG_FOOTER = 2 };
static struct wordlist markers, whole, openers;

/* Furniture is short; a long line holding a marker phrase is prose about it. */
#define FURNITURE_MAX_CP 100
/* Menu entries are short words ("新闻中心", "党建工作"). */
#define MENU_WORD_MAX_CP 6
#define MENU_MIN_WORDS 4

void boiler_setup(void)
{
	wl_load(&markers, data_boiler_markers_txt, data_boiler_markers_txt_len);
	wl_load(&whole, data_boiler_lines_txt, data_boiler_lines_txt_len);
	wl_add_list(&markers, data_footer_markers_txt, data_footer_markers_txt_len, TAG_FOOTER);
	wl_load(&openers, data_starts_article_txt, data_starts_article_txt_len);
}

/* A navigation bar: several short words separated by spaces and no punctuation. */
static int menu_bar(const char *p, size_t n)
{
	size_t words = 0, wlen = 0, i = 0;
	while (i < n) {
		int32_t c;
		i += ch_decode(p + i, n - i, &c);
		if (ch_is_space(c) || c == '|' || c == 0xFF5C) {
			if (wlen)
				words++;
			wlen = 0;
			continue;
		}
		if (ch_is_pause(c) || ch_is_final(c) || ++wlen > MENU_WORD_MAX_CP)
			return 0;
	}
	words += wlen > 0;
	return words >= MENU_MIN_WORDS;
}

/* A breadcrumb: "首页 > 新闻 > 正文". */
static int breadcrumb(const char *p, size_t n)
{
	size_t k = 0, i = 0;
	while (i < n) {
		int32_t c;
		i += ch_decode(p + i, n - i, &c);
		k += c == '>' || c == 0xFF1E || c == 0x00BB || c == 0x203A;
	}
	return k >= 2;
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
	return hosts >= 2 && hosts * 2 >= tokens;
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

unsigned furniture(const char *p, size_t n, size_t ncp, int tokens)
{
	if (wl_has(&whole, p, n) || host_list(p, n))
		return FURN_BOILER;
	if (ncp > FURNITURE_MAX_CP)
		return 0;
	unsigned tags = wl_tags_within(&markers, p, n, TAG_FOOTER);
	if (tags & TAG_FOOTER)
		return FURN_FOOTER | FURN_BOILER;
	if (tags || (tokens >= MENU_MIN_WORDS && menu_bar(p, n)) ||
	    (tokens >= 3 && breadcrumb(p, n)) || link_item(p, n) || no_words(p, n))
		return FURN_BOILER;
	return 0;
}
