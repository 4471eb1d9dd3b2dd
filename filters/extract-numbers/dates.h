/* dates: numerals that belong to dates, clock times, codes and version numbers, which are
 * DATE/TIME entities or identifiers rather than quantities (2019年12月13日, 5月30日,
 * 上世纪80年代, 14:52, 20-09-02, 下午3点). Used whether or not tag-entities ran. */
#ifndef XN_DATES_H
#define XN_DATES_H
#include <stddef.h>
#include "tables.h"
#include "zh_numeral.h"

/* If the numeral x at text+pos starts a date or time, return the end of that span (bytes);
 * else 0. */
size_t date_end(const struct tables *t, struct numparser *P, const char *text, size_t len,
                size_t pos, const struct numeral *x);

#endif
