/* User dictionaries: read forgivingly but never silently; longest match first; they win
 * over the built-ins; the automaton loads a million entries fast. */
#include <time.h>
#include "check.h"
#include "helper.h"
#include "lex.h"
#include "udict.h"

static void test_lex(void)
{
	struct lex *x = lex_new(1);
	int32_t a[] = { 0x5317, 0x4EAC }, b[] = { 0x5317, 0x4EAC, 0x5E02 }, z[] = { 0x1F600, 'x' };
	lex_put(x, a, 2)->flags = W_LOC;
	lex_put(x, b, 3)->flags = W_ORG;
	lex_put(x, z, 2)->flags = W_PER;
	CHECK("lex: exact lookups", lex_get(x, a, 2)->flags == W_LOC && lex_get(x, b, 3)->flags == W_ORG);
	CHECK("lex: a prefix without payload", lex_get(x, a, 1) == NULL);
	CHECK("lex: beyond the BMP", lex_get(x, z, 2) && lex_get(x, z, 2)->flags == W_PER);
	CHECK("lex: missing", lex_get(x, b + 1, 2) == NULL);
	uint32_t off = lex_intern(x, "Beijing", 7);
	CHECK_STR("lex: strings", lex_string(x, off), "Beijing");
	CHECK("lex: size", lex_size(x) == 3);
	lex_free(x);
}

static void test_million(void)
{
	struct lex *x = lex_new(1);
	int32_t key[6];
	clock_t t0 = clock();
	for (long i = 0; i < 1000000; i++) {
		long v = i * 7919 % 1000003;
		for (int k = 0; k < 6; k++, v /= 31)
			key[k] = 0x4E00 + (int32_t)(v % 31) * 97 + k;
		lex_put(x, key, 6)->flags |= W_ORG;
	}
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("# lexicon: 1,000,000 six-character entries: %.2f s, %zu distinct\n", secs, lex_size(x));
	CHECK("lex: a million entries load in under two seconds", secs < 2.0);
	lex_free(x);
}

/* A million user entries, then the longest one at each position of a text. */
static void test_udict_million(void)
{
	static const char set[] = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河海风云";
	size_t nset = (sizeof set - 1) / 3;
	char key[64];
	clock_t t0 = clock();
	for (long i = 0; i < 1000000; i++) {
		size_t n = 0;
		for (long v = i, k = 0; k < 4; k++, v /= (long)nset)
			n += (size_t)snprintf(key + n, sizeof key - n, "%.3s", set + 3 * (size_t)(v % (long)nset));
		n += (size_t)snprintf(key + n, sizeof key - n, "公司");
		udict_add(key, n, T_ORG, key, n);
	}
	udict_add("甲乙", strlen("甲乙"), T_LOC, "", 0);
	udict_add("甲乙", strlen("甲乙"), T_PER, "later", 5);   /* the later one wins */
	struct ctx c = { 0 };
	const char *text = "在甲乙丙丁公司和甲乙里";
	ctx_load(&c, text, strlen(text));
	ctx_scan(&c, res_lex());
	uint32_t idx = 0;
	size_t len = udict_longest(&c, 1, &idx);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("# udict: 1,000,000 entries added, sorted and searched: %.2f s\n", secs);
	CHECK("udict: a million entries load fast (no list scan)", secs < 2.0);
	CHECK("udict: the longest entry", len == 6 && udict_type(idx) == T_ORG &&
	      strcmp(udict_value(idx), "甲乙丙丁公司") == 0);
	len = udict_longest(&c, 8, &idx);
	CHECK("udict: a short entry, the later of two", len == 2 && udict_type(idx) == T_PER &&
	      strcmp(udict_value(idx), "later") == 0);
	CHECK("udict: nothing at a character no entry starts with", udict_longest(&c, 0, &idx) == 0);
	CHECK("udict: a prefix of entries that is none itself", udict_longest(&c, 3, &idx) == 0);
	ctx_free(&c);
	udict_free();
}

int main(void)
{
	check_suite = "tag-entities/dict";
	test_lex();
	test_million();
	helper_init(1);
	test_udict_million();
	const char *text =
		"\xEF\xBB\xBF# my places\r\n"
		"\r\n"
		"西岸国际\tLOC\r\n"
		"小小书桥\tORG\tbookbridge\n"
		"New York Times\tORG\n"
		"broken line without tab\n"
		"x\tNOPE\n"
		"\tLOC\n"
		"a\tLOC\tv\textra\n"
		"玉泉\tLOC\tYuquan\n"
		"玉泉区社会\tORG\n";
	long n = res_load_dict_text("mine.tsv", text, strlen(text));
	CHECK("dict: good lines load, bad lines are skipped", n == 5);
	CHECK("dict: bad lines make the status 1", cli_status() == 1);
	CHECK_TAG("dict: entries with values and spaces", "西菜园云中路西岸国际居民的小小书桥和New York Times",
	          "LOC:西岸国际 ORG:小小书桥=bookbridge ORG:New York Times");
	CHECK_TAG("dict: longest user entry wins over built-ins",
	          "玉泉区社会组织", "ORG:玉泉区社会");
	CHECK_TAG("dict: a value for a short entry", "玉泉民警", "LOC:玉泉=Yuquan");
	entities_fini();
	return check_done();
}
