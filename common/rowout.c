/* rowout: TSV, CSV or JSONL rows through out.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "cli.h"
#include "csvout.h"
#include "out.h"
#include "rowout.h"
#include "stream.h"
#include "utf8.h"

static enum row_format fmt = ROW_TSV;
/* JSONL: each column's key written once as "name": (escaped, with its colon) */
static struct buf keys;
static size_t *key_off;     /* start of key i in keys; key_off[nkeys] = keys.n */
static size_t nkeys;

void row_set_format(enum row_format f)
{
	fmt = f;
}

enum row_format row_format(void)
{
	return fmt;
}

/* JSON wants these controls by name; the others as \u00XX. */
static const char json_named[32] = { ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't' };

void json_write_string(const char *p, size_t n)
{
	if (n == 0) {   /* p may be NULL */
		out_write("\"\"", 2);
		return;
	}
	out_putc('"');
	size_t run = 0, i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0x80) {
			/* Valid sequences are copied as they are; an invalid byte cannot be said in
			 * JSON, so it becomes U+FFFD (readers have repaired text before; this guards
			 * names and anything else that was not checked). */
			int32_t cp;
			size_t l = u8_decode(p + i, n - i, &cp);
			if (cp >= 0) {
				i += l;
				continue;
			}
			out_write(p + run, i - run);
			out_write("\xEF\xBF\xBD", 3);
			i += l;
			run = i;
			continue;
		}
		out_write(p + run, i - run);
		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };
			out_write(e, 2);
		} else if (json_named[c]) {
			char e[2] = { '\\', json_named[c] };
			out_write(e, 2);
		} else {
			static const char hex[] = "0123456789abcdef";
			char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			out_write(e, 6);
		}
		i++;
		run = i;
	}
	out_write(p + run, n - run);
	out_putc('"');
}

/* The JSON text of a key is built by writing it to a buffer: out.h has one sink, so the
 * escaper runs on the real output once per header and the bytes are copied from there. */
static void add_key(const char *p, size_t n)
{
	key_off = xrealloc(key_off, (nkeys + 2) * sizeof *key_off);
	key_off[nkeys++] = keys.n;
	buf_addc(&keys, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == '"' || c == '\\')
			buf_addf(&keys, "\\%c", c);
		else if (c < 0x20)
			buf_addf(&keys, "\\u%04x", c);
		else
			buf_addc(&keys, (char)c);
	}
	buf_add(&keys, "\":", 2);
	key_off[nkeys] = keys.n;
}

void row_header(const struct field *names, size_t n)
{
	buf_clear(&keys);
	nkeys = 0;
	if (fmt != ROW_JSONL) {
		row_write(names, n);
		return;
	}
	for (size_t i = 0; i < n; i++)
		add_key(names[i].p, names[i].n);
}

/* C strings as fields, in an array kept from call to call. */
static struct field *as_fields(const char *const *s, size_t n)
{
	static struct field *f;
	static size_t cap;
	if (n > cap) {
		cap = n * 2;
		f = xrealloc(f, cap * sizeof *f);
	}
	for (size_t i = 0; i < n; i++)
		f[i] = (struct field){ (char *)s[i], s[i] ? strlen(s[i]) : 0 };
	return f;
}

void row_header_strs(const char *const *names, size_t n)
{
	row_header(as_fields(names, n), n);
}

void row_write(const struct field *f, size_t n)
{
	switch (fmt) {
	case ROW_TSV:
		tsv_write_row(f, n);
		return;
	case ROW_CSV:
		csv_write_row(f, n);
		return;
	case ROW_JSONL:
		break;
	}
	out_putc('{');
	for (size_t i = 0; i < n; i++) {
		if (i)
			out_putc(',');
		if (i < nkeys) {
			out_write(keys.p + key_off[i], key_off[i + 1] - key_off[i]);
		} else {
			char k[32];
			int kn = snprintf(k, sizeof k, "\"%zu\":", i + 1);
			out_write(k, (size_t)kn);
		}
		json_write_string(f[i].p, f[i].n);
	}
	out_write("}\n", 2);
}

void row_write_strs(const char *const *s, size_t n)
{
	row_write(as_fields(s, n), n);
}

/* ---- the shared options ---- */

static int icsv, ocsv, ojsonl;

int row_option(int key)
{
	switch (key) {
	case ROWOPT_CSV: icsv = ocsv = 1; ojsonl = 0; return 1;
	case ROWOPT_ICSV: icsv = 1; return 1;
	case ROWOPT_OCSV: ocsv = 1; ojsonl = 0; return 1;
	case ROWOPT_OJSONL: ojsonl = 1; ocsv = 0; return 1;
	case ROWOPT_TSV: icsv = ocsv = ojsonl = 0; return 1;
	default: return 0;
	}
}

int row_options_done(void)
{
	row_set_format(ojsonl ? ROW_JSONL : ocsv ? ROW_CSV : ROW_TSV);
	return icsv;
}

int row_csv_in(void)
{
	return icsv;
}
