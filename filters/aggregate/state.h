/* state: what a group keeps per operation, how a row's value is added to it, and how it
 * is written to and read back from a partial (--partial / --merge). Every state merges
 * exactly: merging the states of the parts of an input gives the state of the whole. */
#ifndef AGG_STATE_H
#define AGG_STATE_H
#include <stddef.h>
#include "bag.h"
#include "num.h"
#include "ops.h"

struct st_count { unsigned long long n; };
struct st_sum { struct sum s; unsigned long long n; };   /* sum and mean */
struct st_ext { struct numval v; };                      /* min and max */
struct st_text { int has; struct buf b; };               /* first and last */
struct st_bag { struct bag b; };

size_t state_size(enum state_kind k);
void state_init(enum state_kind k, void *st);
void state_free(enum state_kind k, void *st);
/* Add one value; -1 when the operation needs a number and p[0..n) is not one. */
int state_add(const struct opspec *s, void *st, const char *p, size_t n);
/* Merge a state written by state_encode; -1 when the text is not such a state. */
int state_merge(const struct opspec *s, void *st, const char *p, size_t n);
void state_encode(const struct opspec *s, const void *st, struct buf *out);
/* Merge src, the state of a later part of the input, into dst (src is left as it was). */
void state_combine(const struct opspec *s, void *dst, const void *src);

#endif
