/* credits: a credit line is a sequence of credit words and names, nothing else. */
#include <string.h>
#include "chars.h"
#include "credits.h"
#include "wordlist.h"

extern const char data_credit_words_txt[], data_source_words_txt[];
extern const unsigned long data_credit_words_txt_len, data_source_words_txt_len;

static struct wordlist words, sources;

/* The longest credit line taken as one ("记者 高翠清 李海珍 通讯员 云泽林 高文娟" is 25). */
#define CREDIT_MAX_CP 48
/* A source named after 来源/转自 ("人民网内蒙古频道") may be this long. */
#define SOURCE_MAX_CP 24

void credits_setup(void)
{
	wl_load(&words, data_credit_words_txt, data_credit_words_txt_len);
	wl_load(&sources, data_source_words_txt, data_source_words_txt_len);
}

static size_t ncp_of(const char *p, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)p[i] & 0xC0) != 0x80;
	return k;
}

/* A personal name: two to five Han characters (a middle dot allowed for transliterated
 * names), or a capitalised Latin word. */
static int is_name(const char *p, size_t n)
{
	if (n && p[0] >= 'A' && p[0] <= 'Z') {
		for (size_t i = 1; i < n; i++)
			if (!ch_is_ascii_alnum((unsigned char)p[i]) && p[i] != '-' && p[i] != '.')
				return 0;
		return n >= 2;
	}
	size_t han = 0, i = 0;
	while (i < n) {
		int32_t c;
		i += ch_decode(p + i, n - i, &c);
		if (ch_is_han(c))
			han++;
		else if (c != 0x00B7 && c != 0x30FB && c != 0x2022)
			return 0;
	}
	return han >= 2 && han <= 5 + 3 * (ncp_of(p, n) > han);
}

static int one_han(const char *p, size_t n)
{
	int32_t c;
	return n == 3 && ch_decode(p, n, &c) == 3 && ch_is_han(c);
}

static int has_photo_word(const char *p, size_t n)
{
	return memmem(p, n, "摄", 3) || memmem(p, n, "图", 3);
}

/* One space-free token of a credit line. Returns 1 and adds to *credit when it is a credit
 * word, a name, or both run together. */
static int credit_token(const char *p, size_t n, int *credit, int *photo, int *source)
{
	if (wl_has(&words, p, n)) {
		(*credit)++;
		*photo |= has_photo_word(p, n);
		*source = wl_has(&sources, p, n);
		return 1;
	}
	if (*source) {
		*source = 0;
		return ncp_of(p, n) <= SOURCE_MAX_CP;
	}
	if (n > 3 && memcmp(p + n - 3, "摄", 3) == 0 && (is_name(p, n - 3) || one_han(p, n - 3))) {
		(*credit)++;
		*photo = 1;
		return 1;
	}
	/* A name padded with spaces to the width of three characters ("雷  声", "沈  果"). */
	if (is_name(p, n) || one_han(p, n))
		return 1;
	size_t k = wl_prefix(&words, p, n);
	if (k && k < n && p[k] == '/')
		k++;   /* "文/张三", "图/李四" */
	if (k && k < n && (is_name(p + k, n - k) || wl_has(&words, p + k, n - k))) {
		(*credit)++;
		*photo |= has_photo_word(p, k);
		return 1;
	}
	return 0;
}

/* Leading marks such as ■ □ ● and surrounding brackets; returns the marker seen, and
 * sets *bracketed when the line was wholly inside brackets. */
static int strip_marks(const char **pp, size_t *pn, int *bracketed)
{
	const char *p = *pp;
	size_t n = *pn;
	int marker = 0, opened = 0, closed = 0;
	for (;;) {
		if (!n)
			break;
		int32_t c;
		size_t l = ch_decode(p, n, &c);
		if (c == 0x25A0 || c == 0x25A1 || c == 0x25CF || c == 0x25C6 || c == 0x25B2 ||
		    c == 0x2605 || c == 0x25C7 || c == 0x25CB || c == '*') {
			marker = 1;
		} else if (ch_is_opener(c)) {
			opened = 1;
		} else if (!ch_is_space(c)) {
			break;
		}
		p += l;
		n -= l;
	}
	while (n) {
		size_t q = ch_prev(p, n);
		int32_t c;
		ch_decode(p + q, n - q, &c);
		if (!(ch_is_closer(c) || ch_is_space(c)))
			break;
		closed |= ch_is_closer(c);
		n = q;
	}
	*pp = p;
	*pn = n;
	*bracketed = opened && closed;
	return marker;
}

/* A bracketed dateline or note: "(新华社北京12月31日电)", "(作者为全国政协副主席)". */
static int bracketed_credit(const char *p, size_t n, int *photo)
{
	if (n >= 3 && memcmp(p + n - 3, "电", 3) == 0)
		return 1;
	if (wl_prefix(&words, p, n)) {
		*photo = has_photo_word(p, n);
		return 1;
	}
	return 0;
}

/* "沈  果摄（新华社发）": a credit word in brackets after the credit is dropped. */
static void drop_agency_note(const char *p, size_t *pn, int *photo)
{
	size_t n = *pn;
	if (n < 9 || memcmp(p + n - 3, "）", 3) != 0)
		return;
	const char *open = NULL;
	for (size_t i = 0; i + 3 <= n; i++)
		if (memcmp(p + i, "（", 3) == 0)
			open = p + i;
	if (!open || open == p)
		return;
	const char *in = open + 3;
	size_t k = (size_t)(p + n - 3 - in);
	if (wl_has(&words, in, k)) {
		*photo |= has_photo_word(in, k);
		*pn = (size_t)(open - p);
	}
}

int credit_line(const char *p, size_t n, int *photo)
{
	*photo = 0;
	if (!n || ncp_of(p, n) > CREDIT_MAX_CP)
		return 0;
	int bracketed;
	drop_agency_note(p, &n, photo);
	int marker = strip_marks(&p, &n, &bracketed);
	if (bracketed && bracketed_credit(p, n, photo))
		return 1;
	int credit = 0, source = 0, names = 0, tokens = 0;
	size_t i = 0;
	while (i < n) {
		int32_t c;
		size_t l = ch_decode(p + i, n - i, &c);
		if (ch_is_space(c) || ch_is_colon(c)) {
			i += l;
			continue;
		}
		size_t j = i;
		while (j < n) {
			l = ch_decode(p + j, n - j, &c);
			if (ch_is_space(c) || (ch_is_colon(c) && !source))
				break;
			j += l;
		}
		int before = credit;
		if (!credit_token(p + i, j - i, &credit, photo, &source))
			return 0;
		names += credit == before;
		tokens++;
		i = j;
	}
	/* "■记者手记", "■延伸阅读": a marked heading is one word; "■本报记者 阿柔娜 摄"
	 * spaces its parts. */
	if (marker && tokens == 1)
		return 0;
	return credit > 0 || (marker && names > 0);
}

int caption_with_credit(const char *p, size_t n)
{
	size_t e = n;
	while (e) {
		size_t q = ch_prev(p, e);
		int32_t c;
		ch_decode(p + q, e - q, &c);
		if (!(c == ')' || c == 0xFF09 || ch_is_space(c)))
			break;
		e = q;
	}
	if (e < 3 || memcmp(p + e - 3, "摄", 3) != 0)
		return 0;
	/* The credit starts after the last sentence end or opening bracket. */
	size_t cs = 0, i = 0;
	while (i < e) {
		int32_t c;
		size_t l = ch_decode(p + i, e - i, &c);
		if (ch_is_final(c) || ch_is_closer(c) || c == '(' || c == 0xFF08)
			cs = i + l;
		i += l;
	}
	if (cs == 0 || ncp_of(p, cs) < 4)
		return 0;
	int photo;
	return credit_line(p + cs, e - cs, &photo) && photo;
}
