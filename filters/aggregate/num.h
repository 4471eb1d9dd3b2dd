/* num: numbers as aggregate meets them. Most values fit a 64-bit integer with a decimal
 * scale (fixed point), which is what the per-row work uses; a value or a sum that does not
 * fit moves to common/decimal, so results stay exact whatever the size. */
#ifndef AGG_NUM_H
#define AGG_NUM_H
#include <stdint.h>
#include "decimal.h"

#define FIX_MAX_SCALE 18

struct fix {
	int64_t m;        /* value = m * 10^-scale */
	unsigned scale;   /* 0..FIX_MAX_SCALE */
};

/* 1 and *f set when p[0..n) is a number that fits a fix; 0 when it is a number too long
 * for one (parse it with dec_parse); -1 when it is not a number (dec_parse's syntax). */
int fix_parse(const char *p, size_t n, struct fix *f);
void fix_to_dec(struct fix f, struct dec *d);
int fix_cmp(struct fix a, struct fix b);

/* An exact running sum: a fix that absorbs values until it would overflow, then is
 * folded into big (allocated on first need). */
struct sum {
	struct fix acc;
	struct dec *big;
};

void sum_add_fix(struct sum *s, struct fix v);
void sum_add_dec(struct sum *s, const struct dec *v);
/* Add a number given as text (either kind); -1 when it is not a number. */
int sum_add_text(struct sum *s, const char *p, size_t n);
void sum_value(const struct sum *s, struct dec *out);
void sum_free(struct sum *s);

/* A value kept for min and max: a fix when it fits, else a decimal. */
struct numval {
	int has;        /* 0 until a value was seen */
	int isbig;
	struct fix f;
	struct dec *big;
};

/* Keep v when it is below (want < 0) or above (want > 0) the current value; -1 when the
 * text is not a number. */
int numval_keep(struct numval *x, const char *p, size_t n, int want);
void numval_value(const struct numval *x, struct dec *out);
void numval_free(struct numval *x);

#endif
