/* names: PER mentions. */
#ifndef TAGENT_NAMES_H
#define TAGENT_NAMES_H
#include "ctx.h"

/* Names in credits: 记者 祁晓燕 通讯员 云静波, 张聿修 摄. */
void names_byline(struct ctx *c);
/* Every short word of a credit line (□王文涛 崔立文 阿桑娜, 李琛瑶 摄). */
void names_credit_line(struct ctx *c);
/* Reporters credited in brackets after a story's last sentence: ……。(郭磊) */
void names_paren_credit(struct ctx *c);
/* Names by a surname and the words around it: 书记蔚鑫说, 袁女士, 王彩凤说. */
void names_context(struct ctx *c);
/* The other items of a list of names: 黄坤明、王东峰一同调研, 王志勤、李娜倮、杨淑亭. */
void names_lists(struct ctx *c);

#endif
