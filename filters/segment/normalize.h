/* normalize: the text column's normal form. Chinese news is mostly ASCII, Han and a few
 * dozen punctuation marks whose NFC/NFKC forms are known, so those are folded inline;
 * anything else goes through utf8proc. */
#ifndef SEGMENT_NORMALIZE_H
#define SEGMENT_NORMALIZE_H
#include <stddef.h>
#include "buf.h"
#include "utf8.h"

/* Append the normal form of valid UTF-8 p[0..n) to out, without surrounding white space. */
void norm_text(const char *p, size_t n, enum u8_form form, struct buf *out);

#endif
