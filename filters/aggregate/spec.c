/* spec: an operation as asked for on the command line ("quantile:value:0.9") or read
 * back from a partial's header ("quantile(value,0.9)"), and its output column name. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "ops.h"

static char *xstrndup(const char *p, size_t n)
{
	char *s = xmalloc(n + 1);
	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

/* Check and store the parameter; its text is normalised so that names are canonical. */
static int set_param(struct opspec *s, const char *p, size_t n, struct buf *err)
{
	struct buf norm = BUF_INIT;
	if (s->op->param == PAR_FRACTION) {
		struct dec one = DEC_INIT;
		dec_set_ull(&one, 1);
		int bad = dec_parse(&s->frac, p, n) < 0 || s->frac.neg || dec_cmp(&s->frac, &one) > 0;
		dec_free(&one);
		if (bad) {
			buf_addf(err, "%s: '%.*s' is not a fraction from 0 to 1", s->op->name, (int)n, p);
			return -1;
		}
		dec_format(&s->frac, &norm);
	} else {
		unsigned long long k = 0;
		int bad = n == 0;
		for (size_t i = 0; i < n && !bad; i++)
			bad = p[i] < '0' || p[i] > '9' || __builtin_mul_overflow(k, 10, &k) ||
			      __builtin_add_overflow(k, (unsigned)(p[i] - '0'), &k);
		if (bad || k == 0) {
			buf_addf(err, "%s: '%.*s' is not a positive whole number", s->op->name, (int)n, p);
			return -1;
		}
		s->k = k;
		buf_addf(&norm, "%llu", k);
	}
	s->param = xstrndup(norm.p, norm.n);
	buf_free(&norm);
	return 0;
}

static int finish_spec(struct opspec *s, const char *col, size_t coln, int hascol,
                       const char *par, size_t parn, int haspar, struct buf *err)
{
	const struct op *op = s->op;
	if (hascol && op->col == COL_NONE) {
		buf_addf(err, "%s takes no column", op->name);
		return -1;
	}
	if ((!hascol || !coln) && op->col == COL_REQUIRED) {
		buf_addf(err, "%s needs a column: %s:COLUMN%s", op->name, op->name,
		         op->param ? "[:PARAMETER]" : "");
		return -1;
	}
	if (hascol)
		s->colspec = xstrndup(col, coln);
	if (op->param && !haspar && !op->param_default) {
		buf_addf(err, "%s needs a parameter: %s:COLUMN:%s", op->name, op->name,
		         op->param == PAR_FRACTION ? "FRACTION" : "N");
		return -1;
	}
	if (op->param && !haspar)
		return set_param(s, op->param_default, strlen(op->param_default), err);
	return haspar ? set_param(s, par, parn, err) : 0;
}

int opspec_parse(struct opspec *s, const char *text, struct buf *err)
{
	memset(s, 0, sizeof *s);
	s->col = -1;
	const char *colon = strchr(text, ':');
	size_t nn = colon ? (size_t)(colon - text) : strlen(text);
	s->op = op_find(text, nn);
	if (!s->op) {
		buf_addf(err, "unknown operation '%.*s'", (int)nn, text);
		return -1;
	}
	if (!colon)
		return finish_spec(s, NULL, 0, 0, NULL, 0, 0, err);
	const char *col = colon + 1, *last = strrchr(col, ':');
	if (s->op->param && last)
		return finish_spec(s, col, (size_t)(last - col), 1, last + 1, strlen(last + 1), 1, err);
	return finish_spec(s, col, strlen(col), 1, NULL, 0, 0, err);
}

void opspec_name(struct opspec *s, const char *colname, size_t n)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, s->op->name);
	if (s->colspec) {
		buf_addc(&b, '(');
		buf_add(&b, colname, n);
		/* a default parameter is left out: unique(doc), not unique(doc,100) */
		if (s->param && (!s->op->param_default || strcmp(s->param, s->op->param_default)))
			buf_addf(&b, ",%s", s->param);
		buf_addc(&b, ')');
	}
	free(s->name);
	s->name = xstrndup(b.p, b.n);
	buf_free(&b);
}

int opspec_from_name(struct opspec *s, const char *name, size_t n, struct buf *err)
{
	memset(s, 0, sizeof *s);
	s->col = -1;
	const char *open = memchr(name, '(', n);
	size_t nn = open ? (size_t)(open - name) : n;
	s->op = op_find(name, nn);
	if (!s->op || (open && name[n - 1] != ')')) {
		buf_addf(err, "'%.*s' is not an operation column", (int)n, name);
		return -1;
	}
	int r;
	if (!open) {
		r = finish_spec(s, NULL, 0, 0, NULL, 0, 0, err);
	} else {
		const char *in = open + 1, *end = name + n - 1, *comma = end;
		if (s->op->param)
			while (comma > in && comma[-1] != ',')
				comma--;
		if (s->op->param && comma > in)
			r = finish_spec(s, in, (size_t)(comma - 1 - in), 1, comma, (size_t)(end - comma), 1, err);
		else
			r = finish_spec(s, in, (size_t)(end - in), 1, NULL, 0, 0, err);
	}
	if (r == 0)
		s->name = xstrndup(name, n);
	return r;
}

void opspec_free(struct opspec *s)
{
	free(s->colspec);
	free(s->param);
	free(s->name);
	dec_free(&s->frac);
	s->colspec = s->param = s->name = NULL;
}

