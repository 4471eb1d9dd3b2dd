/* buf: a growable byte buffer; the struct owns its bytes, callers borrow p until the next grow. */
#ifndef COMMON_BUF_H
#define COMMON_BUF_H
#include <stddef.h>

struct buf {
	char *p;     /* always NUL-terminated when cap > 0, so p can be printed */
	size_t n;    /* bytes in use, not counting the NUL */
	size_t cap;  /* bytes allocated */
};

#define BUF_INIT { NULL, 0, 0 }

void buf_reserve(struct buf *b, size_t extra);   /* room for extra more bytes, dies on OOM */
void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_add_cp(struct buf *b, long cp);          /* append one code point as UTF-8 */
void buf_clear(struct buf *b);                    /* n = 0, memory kept */
void buf_free(struct buf *b);

#endif
