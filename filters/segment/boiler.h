/* boiler: page furniture around the article: navigation bars, breadcrumbs, share buttons,
 * link lists, licence numbers, copyright and disclaimer notices. */
#ifndef SEGMENT_BOILER_H
#define SEGMENT_BOILER_H
#include <stddef.h>

void boiler_setup(void);
enum { FURN_BOILER = 1, FURN_FOOTER = 2 };
/* Is the trimmed line p[0..n) (ncp code points, tokens space-separated words, bars the
 * bars | ｜ 丨 in it) page furniture (FURN_BOILER), and does it begin the page footer, a
 * copyright or disclaimer notice (FURN_FOOTER as well)? */
unsigned furniture(const char *p, size_t n, size_t ncp, int tokens, int bars);
/* Is p[0..n) exactly a furniture word ("返回", "下一版")? */
int furniture_word(const char *p, size_t n);
/* Is it page metadata: a date alone, or "发布时间：…", "2019年9月26日 15:10 来源：…"? */
int meta_line(const char *p, size_t n);
/* Does it hold a date and a label such as 来源：, 作者：, 编辑： ("作者：张三 来源：人民网
 * 2022-01-05")? Asked of short unpunctuated lines only. */
int dated_labels(const char *p, size_t n);
/* Is it the heading of the link lists after an article ("推荐阅读", "【相关新闻】")? */
int tail_marker(const char *p, size_t n);
/* Does it open a news article (本报讯...)? */
int article_opener(const char *p, size_t n);

#endif
