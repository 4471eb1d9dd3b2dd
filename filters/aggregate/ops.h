/* ops: the table of operations. One entry names an operation, says what it takes (a
 * column, a parameter), which partial state it keeps and how its result is printed; the
 * command line, --help, execution and --merge are all driven from it. */
#ifndef AGG_OPS_H
#define AGG_OPS_H
#include <stddef.h>
#include "buf.h"
#include "decimal.h"

/* What a group keeps for one operation (state.c). */
enum state_kind { ST_COUNT, ST_SUM, ST_MEAN, ST_MIN, ST_MAX, ST_FIRST, ST_LAST, ST_BAG };

enum op_col { COL_NONE, COL_OPTIONAL, COL_REQUIRED };
enum op_param { PAR_NONE, PAR_FRACTION, PAR_COUNT };

struct opspec;
typedef void op_result_fn(const struct opspec *s, const void *state, struct buf *out);

struct op {
	const char *name;
	enum state_kind kind;
	enum op_col col;
	int numeric;               /* every value must be a number */
	enum op_param param;
	const char *param_default; /* NULL when the parameter is required */
	op_result_fn *result;
	int number_out;            /* the result is a number (--pretty aligns it right) */
	const char *help;          /* one line for --help */
};

extern const struct op op_table[];

/* One operation as asked for: "quantile:value:0.9". */
struct opspec {
	const struct op *op;
	char *colspec;             /* column as given (name or number); NULL for none */
	char *param;               /* parameter text as given or defaulted; NULL for none */
	struct dec frac;           /* PAR_FRACTION, 0..1 */
	unsigned long long k;      /* PAR_COUNT, >= 1 */
	unsigned mean_digits;      /* digits after the point of a mean */
	char *name;                /* output column name, set once the header is known */
	int col;                   /* column index in the current input, -1 for none */
	size_t off;                /* offset of the state inside a group's block */
	int alias;                 /* the state is an earlier operation's (a bag of the same
	                              column, agg_setup): this one reads it, never adds to it */
};

const struct op *op_find(const char *name, size_t n);

/* spec.c. Parse "NAME[:COL[:PARAM]]"; 0, or -1 with a message in err. */
int opspec_parse(struct opspec *s, const char *text, struct buf *err);
/* Set s->name from the column's header name ("sum(value)", "quantile(value,0.9)"). */
void opspec_name(struct opspec *s, const char *colname, size_t n);
/* Parse an output column name back ("@" already removed) for --merge; 0 or -1. */
int opspec_from_name(struct opspec *s, const char *name, size_t n, struct buf *err);
void opspec_free(struct opspec *s);
/* The OPERATIONS part of --help. */
void ops_help(struct buf *out);

#endif
