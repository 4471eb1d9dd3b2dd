/* Unit tests of the reader: line ends, BOM, invalid bytes, charset conversion and the
 * source offsets of every line, on inputs small enough to check by eye. */
#include <stdlib.h>
#include "check.h"
#include "cli.h"
#include "reader.h"

static struct buf got = BUF_INIT;

/* All lines of p[0..n) as "text[start,end)" joined by '|'; long lines as their pieces
 * joined by '+'. */
static const char *lines(const char *p, size_t n, size_t hold)
{
	struct reader r = { 0 };
	r.o.hold = hold;
	rd_open_mem(&r, "t", p, n);
	struct line ln = { 0 };
	buf_clear(&got);
	int rc;
	while ((rc = rd_line(&r, &ln)) > 0) {
		if (got.n)
			buf_addc(&got, '|');
		for (;;) {
			buf_add(&got, ln.t.p, ln.t.n);
			buf_addf(&got, "[%llu,%llu)", tm_start(&ln.m, 0), tm_end(&ln.m, ln.t.n));
			if (ln.complete)
				break;
			buf_addc(&got, '+');
			if (rd_more(&r, &ln) < 0)
				break;
		}
	}
	if (rc < 0)
		buf_adds(&got, "|ERROR");
	line_free(&ln);
	rd_close(&r);
	return got.p ? got.p : "";
}

#define LINES(name, lit, want) CHECK_STR(name, lines(lit, sizeof lit - 1, 1024), want)

int main(void)
{
	check_suite = "segment/reader";
	cli_init("segment");
	LINES("LF", "ab\ncd\n", "ab[0,2)|cd[3,5)");
	LINES("CRLF", "ab\r\ncd\r\n", "ab[0,2)|cd[4,6)");
	LINES("lone CR", "ab\rcd", "ab[0,2)|cd[3,5)");
	LINES("blank lines kept", "a\n\n\nb", "a[0,1)|[2,2)|[3,3)|b[4,5)");
	LINES("no final newline", "甲\n乙", "甲[0,3)|乙[4,7)");
	LINES("BOM skipped", "\xEF\xBB\xBF甲\n", "甲[3,6)");
	LINES("invalid byte", "a\xFF" "b\n", "a\xEF\xBF\xBD" "b[0,3)");
	LINES("cut sequence at end", "a\xE4\xB8", "a\xEF\xBF\xBD[0,3)");
	CHECK_STR("long line in pieces", lines("abcdefgh\nij", 11, 3), "abc[0,3)+def[3,6)+gh[6,8)|ij[9,11)");
	CHECK_STR("pieces end on characters", lines("甲乙\n", 7, 4), "甲[0,3)+乙[3,6)");

	/* The offset inside a line after a replacement follows the source. */
	struct reader r = { 0 };
	r.o.hold = 1024;
	rd_open_mem(&r, "t", "a\xFF" "bc", 4);
	struct line ln = { 0 };
	rd_line(&r, &ln);
	CHECK("after U+FFFD", tm_start(&ln.m, 4) == 2 && tm_end(&ln.m, 4) == 2 && tm_end(&ln.m, 6) == 4);
	CHECK("replacement counted", r.nbad == 1 && r.first_bad == 1);
	line_free(&ln);
	rd_close(&r);

	/* GBK: 中 is D6 D0, 文 is CE C4. */
	struct reader_opts o = { "GBK", 0, 1024 };
	rd_setup(&o);
	struct reader g = { 0 };
	g.o = o;
	rd_open_mem(&g, "g", "a\xD6\xD0\xCE\xC4\r\nb", 8);
	struct line gl = { 0 };
	rd_line(&g, &gl);
	CHECK_MEM("GBK text", gl.t.p, gl.t.n, "a中文", 7);
	CHECK("GBK offsets", tm_start(&gl.m, 1) == 1 && tm_end(&gl.m, 4) == 3 && tm_start(&gl.m, 4) == 3 &&
	      tm_end(&gl.m, 7) == 5);
	rd_line(&g, &gl);
	CHECK("GBK second line", gl.t.n == 1 && tm_start(&gl.m, 0) == 7);
	line_free(&gl);
	rd_close(&g);
	/* The last character of a converted file ends where its bytes end. */
	rd_open_mem(&g, "g", "a\xD6\xD0", 3);
	rd_line(&g, &gl);
	CHECK("GBK end at EOF", gl.t.n == 4 && tm_end(&gl.m, 4) == 3);
	line_free(&gl);
	rd_close(&g);
	buf_free(&got);
	return check_done();
}
