/* out: buffered writing to standard output. The module owns one large buffer; every
 * write error is fatal: a closed pipe ends the program as SIGPIPE would, any other error
 * prints "prog: write error: ..." and exits 3. out_finish() must be called before exit. */
#ifndef COMMON_OUT_H
#define COMMON_OUT_H
#include <stddef.h>

void out_write(const void *p, size_t n);
void out_putc(char c);
void out_puts(const char *s);
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void out_flush(void);
/* Flush and close stdout, checking for errors; call once at the end of main. */
void out_finish(void);
/* Use fd instead of 1 (tests). */
void out_set_fd(int fd);

#endif
