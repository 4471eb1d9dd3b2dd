/* exclude: numerals inside names, idioms and slogans (一马当先, 三会一课, 十九大). */
#ifndef XN_EXCLUDE_H
#define XN_EXCLUDE_H
#include <stddef.h>
#include "tables.h"

/* End (byte offset) of the longest exclusion phrase that contains the numeral character
 * at text+pos, or 0 when none does. */
size_t exclude_end(const struct tables *t, const char *text, size_t len, size_t pos);

#endif
