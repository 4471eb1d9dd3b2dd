/* The document's memory: a name taught by context is found alone in the segments after
 * it, for as long as the text keeps using it, and the memory stays bounded when one
 * document never ends (--lines input). */
#include "check.h"
#include "docmem.h"
#include "helper.h"

static void filler(const char *doc, int segments)
{
	for (int i = 0; i < segments; i++)
		tag_in(doc, "今天天气很好。");
}

int main(void)
{
	check_suite = "tag-entities/docmem";
	helper_init(1);

	tag_in("a", "书记蔚鑫说：");
	CHECK_STR("a taught name, alone in the next segment", tag_in("a", "蔚鑫来了。"), "PER:蔚鑫");
	filler("a", DOCMEM_SEGMENTS / 2);
	CHECK_STR("still known half a generation later", tag_in("a", "蔚鑫来了。"), "PER:蔚鑫");
	for (int round = 0; round < 6; round++) {
		filler("a", DOCMEM_SEGMENTS - 1);
		tag_in("a", "蔚鑫来了。");
	}
	CHECK_STR("a name the text keeps using stays", tag_in("a", "蔚鑫来了。"), "PER:蔚鑫");
	filler("a", 2 * DOCMEM_SEGMENTS + 1);
	CHECK_STR("forgotten two generations after its last use", tag_in("a", "蔚鑫来了。"), "");
	tag_in("b", "书记蔚鑫说：");
	CHECK_STR("another document starts afresh", tag("蔚鑫来了。"), "");

	/* 20,000 segments of one document, each teaching sixteen new names */
	static const char sur[] = "王李张刘陈杨赵黄周吴";
	static const char given[] = "文武明华国建军平志红玉兰英芳秀云海波涛静";
	size_t ns = (sizeof sur - 1) / 3, ng = (sizeof given - 1) / 3, most = 0, n = 0;
	char text[1024];
	for (long i = 0; i < 20000; i++) {
		size_t len = 0;
		for (int k = 0; k < 16; k++, n++) {
			size_t a = n % ng, b = n / ng % ng, c = n / ng / ng % ns;
			len += (size_t)snprintf(text + len, sizeof text - len, "书记%.3s%.3s%.3s说，",
			                        sur + 3 * c, given + 3 * a, given + 3 * b);
		}
		tag_in("lines", text);
		if (docmem_size() > most)
			most = docmem_size();
	}
	printf("# 20,000 segments teaching 16 names each: at most %zu words remembered\n", most);
	CHECK("memory bounded in one endless document", most <= 2 * DOCMEM_WORDS);
	CHECK("and it did remember", most > 0);

	entities_fini();
	return check_done();
}
