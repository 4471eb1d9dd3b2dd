/* boiler: page furniture around the article: navigation bars, breadcrumbs, share buttons,
 * link lists, licence numbers, copyright and disclaimer notices. */
#ifndef SEGMENT_BOILER_H
#define SEGMENT_BOILER_H
#include <stddef.h>

void boiler_setup(void);
/* Is the trimmed line p[0..n) of ncp code points page furniture? */
int boiler_line(const char *p, size_t n, size_t ncp);
/* Does it begin the page footer (copyright, disclaimer)? */
int footer_line(const char *p, size_t n, size_t ncp);
/* Does it open a news article (本报讯...)? */
int article_opener(const char *p, size_t n);

#endif
