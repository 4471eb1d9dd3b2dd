/* dates: DATE and TIME, normalised to ISO 8601 as far as the text allows:
 * 2019年12月13日 -> 2019-12-13, 5月30日 -> --05-30, 2017年2月 -> 2017-02, 1993年 -> 1993,
 * 上世纪80年代 -> 198X, 20-09-02 -> 2020-09-02, 2005-2009 -> 2005/2009, 14:52 -> 14:52.
 * Years, months and days are read in Arabic digits (half or full width) or Chinese
 * numerals; a relative expression (今年, 上半年) is not a date. */
#include <stdio.h>
#include <string.h>
#include "dates.h"
#include "res.h"

#define CP_NIAN 0x5E74   /* 年 */
#define CP_YUE 0x6708    /* 月 */
#define CP_RI 0x65E5     /* 日 */
#define CP_HAO 0x53F7    /* 号 */
#define CP_DAI 0x4EE3    /* 代 */
#define CP_SHI 0x65F6    /* 时 */
#define CP_DIAN 0x70B9   /* 点 */
#define CP_FEN 0x5206    /* 分 */

static int digit_of(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return cp - 0xFF10;
	return -1;
}

static int cn_digit(int32_t cp)
{
	switch (cp) {
	case 0x3007: case 0x96F6: return 0;   /* 〇 零 */
	case 0x4E00: return 1;
	case 0x4E8C: return 2;
	case 0x4E09: return 3;
	case 0x56DB: return 4;
	case 0x4E94: return 5;
	case 0x516D: return 6;
	case 0x4E03: return 7;
	case 0x516B: return 8;
	case 0x4E5D: return 9;
	default: return -1;
	}
}

/* A number at i: Arabic digits (*nd of them) or a Chinese numeral up to 99; -1 if none. */
static long read_num(const struct ctx *c, size_t i, size_t *end, int *nd)
{
	long v = 0;
	size_t j = i;
	while (j < c->n && digit_of(c->cp[j]) >= 0 && j - i < 9)
		v = v * 10 + digit_of(c->cp[j++]);
	if (j > i) {
		if (j < c->n && digit_of(c->cp[j]) >= 0)
			return -1;
		*end = j;
		*nd = (int)(j - i);
		return v;
	}
	/* 十, 十二, 二十, 二十三, 三 */
	int tens = -1, ones = -1;
	if (j < c->n && c->cp[j] == 0x5341) {   /* 十 */
		tens = 1;
		j++;
	} else if (j < c->n && cn_digit(c->cp[j]) > 0) {
		ones = cn_digit(c->cp[j++]);
		if (j < c->n && c->cp[j] == 0x5341) {
			tens = ones;
			ones = -1;
			j++;
		}
	}
	if (tens > 0 && j < c->n && cn_digit(c->cp[j]) > 0)
		ones = cn_digit(c->cp[j++]);
	if (tens < 0 && ones < 0)
		return -1;
	*end = j;
	*nd = 0;
	return (tens > 0 ? tens * 10 : 0) + (ones > 0 ? ones : 0);
}

/* A year written digit by digit in Chinese numerals (二〇一九): 4 characters. */
static long read_cn_year(const struct ctx *c, size_t i, size_t *end)
{
	long v = 0;
	size_t j = i;
	while (j < c->n && j - i < 4 && cn_digit(c->cp[j]) >= 0)
		v = v * 10 + cn_digit(c->cp[j++]);
	if (j - i != 4)
		return -1;
	*end = j;
	return v;
}

static int prev_is_digit(const struct ctx *c, size_t i)
{
	return i > 0 && (digit_of(c->cp[i - 1]) >= 0 || c->cp[i - 1] == '.');
}

static int is_at(const struct ctx *c, size_t i, int32_t cp)
{
	return i < c->n && c->cp[i] == cp;
}

static void emit(struct ctx *c, size_t s, size_t e, int type, const char *v)
{
	if (!ctx_free_span(c, s, e))
		return;
	ctx_add_made(c, s, e, type, v, strlen(v));
	memset(c->occ + s, 1, e - s);
}

/* 上世纪80年代, 本世纪, 90年代 */
static size_t decade(struct ctx *c, size_t i)
{
	static const int32_t shang[] = { 0x4E0A, 0x4E16, 0x7EAA };   /* 上世纪 */
	static const int32_t ben[] = { 0x672C, 0x4E16, 0x7EAA };     /* 本世纪 */
	int century = 19;
	size_t s = i;
	if (i + 3 <= c->n && memcmp(c->cp + i, shang, sizeof shang) == 0)
		s = i, i += 3;
	else if (i + 3 <= c->n && memcmp(c->cp + i, ben, sizeof ben) == 0)
		s = i, i += 3, century = 20;
	size_t e;
	int nd;
	long v = read_num(c, i, &e, &nd);
	if (v < 0 || (nd != 2 && nd != 0) || v % 10 || !is_at(c, e, CP_NIAN) || !is_at(c, e + 1, CP_DAI))
		return 0;
	char buf[64];
	snprintf(buf, sizeof buf, "%02d%ldX", century, v / 10);
	emit(c, s, e + 2, T_DATE, buf);
	return e + 2;
}

/* Y年M月D日 and its parts; returns the end, or 0. */
static size_t calendar(struct ctx *c, size_t i)
{
	long y = -1, m = -1, d = -1;
	size_t j = i, e;
	int nd;
	long v = read_cn_year(c, j, &e);
	if (v >= 0)
		nd = 4;
	else
		v = read_num(c, j, &e, &nd);
	if (v >= 0 && is_at(c, e, CP_NIAN) && nd == 4) {
		y = v;
		j = e + 1;
		v = read_num(c, j, &e, &nd);
	}
	if (v >= 1 && v <= 12 && is_at(c, e, CP_YUE) && (y >= 0 || j == i)) {
		m = v;
		j = e + 1;
		v = read_num(c, j, &e, &nd);
		if (v >= 1 && v <= 31 && (is_at(c, e, CP_RI) || is_at(c, e, CP_HAO))) {
			d = v;
			j = e + 1;
		}
	}
	if (y < 0 && m < 0)
		return 0;
	char buf[64];
	if (y >= 0 && m >= 0 && d >= 0)
		snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
	else if (y >= 0 && m >= 0)
		snprintf(buf, sizeof buf, "%04ld-%02ld", y, m);
	else if (y >= 0)
		snprintf(buf, sizeof buf, "%04ld", y);
	else if (d >= 0)
		snprintf(buf, sizeof buf, "--%02ld-%02ld", m, d);
	else
		snprintf(buf, sizeof buf, "--%02ld", m);
	emit(c, i, j, T_DATE, buf);
	return j;
}

/* Digits joined by - / .: YYYY-MM-DD, YY-MM-DD, YYYY-YYYY. */
static size_t numeric(struct ctx *c, size_t i)
{
	long part[3];
	int nds[3];
	size_t j = i, e = i;
	int k = 0;
	int32_t sep = 0;
	while (k < 3) {
		int nd;
		long v = read_num(c, j, &e, &nd);
		if (v < 0 || nd == 0)
			break;
		part[k] = v;
		nds[k++] = nd;
		j = e;
		if (k == 3 || j >= c->n)
			break;
		int32_t s = c->cp[j];
		if (!(s == '-' || s == '/' || s == '.') || (sep && s != sep) || digit_of(c->cp[j + 1 < c->n ? j + 1 : j]) < 0)
			break;
		sep = s;
		j++;
	}
	if (e < c->n && (digit_of(c->cp[e]) >= 0 || c->cp[e] == sep))
		return 0;
	char buf[64];
	if (k == 3 && (nds[0] == 4 || nds[0] == 2) && nds[1] <= 2 && nds[2] <= 2 &&
	    part[1] >= 1 && part[1] <= 12 && part[2] >= 1 && part[2] <= 31) {
		long y = nds[0] == 2 ? 2000 + part[0] : part[0];
		snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, part[1], part[2]);
	} else if (k == 2 && sep == '-' && nds[0] == 4 && nds[1] == 4 && part[0] >= 1900 &&
	           part[0] < part[1] && part[1] <= 2100) {
		snprintf(buf, sizeof buf, "%04ld/%04ld", part[0], part[1]);
	} else
		return 0;
	emit(c, i, e, T_DATE, buf);
	return e;
}

/* 14:52, 14:52:30, 14时30分, 9点15分 */
static size_t clock_time(struct ctx *c, size_t i)
{
	size_t e1, e2, e3 = 0;
	int nd1, nd2, nd3;
	long h = read_num(c, i, &e1, &nd1), m, s = -1;
	if (h < 0 || h > 24)
		return 0;
	int colon = is_at(c, e1, ':') || is_at(c, e1, 0xFF1A);
	int word = is_at(c, e1, CP_SHI) || is_at(c, e1, CP_DIAN);
	if (!colon && !word)
		return 0;
	m = read_num(c, e1 + 1, &e2, &nd2);
	if (m < 0 || m > 59 || (colon && nd2 != 2))
		return 0;
	size_t end = e2;
	if (word) {
		if (!is_at(c, e2, CP_FEN))
			return 0;
		end = e2 + 1;
	} else if ((is_at(c, e2, ':') || is_at(c, e2, 0xFF1A)) &&
	           (s = read_num(c, e2 + 1, &e3, &nd3)) >= 0 && nd3 == 2 && s <= 59) {
		end = e3;
	}
	if (colon && end < c->n && digit_of(c->cp[end]) >= 0)
		return 0;
	char buf[64];
	if (s >= 0)
		snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", h, m, s);
	else
		snprintf(buf, sizeof buf, "%02ld:%02ld", h, m);
	emit(c, i, end, T_TIME, buf);
	return end;
}

static int may_start(int32_t cp)
{
	return digit_of(cp) >= 0 || cn_digit(cp) >= 0 || cp == 0x5341 || cp == 0x4E0A || cp == 0x672C;
}

void dates_find(struct ctx *c)
{
	for (size_t i = 0; i < c->n;) {
		if (c->occ[i] || !may_start(c->cp[i]) || prev_is_digit(c, i)) {
			i++;
			continue;
		}
		size_t e = decade(c, i);
		if (!e)
			e = calendar(c, i);
		if (!e && digit_of(c->cp[i]) >= 0)
			e = numeric(c, i);
		if (!e && digit_of(c->cp[i]) >= 0)
			e = clock_time(c, i);
		i = e > i ? e : i + 1;
	}
}
