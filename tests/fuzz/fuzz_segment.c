/* Fuzz segment (filters/segment): the reader (BOM, CR/CRLF, invalid bytes, long lines in
 * fragments), layout repair, sentence splitting and the --max-chars cut, on any bytes.
 * Input layout: byte 0 = options (bits 0-1 form none/nfc/nfkc/nfkc, bit 2 --strict, bit 3
 * read from memory as a table cell instead of from a file, bits 4-7 hold size 64 << k),
 * byte 1 = read size - 1; the rest is the document. Every row written is checked
 * (rows.h). --max-chars is 64 throughout: segment fixes it for the whole run at its first
 * document, as the program has one value for all of them. */
#include "../../filters/segment/document.h"
#include "../../filters/segment/reader.h"
#include "../../filters/segment/sentences.h"
#include "feed.h"
#include "rows.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern const char data_abbrev_txt[];
extern const unsigned long data_abbrev_txt_len;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		feed_quiet("segment");
		struct reader_opts ro = { 0 };
		rd_setup(&ro);
		spl_set_abbrevs(data_abbrev_txt, data_abbrev_txt_len);
		ready = 1;
	}
	if (size < 2)
		return 0;
	static const enum u8_form forms[4] = { U8_NONE, U8_NFC, U8_NFKC, U8_NFKC };
	struct doc_opts o = { 64, forms[data[0] & 3] };
	struct reader r = { 0 };
	r.o.strict = (data[0] >> 2) & 1;
	r.o.hold = (size_t)64 << (data[0] >> 4);
	int mem = (data[0] >> 3) & 1;
	size_t chunk = (size_t)data[1] + 1;
	data += 2;
	size -= 2;
	rows_capture();
	if (mem) {
		rd_open_mem(&r, "cell", (const char *)data, size);
	} else {
		feed_stdin(data, size, chunk);
		if (rd_open_file(&r, "-", "-") != 0)
			feed_fail("rd_open_file(\"-\") failed");
	}
	doc_run(&r, mem ? "cell" : "-", &o);
	rd_close(&r);
	rows_check(size, o.max_cp);
	return 0;
}
