/* Unit tests of charset detection, decoding input (in_set_encoding) across block
 * boundaries, document ids from file names, and the table's column and CSV checks. */
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <unistd.h>
#include "buf.h"
#include "charset.h"
#include "check.h"
#include "cli.h"
#include "input.h"
#include "table.h"
#include "utf8.h"

static char path[] = "/tmp/test_encoding.XXXXXX";

static void put_file(const char *p, size_t n)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	if (fd < 0 || write(fd, p, n) != (ssize_t)n)
		abort();
	close(fd);
}

static void to_charset(const char *to, const struct buf *in, struct buf *out)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	buf_clear(out);
	buf_reserve(out, in->n * 4 + 16);
	char *ip = in->p, *op = out->p;
	size_t il = in->n, ol = out->cap;
	if (cd == (iconv_t)-1 || iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		abort();
	out->n = (size_t)(op - out->p);
	iconv_close(cd);
}

/* The whole input read through in_getline, lines joined with '\n'. */
static void read_all(const char *enc, struct buf *got, unsigned long long *nbad)
{
	struct input in;
	buf_clear(got);
	if (in_open(&in, path) != 0 || in_set_encoding(&in, enc) != 0)
		abort();
	char *l;
	ssize_t n;
	while ((n = in_getline(&in, &l, NULL)) >= 0) {
		buf_add(got, l, (size_t)n);
		buf_addc(got, '\n');
	}
	*nbad = in.nbad;
	in.nbad = 0;   /* counted here; in_close would report it */
	in_close(&in);
}

int main(void)
{
	check_suite = "encoding";
	cli_init("test_encoding");
	close(mkstemp(path));

	CHECK_STR("utf-8 text is utf-8", charset_detect("国家统计局今天发布数据", strlen("国家统计局今天发布数据")), "UTF-8");
	CHECK_STR("a cut last character is still utf-8", charset_detect("国家\xE7\xBB", 8), "UTF-8");
	CHECK_STR("ascii is utf-8", charset_detect("plain", 5), "UTF-8");
	CHECK_STR("utf-8 with a stray byte stays utf-8", charset_detect("x\xFF\t1\n共有3个人\n", 17), "UTF-8");
	CHECK_STR("a few bad bytes in ascii stay utf-8", charset_detect("k\tv\nx\xF0\x80\x80\x80\t1\n", 13), "UTF-8");
	CHECK_STR("utf-16 by its mark", charset_detect("\xFF\xFEx\0", 4), "UTF-16");
	CHECK_STR("gbk, even short", charset_detect("\xB9\xB2\xD3\xD0" "3" "\xB8\xF6\xC8\xCB", 9), "GB18030");
	CHECK("auto and utf-8 spellings", charset_is_auto(NULL) && charset_is_auto("AUTO") && !charset_is_auto("") &&
	      charset_is_utf8("utf8") && !charset_is_utf8("GBK"));

	/* A long GBK text: many blocks, characters cut at every kind of boundary. */
	struct buf text = BUF_INIT, gbk = BUF_INIT, got = BUF_INIT;
	for (int i = 0; i < 40000; i++)
		buf_addf(&text, "第%d行：国家统计局发布数据，粮食总产量达到13657亿斤。\n", i);
	to_charset("GBK", &text, &gbk);
	put_file(gbk.p, gbk.n);
	unsigned long long bad = 0;
	read_all("auto", &got, &bad);
	CHECK("gbk of many blocks decodes to the utf-8 text", got.n == text.n && memcmp(got.p, text.p, text.n) == 0 && !bad);
	read_all("GBK", &got, &bad);
	CHECK("the same with --encoding=GBK", got.n == text.n && memcmp(got.p, text.p, text.n) == 0 && !bad);
	put_file(text.p, text.n);
	read_all("auto", &got, &bad);
	CHECK("utf-8 stays as it is", got.n == text.n && memcmp(got.p, text.p, text.n) == 0 && !bad);
	/* an invalid byte in GBK: one U+FFFD, counted */
	buf_clear(&text);
	buf_adds(&text, "粮食总产量");
	to_charset("GBK", &text, &gbk);
	buf_addc(&gbk, '\xFF');
	buf_add(&gbk, gbk.p, 4);
	buf_addc(&gbk, '\n');
	put_file(gbk.p, gbk.n);
	read_all("GB18030", &got, &bad);
	CHECK_STR("an invalid GB18030 byte becomes U+FFFD", got.p, "粮食总产量\xEF\xBF\xBD粮食\n");
	CHECK("and is counted", bad == 1);

	/* in_getpiece: lines longer than max in pieces, line numbers counting lines */
	put_file("abcdefghij\nxy\nabcd\nlast", 23);
	struct input in;
	if (in_open(&in, path) != 0)
		abort();
	struct buf seen = BUF_INIT;
	char *pc;
	ssize_t pn;
	int done;
	while ((pn = in_getpiece(&in, &pc, 4, &done)) >= 0)
		buf_addf(&seen, "%llu:%.*s%s ", in.line, (int)pn, pc, done ? "." : "");
	in_close(&in);
	CHECK_STR("pieces of at most 4 bytes (a full one is not known to end its line)", seen.p, "1:abcd 1:efgh 1:ij. 2:xy. 3:abcd 3:. 4:last ");
	buf_free(&seen);

	struct buf id = BUF_INIT;
	CHECK_STR("a utf-8 name is its id", u8_name_id("新闻/a.txt", &id), "新闻/a.txt");
	CHECK_STR("invalid bytes as \\xHH", u8_name_id("a\xFF\xE4\xB8.txt", &id), "a\\xFF\\xE4\\xB8.txt");
	CHECK_STR("a literal \\x is escaped", u8_name_id("a\\xFF.txt", &id), "a\\x5CxFF.txt");
	CHECK_STR("other backslashes are kept", u8_name_id("a\\b", &id), "a\\b");

	put_file("text,id,text\n1,2,3\n", 19);
	struct table *t = tbl_open(path, TBL_CSV, 1);
	CHECK("a column named twice is refused", tbl_find(t, "text", "--text") == -1);
	CHECK("by number it is fine", tbl_find(t, "3", "--text") == 2 && tbl_find(t, "id", "--id") == 1);
	tbl_close(t);
	put_file("a,b\n1,\"x\n2,y\n", 13);
	t = tbl_open(path, TBL_CSV, 1);
	struct row *r;
	CHECK("an unterminated quote swallows nothing silently", tbl_next(t, &r) == 0 && tbl_bad(t) == 1);
	tbl_close(t);
	put_file("a,b\n1,x\"y\n2,y\n", 14);
	t = tbl_open(path, TBL_CSV, 1);
	int first = tbl_next(t, &r);
	CHECK("a stray quote skips its record only", first == 1 && r->line == 3 && r->f[0].p[0] == '2' && tbl_bad(t) == 1);
	tbl_close(t);

	buf_free(&text);
	buf_free(&gbk);
	buf_free(&got);
	buf_free(&id);
	unlink(path);
	return check_done();
}
