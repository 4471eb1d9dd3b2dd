/* res: the resources of the recognisers: the built-in data files (compiled in from data/)
 * in one lexicon, and the user's --dict files (kept apart, in udict). */
#ifndef TAGENT_RES_H
#define TAGENT_RES_H
#include <stddef.h>
#include <stdint.h>
#include "lex.h"

/* Entity types, in the order of ent_type_names. */
enum ent_type { T_PER, T_LOC, T_ORG, T_DATE, T_TIME, T_PHONE, T_EMAIL, T_URL, T_NTYPES };
extern const char *const ent_type_names[T_NTYPES];
int ent_type_parse(const char *s, size_t n);   /* index or -1 */

/* The lexicon every recogniser reads (created on first use). */
struct lex *res_lex(void);
/* Load the compiled-in data files. */
void res_load_builtin(void);
/* Load a dictionary: TSV lines "surface<TAB>type[<TAB>value]"; CRLF, a BOM, blank lines
 * and lines starting with # are fine; a bad line is reported as "file:line: what" and
 * skipped. Returns the number of entries loaded, or -1 when the file cannot be read. */
long res_load_dict(const char *path);
/* Load dictionary text already in memory (name is used in messages). */
long res_load_dict_text(const char *name, const char *p, size_t n);
/* Number of townships the built-in gazetteer holds (0 when built without the list);
 * callable before res_load_builtin. */
size_t res_townships(void);

/* Decode valid UTF-8 p[0..n) into code points appended to *out (grown as needed);
 * returns the count, or -1 on invalid UTF-8. */
long res_decode(const char *p, size_t n, int32_t **out, size_t *cap);

#endif
