/* rows: the stream a stage wrote, read back from a memfd and checked line by line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "feed.h"
#include "out.h"
#include "rows.h"
#include "table.h"
#include "utf8.h"

static int memfd = -1;
static const char *cur_line;
static size_t cur_len;

/* Fail, showing the row at fault (up to 300 bytes, as written). */
static _Noreturn void bad(const char *what)
{
	dprintf(2, "row: %.*s\n", cur_len > 300 ? 300 : (int)cur_len, cur_line);
	feed_fail(what);
}

void rows_capture(void)
{
	if (memfd < 0) {
		memfd = memfd_create("fuzz-rows", 0);
		if (memfd < 0)
			feed_fail("memfd_create");
		out_set_fd(memfd);
	}
	out_flush();
	if (ftruncate(memfd, 0) != 0 || lseek(memfd, 0, SEEK_SET) != 0)
		feed_fail("cannot empty the capture file");
}

static unsigned long long number(const char *p, size_t n, const char *what)
{
	unsigned long long v = 0;
	if (n == 0 || n > 19)
		bad(what);
	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			bad(what);
		v = v * 10 + (unsigned long long)(p[i] - '0');
	}
	return v;
}

static void check_line(char *p, size_t n, size_t src_len, size_t max_cp)
{
	char *f[10];
	size_t len[10], nf = 0;
	char *end = p + n;
	for (;;) {
		char *tab = memchr(p, '\t', (size_t)(end - p));
		if (nf == 10)
			bad("a row with more than ten fields");
		f[nf] = p;
		len[nf] = (size_t)((tab ? tab : end) - p);
		nf++;
		if (!tab)
			break;
		p = tab + 1;
	}
	if (nf != 10)
		bad("a row with fewer than ten fields");
	for (size_t i = 0; i < 10; i++) {
		int badesc = 0;
		if (memchr(f[i], '\r', len[i]))
			bad("a raw CR in a field");
		len[i] = tsv_unescape(f[i], len[i], &badesc);
		if (badesc)
			bad("a field written with a bad escape");
		if (u8_valid_prefix(f[i], len[i]) != len[i])
			bad("a field that is not valid UTF-8");
	}
	if (len[2] == 3 && memcmp(f[2], "seg", 3) == 0) {
		unsigned long long s = number(f[4], len[4], "seg start is not a number");
		unsigned long long e = number(f[5], len[5], "seg end is not a number");
		if (s > e || e > src_len)
			bad("seg row byte offsets outside the source");
		if (len[6] == 0)
			bad("an empty segment");
		if (u8_count(f[6], len[6]) > max_cp) {
			dprintf(2, "limit %zu, segment of %zu code points\n", max_cp, u8_count(f[6], len[6]));
			bad("a segment longer than the code point limit");
		}
	}
}

size_t rows_check(size_t src_len, size_t max_cp)
{
	out_flush();
	off_t size = lseek(memfd, 0, SEEK_END);
	if (size <= 0)
		return 0;
	char *m = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_PRIVATE, memfd, 0);
	if (m == MAP_FAILED)
		feed_fail("mmap of the capture file");
	if (m[size - 1] != '\n')
		feed_fail("output does not end with a newline");
	size_t rows = 0;
	for (char *p = m, *end = m + size; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		cur_line = p;
		cur_len = (size_t)(nl - p);
		check_line(p, (size_t)(nl - p), src_len, max_cp);
		rows++;
		p = nl + 1;
	}
	munmap(m, (size_t)size);
	return rows;
}
