/* credits: reporter and photographer credits ("记者 王丹 通讯员 李俊羿", "■本报记者 阿柔娜 摄",
 * "[责任编辑: 王晋南]", "转自:人民网内蒙古频道") and captions that end with one ("...竞赛棋”。张聿修 摄"). */
#ifndef SEGMENT_CREDITS_H
#define SEGMENT_CREDITS_H
#include <stddef.h>

void credits_setup(void);
/* Is p[0..n) (trimmed) only a credit? *photo says whether it credits a photo. */
int credit_line(const char *p, size_t n, int *photo);
/* Is p[0..n) a sentence followed by a photo credit? */
int caption_with_credit(const char *p, size_t n);

#endif
