/* dates: DATE and TIME, normalised to ISO 8601 as far as the text allows:
 * 2019年12月13日 -> 2019-12-13, 5月30日 -> --05-30, 2017年2月 -> 2017-02, 1993年 -> 1993,
 * 上世纪80年代 -> 198X, 20-09-02 -> 2020-09-02, 2005-2009 -> 2005/2009, 14:52 -> 14:52.
 * Years, months and days are read in Arabic digits (half or full width) or Chinese
 * numerals; a relative expression (今年, 上半年) is not a date.
 * News also writes a day of the current month alone (20日 -> ---20, ISO's day-only form), a
 * part of a year or month (2019年度, 2007年末, 9月底, 9月份: the whole span, valued as the year
 * or month), a range of months or days (1-10月 -> --01/--10, 9月19-20日 -> --09-19/--09-20), a year and month with a dot (1999.11),
 * a copyright year (©2018) and lunar dates (农历正月十六: no Gregorian value, so none). */
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
#define CP_GE 0x4E2A     /* 个 */

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

/* A word after a year or month that names a part of it (年度, 年末, 月底, 月份, 月上旬): its
 * length, or 0. 初 before 步 is 初步 (preliminary), not the start of the year. */
static size_t part_suffix(const struct ctx *c, size_t i, int month)
{
	if (i >= c->n)
		return 0;
	switch (c->cp[i]) {
	case 0x5E95: case 0x672B: return 1;                          /* 底 末 */
	case 0x521D: return is_at(c, i + 1, 0x6B65) ? 0 : 1;         /* 初, not 初步 */
	case 0x5EA6: return month ? 0 : 1;                           /* 年度 */
	case 0x4EFD: return month ? 1 : 0;                           /* 月份 */
	case 0x4E0A: case 0x4E2D: case 0x4E0B:                       /* 上旬 中旬 下旬 */
		return month && is_at(c, i + 1, 0x65EC) ? 2 : 0;
	default: return 0;
	}
}

/* A dash or word joining the two ends of a range (1-10月, 1—8月份, 1至10月). */
static int range_sep(int32_t cp)
{
	return cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == '~' || cp == 0xFF5E ||
	       cp == 0xFF0D || cp == 0x81F3 || cp == 0x5230;   /* 至 到 */
}

/* The end of a range's second day after a number v read as [.., e) with nd digits
 * (19-20日, 19至20日), or 0. */
static size_t day_range(const struct ctx *c, long v, size_t e, int nd, long *w)
{
	size_t e2;
	int nd2;
	if (v < 1 || v > 30 || e + 1 >= c->n || !range_sep(c->cp[e]))
		return 0;
	*w = read_num(c, e + 1, &e2, &nd2);
	if (*w <= v || *w > 31 || (nd2 == 0) != (nd == 0) || !(is_at(c, e2, CP_RI) || is_at(c, e2, CP_HAO)))
		return 0;
	return e2 + 1;
}

/* Y年M月D日 and its parts; returns the end, or 0. */
static size_t calendar(struct ctx *c, size_t i)
{
	long y = -1, m = -1, m2 = -1, d = -1, d2 = -1;
	size_t j = i, e;
	int nd;
	long v = read_cn_year(c, j, &e);
	if (v >= 0)
		nd = 4;
	else
		v = read_num(c, j, &e, &nd);
	/* 2007 年末: a space may stand between Arabic year digits and 年 */
	size_t ey = e;
	if (v >= 0 && nd == 4 && digit_of(c->cp[i]) >= 0 && ey < c->n && c->cp[ey] == ' ' &&
	    is_at(c, ey + 1, CP_NIAN))
		ey++;
	if (v >= 0 && is_at(c, ey, CP_NIAN) && nd == 4) {
		y = v;
		j = ey + 1;
		v = read_num(c, j, &e, &nd);
	}
	/* a month is not one after 个 (三个9月 counts months) */
	int month_ok = y >= 0 || (j == i && !(i > 0 && c->cp[i - 1] == CP_GE));
	if (v >= 1 && v <= 12 && month_ok && e + 1 < c->n && range_sep(c->cp[e])) {
		size_t e2;
		int nd2;
		long w = read_num(c, e + 1, &e2, &nd2);
		if (w > v && w <= 12 && (nd2 == 0) == (nd == 0) && is_at(c, e2, CP_YUE)) {
			m = v;
			m2 = w;
			j = e2 + 1;
			if (is_at(c, j, 0x4EFD))   /* 份 */
				j++;
		}
	}
	if (m < 0 && v >= 1 && v <= 12 && is_at(c, e, CP_YUE) && month_ok) {
		m = v;
		j = e + 1;
		v = read_num(c, j, &e, &nd);
		size_t er;
		if (v >= 1 && v <= 31 && (is_at(c, e, CP_RI) || is_at(c, e, CP_HAO))) {
			d = v;
			j = e + 1;
		} else if ((er = day_range(c, v, e, nd, &d2)) > 0) {
			d = v;
			j = er;
		} else
			j += part_suffix(c, j, 1);
	} else if (m < 0 && y >= 0)
		j += part_suffix(c, j, 0);
	if (y < 0 && m < 0)
		return 0;
	char buf[96];
	if (d2 >= 0 && y >= 0)
		snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld/%04ld-%02ld-%02ld", y, m, d, y, m, d2);
	else if (d2 >= 0)
		snprintf(buf, sizeof buf, "--%02ld-%02ld/--%02ld-%02ld", m, d, m, d2);
	else if (m2 >= 0 && y >= 0)
		snprintf(buf, sizeof buf, "%04ld-%02ld/%04ld-%02ld", y, m, y, m2);
	else if (m2 >= 0)
		snprintf(buf, sizeof buf, "--%02ld/--%02ld", m, m2);
	else if (y >= 0 && m >= 0 && d >= 0)
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

/* Does the clause around i (up to ，。；) speak of a length of time changing (时间从7日下降为3日)?
 * Then its bare days are counts of days. */
static int duration_clause(const struct ctx *c, size_t i)
{
	static const int32_t words[][2] = {
		{ 0x4E0B, 0x964D }, { 0x7F29, 0x77ED }, { 0x538B, 0x7F29 }, { 0x5EF6, 0x957F },   /* 下降 缩短 压缩 延长 */
		{ 0x51CF, 0x5C11 }, { 0x65F6, 0x9650 }, { 0x671F, 0x9650 }, { 0x5468, 0x671F },   /* 减少 时限 期限 周期 */
		{ 0x7528, 0x65F6 }, { 0x8017, 0x65F6 },                                           /* 用时 耗时 */
	};
	size_t s = i, e = i;
	while (s > 0 && c->cp[s - 1] != 0xFF0C && c->cp[s - 1] != 0x3002 && c->cp[s - 1] != 0xFF1B)
		s--;
	while (e < c->n && c->cp[e] != 0xFF0C && c->cp[e] != 0x3002 && c->cp[e] != 0xFF1B)
		e++;
	for (size_t k = s; k + 1 < e; k++)
		for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
			if (c->cp[k] == words[w][0] && c->cp[k + 1] == words[w][1])
				return 1;
	return 0;
}

/* A day of the month alone in Arabic digits (20日, 5日): in news, a day of the current month.
 * Not a count of days: 连续20日, 近5日, 每3日, 第2日, 20日内, 5日游, 20日元 (yen). */
static size_t bare_day(struct ctx *c, size_t i)
{
	size_t e;
	int nd;
	long v = read_num(c, i, &e, &nd), w = -1;
	if (v < 1 || v > 31 || nd < 1 || nd > 2)
		return 0;
	size_t er = day_range(c, v, e, nd, &w);
	if (er > 0 && c->cp[er - 1] == CP_RI)
		e = er - 1;   /* 19-20日: e on the 日 */
	else if (!is_at(c, e, CP_RI))
		return 0;
	if (i > 1 && range_sep(c->cp[i - 1]) && digit_of(c->cp[i - 2]) >= 0)
		return 0;   /* the second half of a range refused as a whole (连续5-6日) */
	if (i > 0) {
		switch (c->cp[i - 1]) {
		case 0x7EED: case 0x8FD1: case 0x6BCF: case 0x6570: case 0x7B2C:   /* 续 近 每 数 第 */
		case 0x524D: case 0x7EA6: case 0x5171: case 0x6EE1: case 0x671F:   /* 前 约 共 满 期 */
		case 0x591A: case 0x903E: case 0x8D85: case 0x8FBE: case CP_GE:    /* 多 逾 超 达 个 */
		case 0x51E0: case 0x4F59: case CP_SHI:                             /* 几 余 时 */
		case CP_YUE: case CP_NIAN:   /* what calendar() refused: 13月1日 */
			return 0;
		}
	}
	if (e + 1 < c->n) {
		switch (c->cp[e + 1]) {
		case 0x5143: case 0x5185: case 0x6E38: case 0x5747:   /* 元 内 游 均 */
			return 0;
		}
	}
	if (duration_clause(c, i))
		return 0;
	char buf[32];
	if (er > 0 && c->cp[er - 1] == CP_RI)
		snprintf(buf, sizeof buf, "---%02ld/---%02ld", v, w);
	else
		snprintf(buf, sizeof buf, "---%02ld", v);
	emit(c, i, e + 1, T_DATE, buf);
	return e + 1;
}

/* A lunar date: 农历正月十六, 农历八月, 正月初一, 腊月二十三, 廿 for twenty. It has no ISO value. */
static size_t lunar(struct ctx *c, size_t i)
{
	size_t j = i, e;
	int nd, prefixed = 0;
	if (is_at(c, j, 0x519C) && is_at(c, j + 1, 0x5386)) {   /* 农历 */
		prefixed = 1;
		j += 2;
	}
	int named = (is_at(c, j, 0x6B63) || is_at(c, j, 0x814A) || is_at(c, j, 0x51AC)) &&
	            is_at(c, j + 1, CP_YUE);   /* 正月 腊月 冬月 */
	if (named)
		j += 2;
	else if (prefixed) {
		long m = read_num(c, j, &e, &nd);
		if (m < 1 || m > 12 || !is_at(c, e, CP_YUE))
			return 0;
		j = e + 1;
	} else
		return 0;
	/* the day: 初一..初十, 十一..三十, 廿X */
	size_t k = j;
	if (is_at(c, k, 0x521D) && read_num(c, k + 1, &e, &nd) >= 1 && nd == 0 && e - k <= 3)
		j = e;
	else if (is_at(c, k, 0x5EFF) && k + 1 < c->n && cn_digit(c->cp[k + 1]) > 0)   /* 廿 */
		j = k + 2;
	else if (is_at(c, k, 0x5EFF))
		j = k + 1;
	else {
		long dv = read_num(c, k, &e, &nd);
		if (dv >= 11 && dv <= 30 && nd == 0)
			j = e;
	}
	if (j == k && !prefixed)
		return 0;
	emit(c, i, j, T_DATE, "");
	return j;
}

/* Does the word Copyright (any case) end right before i, spaces skipped? */
static int after_copyright_word(const struct ctx *c, size_t i)
{
	static const char w[] = "copyright";
	while (i > 0 && c->cp[i - 1] == ' ')
		i--;
	if (i < sizeof w - 1)
		return 0;
	for (size_t k = 0; k < sizeof w - 1; k++) {
		int32_t ch = c->cp[i - (sizeof w - 1) + k];
		if (ch >= 'A' && ch <= 'Z')
			ch += 'a' - 'A';
		if (ch != w[k])
			return 0;
	}
	return 1;
}

/* A year after a copyright sign or word (©2018, Copyright 2018; 2005-2019 is numeric()'s). */
static size_t copyright_year(struct ctx *c, size_t i)
{
	size_t j = c->cp[i] == 0xA9 ? i + 1 : i, e;
	int nd;
	while (j < c->n && c->cp[j] == ' ')
		j++;
	long v = read_num(c, j, &e, &nd);
	if (nd != 4 || v < 1900 || v > 2099)
		return 0;
	if (e < c->n && range_sep(c->cp[e]) && e + 1 < c->n && digit_of(c->cp[e + 1]) >= 0)
		return 0;   /* left to numeric(): 2005-2019 */
	char buf[16];
	snprintf(buf, sizeof buf, "%04ld", v);
	emit(c, j, e, T_DATE, buf);
	return e;
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
	} else if (k == 2 && sep == '.' && nds[0] == 4 && part[0] >= 1900 && part[0] <= 2099 &&
	           part[1] >= 1 && part[1] <= 12 && !(e < c->n && (ctx_is_cjk(c, e) || c->cp[e] == '%')) &&
	           !(i > 0 && ctx_is_cjk(c, i - 1) == 0 && c->cp[i - 1] > ' ' && c->cp[i - 1] < 0x80 &&
	             c->cp[i - 1] != '(' && c->cp[i - 1] != '[')) {
		/* 1999.11: a year and month, unless a unit or word follows (2019.5万元) or a sign
		   or letter comes before ($2019.5) */
		snprintf(buf, sizeof buf, "%04ld-%02ld", part[0], part[1]);
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
	return digit_of(cp) >= 0 || cn_digit(cp) >= 0 || cp == 0x5341 || cp == 0x4E0A || cp == 0x672C ||
	       cp == 0x519C || cp == 0x6B63 || cp == 0x814A || cp == 0x51AC || cp == 0xA9;
}

void dates_find(struct ctx *c)
{
	for (size_t i = 0; i < c->n;) {
		if (c->occ[i] || !may_start(c->cp[i]) || prev_is_digit(c, i)) {
			i++;
			continue;
		}
		size_t e = c->cp[i] == 0xA9 || (digit_of(c->cp[i]) >= 0 && after_copyright_word(c, i)) ?
		           copyright_year(c, i) : 0;
		if (!e)
			e = lunar(c, i);
		if (!e)
			e = decade(c, i);
		if (!e)
			e = calendar(c, i);
		if (!e && digit_of(c->cp[i]) >= 0)
			e = numeric(c, i);
		if (!e && digit_of(c->cp[i]) >= 0)
			e = clock_time(c, i);
		if (!e && digit_of(c->cp[i]) >= 0)
			e = bare_day(c, i);
		i = e > i ? e : i + 1;
	}
}
