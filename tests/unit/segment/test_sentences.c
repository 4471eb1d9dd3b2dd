/* Unit tests of the sentence splitter: each case is a paragraph and the segments a reader
 * of Chinese (or English) news would cut it into, written out by hand. */
#include <stdlib.h>
#include "check.h"
#include "sentences.h"

extern const char data_abbrev_txt[];
extern const unsigned long data_abbrev_txt_len;

static struct buf got = BUF_INIT;   /* segments joined by '|', offsets as [s,e) */
static int with_offsets;

static void collect(void *ctx, const char *p, size_t n, unsigned long long s, unsigned long long e)
{
	(void)ctx;
	if (got.n)
		buf_addc(&got, '|');
	buf_add(&got, p, n);
	if (with_offsets)
		buf_addf(&got, "[%llu,%llu)", s, e);
}

/* Feed text in pieces of step bytes (0: all at once), as the reader does with a long line. */
static const char *split(const char *text, size_t max, int whole, size_t step)
{
	struct splitter sp;
	spl_init(&sp, max, U8_NFKC, collect, NULL);
	buf_clear(&got);
	spl_begin(&sp, whole);
	size_t n = strlen(text), i = 0;
	if (!step)
		step = n ? n : 1;
	while (i < n) {
		size_t k = n - i < step ? n - i : step;
		struct tmap m = TMAP_INIT;
		tm_add(&m, 0, i);
		spl_feed(&sp, text + i, k, &m);
		tm_free(&m);
		i += k;
	}
	spl_end(&sp);
	spl_free(&sp);
	return got.p ? got.p : "";
}

#define SPLIT(name, text, want) CHECK_STR(name, split(text, 2000, 0, 0), want)

int main(void)
{
	check_suite = "segment/sentences";
	spl_set_abbrevs(data_abbrev_txt, data_abbrev_txt_len);

	SPLIT("full stop", "持续发挥商圈党组织“集聚效应”。以包联、驻区为核心。",
	      "持续发挥商圈党组织“集聚效应”。|以包联、驻区为核心。");
	SPLIT("closing quote stays", "“有事就找网格员。”如今,这句话已成为口头禅。",
	      "“有事就找网格员。”|如今,这句话已成为口头禅。");
	SPLIT("quote then speaker", "“……是真的。”张华说。", "“……是真的。”|张华说。");
	SPLIT("exclamation and question", "好吗？好！真的?是!", "好吗？|好！|真的?|是!");
	SPLIT("double ellipsis", "村民有诉求必到……原相乡通过建立台账。",
	      "村民有诉求必到……|原相乡通过建立台账。");
	SPLIT("ellipsis then quote", "通知村民到现场查看……”5月28日,康大爷说。",
	      "通知村民到现场查看……”|5月28日,康大爷说。");
	SPLIT("single ellipsis goes on", "等等…然后走了。", "等等…然后走了。");
	SPLIT("semicolon goes on", "补齐短板;努力解决困难。", "补齐短板;努力解决困难。");
	SPLIT("book title keeps its mark", "我们明天一起去看《摔跤吧！爸爸》好吗？好！",
	      "我们明天一起去看《摔跤吧！爸爸》好吗？|好！");
	SPLIT("pysbd traditional date", "抵達上海,他們步入入境大廳時神情落寞、不發一語。周怡安來自台中,同年9月加入安永。",
	      "抵達上海,他們步入入境大廳時神情落寞、不發一語。|周怡安來自台中,同年9月加入安永。");
	SPLIT("decimal and thousands", "占地面积22.86万平方米,投资1,000万元。常住人口约1.5万。",
	      "占地面积22.86万平方米,投资1,000万元。|常住人口约1.5万。");
	SPLIT("latin sentences", "He left. She stayed! Did he? Yes.",
	      "He left.|She stayed!|Did he?|Yes.");
	SPLIT("latin abbreviations", "Mr. Smith met Dr. Lee in the U.S. Army, e.g. Fort Bliss. Then he left.",
	      "Mr. Smith met Dr. Lee in the U.S. Army, e.g. Fort Bliss.|Then he left.");
	SPLIT("latin decimal", "It grew 3.5 percent. Prices fell.", "It grew 3.5 percent.|Prices fell.");
	SPLIT("lower case after period", "See fig. below. And go.", "See fig. below.|And go.");
	SPLIT("initial", "J. Smith wrote it.", "J. Smith wrote it.");
	SPLIT("url question mark", "见 http://a.cn/x?id=3 页面。", "见 http://a.cn/x?id=3 页面。");
	SPLIT("trimmed", "  第一句。  第二句。  ", "第一句。|第二句。");
	SPLIT("unfinished end", "建立新时代文明实践", "建立新时代文明实践");
	SPLIT("full-width period is latin", "数字２２．８６万。", "数字２２．８６万。");

	CHECK_STR("whole mode keeps one segment", split("第一句。第二句。", 2000, 1, 0), "第一句。第二句。");
	CHECK_STR("pieces of one byte", split("“有事就找网格员。”如今,这句话。He left. She stayed.", 2000, 0, 1),
	          "“有事就找网格员。”|如今,这句话。|He left.|She stayed.");

	/* --max-chars: cut at the last space or punctuation before the limit. */
	CHECK_STR("cut at comma", split("一二三,四五六七八九", 5, 0, 0), "一二三,|四五六七八|九");
	CHECK_STR("cut at space", split("abc defgh", 6, 0, 0), "abc|defgh");
	CHECK_STR("cut without any break", split("一二三四五六七", 3, 0, 0), "一二三|四五六|七");
	CHECK_STR("never inside a grapheme", split("ab\xCC\x81" "c\xCC\x81" "d", 2, 0, 0),
	          "a|b\xCC\x81|c\xCC\x81|d");
	CHECK_STR("closing quote past the limit", split("中中中。”后", 4, 0, 0), "中中中。|”后");
	CHECK_STR("ellipsis counts three under NFKC", split("一二……三", 4, 0, 0), "一二|…|…三");
	CHECK_STR("compatibility character counts as its expansion", split("㍻㍻㍻", 4, 0, 0), "㍻㍻|㍻");
	CHECK_STR("cut in pieces of one byte", split("一二三,四五六七八九", 5, 0, 1), "一二三,|四五六七八|九");

	with_offsets = 1;
	CHECK_STR("offsets", split("  甲。乙。", 2000, 0, 0), "甲。[2,8)|乙。[8,14)");
	CHECK_STR("offsets by pieces", split("甲。 乙。", 2000, 0, 2), "甲。[0,6)|乙。[7,13)");
	with_offsets = 0;
	buf_free(&got);
	return check_done();
}
