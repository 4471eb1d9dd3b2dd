/* Unit tests of the text-to-source map: linear runs, replaced characters, seams between
 * glued lines and renumbering. */
#include "check.h"
#include "textmap.h"

int main(void)
{
	check_suite = "segment/textmap";
	struct tmap m = TMAP_INIT;
	/* "ab" from bytes 10..12, U+FFFD (3 bytes) for the single byte 12, "cd" from 13..15,
	 * then a seam: the next line "ef" starts at byte 20. */
	tm_add(&m, 0, 10);
	tm_add(&m, 2, 12);
	tm_add(&m, 5, 13);
	tm_add(&m, 7, 15);
	tm_add(&m, 7, 20);
	CHECK("linear start", tm_start(&m, 1) == 11);
	CHECK("replacement start", tm_start(&m, 2) == 12 && tm_end(&m, 2) == 12);
	CHECK("replacement end", tm_end(&m, 5) == 13 && tm_start(&m, 5) == 13);
	CHECK("seam end is the first piece's end", tm_end(&m, 7) == 15);
	CHECK("seam start is the next piece's start", tm_start(&m, 7) == 20);
	CHECK("after the seam", tm_start(&m, 8) == 21 && tm_end(&m, 9) == 22);

	struct tmap c = TMAP_INIT;
	tm_add(&c, 0, 0);
	tm_copy(&c, &m, 5, 9, 100);
	CHECK("copy keeps the seam", tm_start(&c, 100) == 13 && tm_end(&c, 102) == 15 &&
	      tm_start(&c, 102) == 20 && tm_end(&c, 104) == 22);

	tm_rebase(&m, 6);
	CHECK("rebase", tm_start(&m, 0) == 14 && tm_end(&m, 1) == 15 && tm_start(&m, 1) == 20);
	tm_free(&m);
	tm_free(&c);
	return check_done();
}
