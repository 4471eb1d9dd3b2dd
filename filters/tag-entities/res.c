/* res: loading the built-in data files into the lexicon, and the user's dictionaries
 * (udict). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "input.h"
#include "res.h"
#include "udict.h"
#include "utf8.h"

const char *const ent_type_names[T_NTYPES] = {
	"PER", "LOC", "ORG", "DATE", "TIME", "PHONE", "EMAIL", "URL"
};

#define DATA(name) extern const char data_##name[]; extern const unsigned long data_##name##_len;
DATA(divisions_txt)
DATA(places_txt)
DATA(orgs_txt)
DATA(people_txt)
DATA(surnames_txt)
DATA(loc_suffixes_txt)
DATA(org_suffixes_txt)
DATA(person_context_txt)
DATA(stopwords_txt)
DATA(words_txt)
DATA(idioms_txt)
DATA(hotlines_txt)
DATA(contact_context_txt)
DATA(townships_txt)   /* generated at build time, may hold only a comment */

static struct lex *L;
static size_t townships;
static int32_t *keybuf;
static size_t keycap;

struct lex *res_lex(void)
{
	if (!L)
		L = lex_new(1);
	return L;
}

int ent_type_parse(const char *s, size_t n)
{
	for (int i = 0; i < T_NTYPES; i++)
		if (strlen(ent_type_names[i]) == n && memcmp(ent_type_names[i], s, n) == 0)
			return i;
	return -1;
}

long res_decode(const char *p, size_t n, int32_t **out, size_t *cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		size_t len = u8_decode(p + i, n - i, &cp);
		if (cp < 0)
			return -1;
		if (k == *cap) {
			*cap = *cap ? *cap * 2 : 64;
			*out = xrealloc(*out, *cap * sizeof **out);
		}
		(*out)[k++] = cp;
		i += len;
	}
	return (long)k;
}

/* A line cut into TAB-separated fields (at most 4 kept; nf counts them all). */
struct line {
	const char *f[4];
	size_t len[4];
	size_t nf;
};

static void split_tabs(const char *p, size_t n, struct line *ln)
{
	ln->nf = 0;
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && p[i] != '\t')
			continue;
		if (ln->nf < 4) {
			ln->f[ln->nf] = p + start;
			ln->len[ln->nf] = i - start;
		}
		ln->nf++;
		start = i + 1;
	}
}

/* Trim a CR at the end and a BOM at the start of the first line; 0 for lines to skip. */
static int clean_line(const char **p, size_t *n, unsigned long long lineno)
{
	if (*n && (*p)[*n - 1] == '\r')
		(*n)--;
	if (lineno == 1 && *n >= 3 && memcmp(*p, "\xEF\xBB\xBF", 3) == 0) {
		*p += 3;
		*n -= 3;
	}
	size_t i = 0;
	while (i < *n && ((*p)[i] == ' ' || (*p)[i] == '\t'))
		i++;
	return i < *n && (*p)[i] != '#';
}

static struct lexinfo *put(const char *s, size_t n)
{
	long k = res_decode(s, n, &keybuf, &keycap);
	if (k <= 0)
		return NULL;
	return lex_put(res_lex(), keybuf, (size_t)k);
}

static int field_is(const struct line *ln, size_t i, const char *s)
{
	return ln->nf > i && ln->len[i] == strlen(s) && memcmp(ln->f[i], s, ln->len[i]) == 0;
}

static int has_suffix(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && memcmp(s + n - k, suf, k) == 0;
}

static int is_admin_name(const char *s, size_t n)
{
	static const char *const ends[] = { "省", "市", "县", "区", "旗", "州", "盟", "地区", NULL };
	for (int i = 0; ends[i]; i++)
		if (has_suffix(s, n, ends[i]))
			return 1;
	return 0;
}

static void set_rank(struct lexinfo *e, int rank)
{
	if (!e->rank || rank < e->rank)
		e->rank = (uint8_t)rank;
}

static void on_division(const struct line *ln)
{
	static const struct { const char *name; int rank; } lv[] = {
		{ "province", R_PROVINCE }, { "city", R_CITY }, { "county", R_COUNTY },
		{ "town", R_TOWN }, { NULL, 0 }
	};
	struct lexinfo *e = put(ln->f[0], ln->len[0]);
	if (!e || ln->nf < 2)
		return;
	size_t chars = u8_count(ln->f[0], ln->len[0]);
	int shortf = has_suffix(ln->f[1], ln->len[1], "-short");
	for (int i = 0; lv[i].name; i++)
		if (strncmp(ln->f[1], lv[i].name, strlen(lv[i].name)) == 0)
			set_rank(e, lv[i].rank);
	e->flags |= W_LOC;
	if (shortf)
		e->flags |= W_SHORT;
	else if (is_admin_name(ln->f[0], ln->len[0]))
		e->flags |= W_ADMIN;
	/* Two-character counties (和县) and county short forms read as ordinary words inside
	 * running text; they count only where a name can start. */
	if (e->rank == R_COUNTY && (shortf || chars == 2))
		e->flags |= W_WEAK;
}

/* A township keeps the rank of a larger unit when its name is also one (an entry of the
 * county list wins). */
static void on_town(const struct line *ln)
{
	if (u8_count(ln->f[0], ln->len[0]) < 3)
		return;   /* a two-character name (城乡) reads as an ordinary word */
	struct lexinfo *e = put(ln->f[0], ln->len[0]);
	if (!e)
		return;
	e->flags |= W_LOC;
	set_rank(e, R_TOWN);
	townships++;
}

size_t res_townships(void)
{
	if (townships)
		return townships;
	size_t n = 0;   /* not loaded yet: count the entries of the compiled-in list */
	for (size_t i = 0; i < data_townships_txt_len; i++)
		if ((i == 0 || data_townships_txt[i - 1] == '\n') && data_townships_txt[i] != '#')
			n++;
	return n;
}

static void on_place(const struct line *ln)
{
	static const char *const kinds[] = {
		"", "country", "province", "city", "county", "town", "community", "site", NULL
	};
	struct lexinfo *e = put(ln->f[0], ln->len[0]);
	if (!e)
		return;
	e->flags |= W_LOC | W_SHORT;
	for (int r = 1; kinds[r]; r++)
		if (field_is(ln, 1, kinds[r]))
			set_rank(e, r);
	if (!e->rank)
		e->rank = R_SITE;
	if (e->rank >= R_PROVINCE && e->rank <= R_COUNTY && is_admin_name(ln->f[0], ln->len[0]))
		e->flags |= W_ADMIN;   /* 和林县, 土左旗: common forms of a county's name */
}

static void on_flag(const struct line *ln, uint32_t flag)
{
	struct lexinfo *e = put(ln->f[0], ln->len[0]);
	if (e)
		e->flags |= flag;
}

static void on_org(const struct line *ln) { on_flag(ln, W_ORG); }
static void on_person(const struct line *ln) { on_flag(ln, W_PER); }
static void on_hotline(const struct line *ln) { on_flag(ln, W_HOTLINE); }

static void on_contact_context(const struct line *ln)
{
	on_flag(ln, field_is(ln, 1, "serial") ? W_SERIAL : W_PHONECTX);
}

static void on_surname(const struct line *ln)
{
	on_flag(ln, W_SURNAME);
}

static int small_num(const struct line *ln, size_t i)
{
	return ln->nf > i ? atoi(ln->f[i]) : 0;
}

static void on_loc_suffix(const struct line *ln)
{
	static const char *const kinds[] = { "", "town", "community", "street", "site", NULL };
	struct lexinfo *e = put(ln->f[0], ln->len[0]);
	if (!e)
		return;
	e->flags |= W_LSFX;
	for (int k = 1; kinds[k]; k++)
		if (field_is(ln, 1, kinds[k]))
			e->sclass = (uint8_t)k;
	e->smin = (uint8_t)small_num(ln, 2);
	e->smax = (uint8_t)small_num(ln, 3);
}

static void on_org_suffix(const struct line *ln)
{
	struct lexinfo *e = put(ln->f[0], ln->len[0]);
	if (!e)
		return;
	e->flags |= W_OSFX;
	e->sclass = field_is(ln, 1, "named") ? 2 : field_is(ln, 1, "party") ? 3 : 1;
}

static void on_person_context(const struct line *ln)
{
	uint32_t f = field_is(ln, 1, "byline") ? W_BYLINE : field_is(ln, 1, "before") ? W_PBEFORE
	           : field_is(ln, 1, "after") ? W_PAFTER : field_is(ln, 1, "title") ? W_PTITLE : 0;
	on_flag(ln, f);
}

static void on_word_flags(const struct line *ln)
{
	uint32_t f = 0;
	for (size_t i = 0; ln->nf > 1 && i < ln->len[1]; i++)
		switch (ln->f[1][i]) {
		case 'h': f |= W_HARD; break;
		case 's': f |= W_STOP; break;
		case 'c': f |= W_COMMON; break;
		case 'g': f |= W_GENERIC; break;
		case 'b': f |= W_BREAK; break;
		case 'f': f |= W_FUNC; break;
		case 'w': f |= W_NONAME; break;
		case 'm': f |= W_MEASURE; break;
		case 'n': f |= W_NUMERAL; break;
		case 'i': f |= W_IDIOM; break;
		case 'x': f |= W_NOPLACE; break;
		}
	on_flag(ln, f);
}

/* Built-in data is ours and well formed; a surnames line may hold several words. */
static void load_text(const char *p, size_t n, void (*on)(const struct line *))
{
	unsigned long long lineno = 0;
	for (size_t i = 0; i < n;) {
		const char *s = p + i;
		const char *nl = memchr(s, '\n', n - i);
		size_t len = nl ? (size_t)(nl - s) : n - i;
		i += len + 1;
		if (!clean_line(&s, &len, ++lineno))
			continue;
		struct line ln;
		split_tabs(s, len, &ln);
		on(&ln);
	}
}

void res_load_builtin(void)
{
	res_lex();
	load_text(data_divisions_txt, data_divisions_txt_len, on_division);
	load_text(data_townships_txt, data_townships_txt_len, on_town);
	load_text(data_places_txt, data_places_txt_len, on_place);
	load_text(data_orgs_txt, data_orgs_txt_len, on_org);
	load_text(data_people_txt, data_people_txt_len, on_person);
	load_text(data_surnames_txt, data_surnames_txt_len, on_surname);
	load_text(data_loc_suffixes_txt, data_loc_suffixes_txt_len, on_loc_suffix);
	load_text(data_org_suffixes_txt, data_org_suffixes_txt_len, on_org_suffix);
	load_text(data_person_context_txt, data_person_context_txt_len, on_person_context);
	load_text(data_stopwords_txt, data_stopwords_txt_len, on_word_flags);
	load_text(data_words_txt, data_words_txt_len, on_word_flags);
	load_text(data_idioms_txt, data_idioms_txt_len, on_word_flags);
	load_text(data_hotlines_txt, data_hotlines_txt_len, on_hotline);
	load_text(data_contact_context_txt, data_contact_context_txt_len, on_contact_context);
}

/* ---- user dictionaries ---- */

/* Whether p[0..n) is valid UTF-8. Dictionaries are mostly ideographs: three-byte sequences
 * that need no range check (lead bytes E1..EC, EE, EF) are stepped over here, the rest
 * is left to the full decoder. */
static int valid_utf8(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0;
	while (i < n) {
		if (u[i] < 0x80) {
			i++;
		} else if (u[i] >= 0xE1 && u[i] <= 0xEF && u[i] != 0xED && i + 2 < n &&
		           (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			i += 3;
		} else {
			break;
		}
	}
	return i == n || u8_valid_prefix(p + i, n - i) == n - i;
}

static int dict_line(const char *name, unsigned long long lineno, const char *s, size_t len)
{
	struct line ln;
	if (memchr(s, '\0', len)) {
		/* a NUL would cut the entry short where C strings are used: say so */
		warn_at(name, lineno, "NUL byte in the line; line skipped");
		return 0;
	}
	split_tabs(s, len, &ln);
	if (ln.nf < 2) {
		warn_at(name, lineno, "expected surface<TAB>type[<TAB>value], found no TAB");
		return 0;
	}
	if (ln.nf > 3) {
		warn_at(name, lineno, "%zu columns, expected 2 or 3", ln.nf);
		return 0;
	}
	if (ln.len[0] == 0) {
		warn_at(name, lineno, "empty surface");
		return 0;
	}
	if (ln.len[0] > UDICT_MAX_SURFACE) {
		warn_at(name, lineno, "surface longer than %d bytes", UDICT_MAX_SURFACE);
		return 0;
	}
	int type = ent_type_parse(ln.f[1], ln.len[1]);
	if (type < 0) {
		warn_at(name, lineno, "unknown type '%.*s' (PER LOC ORG DATE TIME PHONE EMAIL URL)",
		        (int)ln.len[1], ln.f[1]);
		return 0;
	}
	if (!valid_utf8(s, len)) {
		warn_at(name, lineno, "invalid UTF-8");
		return 0;
	}
	udict_add(ln.f[0], ln.len[0], type, ln.f[2], ln.nf > 2 ? ln.len[2] : 0);
	return 1;
}

long res_load_dict_text(const char *name, const char *p, size_t n)
{
	long count = 0;
	unsigned long long lineno = 0;
	for (size_t i = 0; i < n;) {
		const char *s = p + i;
		const char *nl = memchr(s, '\n', n - i);
		size_t len = nl ? (size_t)(nl - s) : n - i;
		i += len + 1;
		if (clean_line(&s, &len, ++lineno))
			count += dict_line(name, lineno, s, len);
	}
	return count;
}

long res_load_dict(const char *path)
{
	struct input in;
	if (in_open(&in, path) < 0) {
		warn_at(path, 0, "%s", strerror(errno));
		return -1;
	}
	long count = 0;
	char *s;
	ssize_t len;
	while ((len = in_getline(&in, &s, NULL)) >= 0) {
		const char *p = s;
		size_t n = (size_t)len;
		if (clean_line(&p, &n, in.line))
			count += dict_line(path, in.line, p, n);
	}
	if (in.err) {
		warn_at(path, 0, "%s", strerror(in.err));
		count = -1;
	}
	in_close(&in);
	return count;
}
