/* Numeral parsing: Chinese, Arabic, mixed, vague and ranges, on the real character table. */
#include <stdlib.h>
#include "check.h"
#include "zh_numeral.h"

extern const char data_numerals_tsv[];
extern const unsigned long data_numerals_tsv_len;

static struct numtab T;
static struct numparser P;

/* Parse text from its start; the numeral must cover want_len bytes and have value want. */
static void expect(const char *text, const char *want, const char *covered)
{
	struct numeral x;
	numeral_init(&x);
	char name[256];
	snprintf(name, sizeof name, "numeral %s", text);
	if (!numeral_parse(&P, text, strlen(text), 0, &x)) {
		CHECK(name, want == NULL);
		return;
	}
	struct buf b = BUF_INIT;
	dec_format(&x.v, &b);
	if (!want || strcmp(b.p, want) != 0 || x.end != strlen(covered)) {
		printf("# %s: got %s over %zu bytes\n", text, b.p, x.end);
		CHECK(name, 0);
	} else {
		CHECK(name, 1);
	}
	buf_free(&b);
	numeral_free(&x);
}

static unsigned flags_of(const char *text)
{
	struct numeral x;
	numeral_init(&x);
	unsigned f = numeral_parse(&P, text, strlen(text), 0, &x) ? x.flags : 0;
	numeral_free(&x);
	return f;
}

static void plain_numerals(void)
{
	expect("十五", "15", "十五");
	expect("一百零五个", "105", "一百零五");
	expect("三万五千", "35000", "三万五千");
	expect("两千零二十", "2020", "两千零二十");
	expect("一千零一", "1001", "一千零一");
	expect("一百零一万一千", "1011000", "一百零一万一千");
	expect("五亿零六", "500000006", "五亿零六");
	expect("七十八万五佰零六", "780506", "七十八万五佰零六");
	expect("四百五", "450", "四百五");
	expect("一万三", "13000", "一万三");
	expect("百三", "130", "百三");
	expect("四万万", "400000000", "四万万");
	expect("四千万亿", "4000000000000000", "四千万亿");
	expect("一万五千亿", "1500000000000", "一万五千亿");
	expect("五十五兆一十二亿四万五千二", "55001200045200", "五十五兆一十二亿四万五千二");
	expect("肆佰陸拾", "460", "肆佰陸拾");
	expect("倆千两百贰拾二", "2222", "倆千两百贰拾二");
	expect("一百零十万", "1100000", "一百零十万");
	expect("二〇一九年", "2019", "二〇一九");
	expect("负三十二", "-32", "负三十二");
	expect("零点五", "0.5", "零点五");
	expect("十五点七", "15.7", "十五点七");
	expect("两千三点一", "2300.1", "两千三点一");
	expect("两千万点五五四四", "20000000.5544", "两千万点五五四四");
	expect("一点五亿元", "150000000", "一点五亿");
	expect("一千零", "1000", "一千");
	expect("三点钟", "3", "三");
}

static void arabic_and_mixed(void)
{
	expect("1,234.5元", "1234.5", "1,234.5");
	expect("１２３４个", "1234", "１２３４");
	expect("14720.7万元", "147207000", "14720.7万");
	expect("2.3亿元", "230000000", "2.3亿");
	expect("1.5万余人", "15000", "1.5万");
	expect("5万4千6百", "54600", "5万4千6百");
	expect("4.78万亿", "4780000000000", "4.78万亿");
	expect("10万万", "1000000000", "10万万");
	expect("1,2", "1", "1");
	/* no binary floating point: 0.1 steps stay exact */
	expect("0.3万", "3000", "0.3万");
	unsigned f = flags_of("0471-5103964");
	CHECK("leading zero marks a code", f & NUM_LEADZERO);
	CHECK("1.2.3 is dotted", flags_of("1.2.3") & NUM_DOTTED);
	CHECK("long digit run", flags_of("15120180001") & NUM_LONG);
}

static void vague_and_ranges(void)
{
	expect("十几万", "100000", "十几万");
	CHECK("十几万 is over", flags_of("十几万") & NUM_OVER);
	expect("二百余万", "2000000", "二百余万");
	expect("500多亿", "50000000000", "500多亿");
	expect("几十个", "10", "几十");
	expect("一百零几万", "1000000", "一百零几万");
	expect("七八年", "7", "七八");
	CHECK("七八 is a range", flags_of("七八年") & NUM_RANGE);
	expect("一两个", "1", "一两");
	expect("两三个", "2", "两三");
	expect("三四十个", "30", "三四十");
	expect("十七八岁", "17", "十七八");
	expect("三两", "3", "三");
	expect("300余户", "300", "300");
	expect("120多起", "120", "120");
}

static void false_friends(void)
{
	expect("拾起", NULL, "");
	expect("陆地", NULL, "");
	expect("伍仁", NULL, "");
	expect("几个", NULL, "");
	expect("万", "10000", "万");
	CHECK("一 alone is an article candidate", flags_of("一名") & NUM_ARTICLE);
	CHECK("一百 is not", !(flags_of("一百名") & NUM_ARTICLE));
}

static void huge(void)
{
	/* 500 digits, Arabic and Chinese: exact, nothing rounded */
	char a[501], z[1501];
	static const char *d[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	size_t zn = 0;
	for (int i = 0; i < 500; i++) {
		a[i] = (char)('1' + i % 9);
		memcpy(z + zn, d[1 + i % 9], 3);
		zn += 3;
	}
	a[500] = '\0';
	z[zn] = '\0';
	expect(a, a, a);
	expect(z, a, z);
	/* a 500-digit Arabic number times 亿 keeps every digit */
	struct buf w = BUF_INIT, want = BUF_INIT;
	buf_adds(&w, a);
	buf_adds(&w, "亿");
	buf_adds(&want, a);
	buf_adds(&want, "00000000");
	expect(w.p, want.p, w.p);
	buf_free(&w);
	buf_free(&want);
}

/* Spoken forms: one digit after a multiplier is the next place down (8千3), stacked big
 * units multiply (万亿亿), 三五 is "three to five", a leading 零 before 十 is ten. */
static void spoken(void)
{
	expect("8千3人", "8300", "8千3");
	expect("2萬8", "28000", "2萬8");
	expect("6百5", "650", "6百5");
	expect("3万4000", "34000", "3万4000");
	expect("3万5千", "35000", "3万5千");
	expect("一万亿亿", "100000000000000000000", "一万亿亿");
	expect("两万亿", "2000000000000", "两万亿");
	expect("三五百", "300", "三五百");
	expect("三五个", "3", "三五");
	CHECK("三五 is a range", (flags_of("三五百") & NUM_RANGE) != 0);
	CHECK("十三五 is no range", (flags_of("十三五") & NUM_RANGE) == 0);
	expect("零十", "10", "零十");
	expect("五百卅四", "534", "五百卅四");
	expect("四千230", "4230", "四千230");
	expect("零五", "5", "零五");
	/* the digit after 百 or 千 is the next place down before 万 as well as at the end */
	expect("百二萬", "1200000", "百二萬");
	expect("一百二万元", "1200000", "一百二万");
	expect("三千五万", "35000000", "三千五万");
	expect("一百零二万", "1020000", "一百零二万");
	expect("两千三百万", "23000000", "两千三百万");
	/* Arabic decimals after a Chinese whole part */
	expect("一百点123", "100.123", "一百点123");
	expect("零點77", "0.77", "零點77");
	expect("一点1.2", "1", "一");
	/* 幺 is 一 only in digits read one by one */
	expect("幺八九", "189", "幺八九");
	expect("三幺四", "314", "三幺四");
	expect("幺二", "12", "幺二");
	CHECK("幺二 is no range", (flags_of("幺二") & NUM_RANGE) == 0);
	expect("一点幺", "1.1", "一点幺");
	expect("幺妹", NULL, "");
	expect("幺百", NULL, "");
	/* a leading 零 before a digit and its 十 joins (一小时零三十分钟) */
	expect("零三十", "30", "零三十");
	expect("零三", "3", "零三");
	expect("〇三五", "35", "〇三五");
}

int main(void)
{
	check_suite = "extract-numbers/numeral";
	numtab_load(&T, data_numerals_tsv, data_numerals_tsv_len, "numerals.tsv");
	numparser_init(&P, &T);
	plain_numerals();
	arabic_and_mixed();
	vague_and_ranges();
	false_friends();
	spoken();
	huge();
	numparser_free(&P);
	numtab_free(&T);
	return check_done();
}
