/* aggregate's slab reader against inputs written here: every row comes out once, in order,
 * with the same fields, whatever the slab size (16 bytes to 1 MB, so lines are cut by slab
 * ends and longer than slabs), with or without the reader thread; bad lines are repaired
 * or skipped as table.h does. */
#include <stdlib.h>
#include <unistd.h>
#include "check.h"
#include "bag.h"
#include "cli.h"
#include "scan.h"

static char path[] = "/tmp/test_scan.XXXXXX";

static void write_input(const char *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	fwrite(p, 1, n, f);
	fclose(f);
}

/* All rows as "line:f1|f2|...;" and the hash check. */
static void read_all(size_t slab, int threads, struct buf *out, int *hash_ok)
{
	struct scan *s = scan_open(path, slab, threads, "k");
	struct row *r;
	size_t n;
	*hash_ok = 1;
	buf_clear(out);
	const struct row *h = scan_header(s);
	buf_addf(out, "H%zu;", h ? h->nf : 0);
	while ((n = scan_batch(s, &r)) > 0) {
		const uint64_t *hs = scan_hashes(s);
		for (size_t i = 0; i < n; i++) {
			buf_addf(out, "%llu:", r[i].line);
			for (size_t j = 0; j < r[i].nf; j++) {
				buf_add(out, r[i].f[j].p, r[i].f[j].n);
				buf_addc(out, j + 1 < r[i].nf ? '|' : ';');
			}
			if (!hs || hs[i] != hash_bytes(r[i].f[0].p, r[i].f[0].n))
				*hash_ok = 0;
		}
	}
	scan_close(s);
}

static void same_everywhere(const char *name, const char *in, size_t inlen, const char *want)
{
	static const size_t slabs[] = { 16, 17, 64, 1000, 1 << 20 };
	struct buf got = BUF_INIT;
	write_input(in, inlen);
	int ok = 1, hash_ok = 1, h;
	for (size_t i = 0; i < sizeof slabs / sizeof slabs[0]; i++) {
		for (int t = 0; t < 2; t++) {
			read_all(slabs[i], t, &got, &h);
			hash_ok &= h;
			if (strcmp(got.p, want) != 0) {
				if (ok)
					printf("# %s, slab %zu, threads %d: got %s\n", name, slabs[i], t, got.p);
				ok = 0;
			}
		}
	}
	CHECK(name, ok && hash_ok);
	buf_free(&got);
}

int main(void)
{
	check_suite = "aggregate/scan";
	cli_init("test_scan");
	int fd = mkstemp(path);
	close(fd);
	/* messages of bad lines go to stderr; keep the test's output to ok/FAIL lines */
	if (!freopen("/dev/null", "w", stderr))
		return 1;

	const char plain[] = "k\tv\nx\t1\nyy\t22\nzzz\t333\n";
	same_everywhere("plain rows", plain, sizeof plain - 1, "H2;2:x|1;3:yy|22;4:zzz|333;");
	const char nonl[] = "k\tv\nx\t1\nlast\tno newline";
	same_everywhere("last line without newline", nonl, sizeof nonl - 1, "H2;2:x|1;3:last|no newline;");
	const char crlf[] = "\xEF\xBB\xBFk\tv\r\n\xE5\x8C\x97\xE4\xBA\xAC\t1\r\n";
	same_everywhere("BOM and CRLF", crlf, sizeof crlf - 1, "H2;2:\xE5\x8C\x97\xE4\xBA\xAC|1;");
	const char width[] = "k\tv\na\t1\nb\t2\t3\nc\nd\t4\n";
	same_everywhere("rows of the wrong width skipped", width, sizeof width - 1, "H2;2:a|1;5:d|4;");
	const char esc[] = "k\tv\na\\tb\t1\\\\2\nc\\q\t3\n";
	same_everywhere("escapes undone, a bad one kept", esc, sizeof esc - 1, "H2;2:a\tb|1\\2;3:c\\q|3;");
	const char bad[] = "k\tv\n"
	                   "a\x80\t1\n"                  /* stray continuation byte */
	                   "\xC0\xAF\t2\n"               /* overlong */
	                   "\xED\xA0\x80\t3\n"           /* surrogate */
	                   "\xF4\x90\x80\x80\t4\n"       /* above U+10FFFF */
	                   "ok\t5\n"
	                   "\xE5\x8C\t6";                /* cut at the end of input */
	same_everywhere("each class of invalid UTF-8 replaced", bad, sizeof bad - 1,
	                "H2;2:a\xEF\xBF\xBD|1;3:\xEF\xBF\xBD\xEF\xBF\xBD|2;4:\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|3;"
	                "5:\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|4;6:ok|5;7:\xEF\xBF\xBD|6;");
	const char nul[] = "k\tv\na\0b\t1\n";
	same_everywhere("a NUL byte inside a field", nul, sizeof nul - 1, "H2;2:a\0b|1;");
	same_everywhere("empty input", "", 0, "H0;");
	same_everywhere("header only", "k\tv\n", 4, "H2;");

	/* a line of 3 MB between short ones, and 5000 rows across many slabs */
	struct buf big = BUF_INIT, want = BUF_INIT;
	buf_adds(&big, "k\tv\na\t");
	buf_adds(&want, "H2;2:a|");
	for (int i = 0; i < 3000000; i++)
		buf_addc(&big, (char)('a' + i % 26));
	buf_add(&want, big.p + 6, 3000000);
	buf_adds(&big, "\n");
	buf_adds(&want, ";");
	for (int i = 0; i < 5000; i++) {
		buf_addf(&big, "k%d\t%d\n", i, i * 7);
		buf_addf(&want, "%d:k%d|%d;", i + 3, i, i * 7);
	}
	same_everywhere("a 3 MB line and 5000 rows", big.p, big.n, want.p);
	buf_free(&big);
	buf_free(&want);
	unlink(path);
	return check_done();
}
