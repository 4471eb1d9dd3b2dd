/* contacts: PHONE, EMAIL and URL by PCRE2 patterns, compiled once with JIT. Every pattern
 * is a run of disjoint character classes (a label cannot contain the dot that ends it), so
 * no input can make the matcher backtrack more than linearly; the match and depth limits
 * are a second guard. Telephone numbers without an area code need a word such as 电话
 * before them, or a telephone number they are listed after: bare seven-digit numbers in
 * news are usually licence or serial numbers. A 400/800 service number is grouped any way
 * (400-6533-789, 400-653-3789, 4006533789). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>
#include "cli.h"
#include "contacts.h"
#include "res.h"

enum { P_URL, P_EMAIL, P_PHONE, P_LOCAL, P_N };

static const char *const patterns[P_N] = {
	/* URL: a scheme or www., else a host name ending in a known top-level domain */
	("(?:https?://|www\\.)[A-Za-z0-9._~:/?#@!$&*+,;=%-]+"
	 "|(?<![A-Za-z0-9.@_-])(?:[A-Za-z0-9][A-Za-z0-9-]*\\.)+"
	 "(?:com|cn|net|org|gov|edu|info|top|xyz|cc|tv|io|me|biz|mobi)(?:\\.cn)?"
	 "(?::[0-9]+)?(?:/[A-Za-z0-9._~/?#@!$&*+,;=%-]*)?(?![A-Za-z0-9_-])"
	 /* a Chinese domain name (中国政府网.政务): a run of Han, a dot, a Chinese top-level
	    domain; the run starts where the Han run starts, so 访问X.中国 takes 访问 too */
	 "|(?<!\\p{Han})\\p{Han}+\\.(?:中国|公司|网络|政务|公益|在线|网址|商城|集团|移动)(?!\\p{Han})"),
	/* EMAIL */
	"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+",
	/* PHONE with an area code, a mobile number or a 400/800 number */
	("(?<![0-9])(?:(?:\\(0[0-9]{2,3}\\)|（0[0-9]{2,3}）|0[0-9]{2,3}[-－—])[0-9]{7,8}"
	 "|1[3-9][0-9]{9}|[48]00(?:[- ]?[0-9]){7})(?:-[0-9]{1,4})?(?![0-9])"),
	/* a local number or a service number: kept only with context */
	"(?<![0-9.])[0-9]{5,8}(?![0-9])"
};

static pcre2_code *code[P_N];
static pcre2_match_data *md;
static pcre2_match_context *mctx;

void contacts_init(void)
{
	mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mctx, 100000);
	pcre2_set_depth_limit(mctx, 1000);
	for (int i = 0; i < P_N; i++) {
		int err;
		PCRE2_SIZE off;
		code[i] = pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED,
		                        PCRE2_UTF | PCRE2_NO_UTF_CHECK, &err, &off, NULL);
		if (!code[i])
			fatal(EXIT_SYS, "internal error: pattern %d does not compile at %zu", i, (size_t)off);
		pcre2_jit_compile(code[i], PCRE2_JIT_COMPLETE);   /* interpreted when JIT is missing */
	}
	md = pcre2_match_data_create(4, NULL);
}

void contacts_fini(void)
{
	for (int i = 0; i < P_N; i++)
		pcre2_code_free(code[i]);
	pcre2_match_data_free(md);
	pcre2_match_context_free(mctx);
}

/* Code point index of byte offset b (b is on a character boundary). */
static size_t cp_index(const struct ctx *c, size_t b)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->boff[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void add_digits(struct ctx *c, size_t s, size_t e)
{
	char d[64];
	size_t k = 0;
	for (size_t i = s; i < e && k < sizeof d; i++)
		if (c->cp[i] >= '0' && c->cp[i] <= '9')
			d[k++] = (char)c->cp[i];
	ctx_add_made(c, s, e, T_PHONE, d, k);
}

/* The flags of the words that end right before i, skipping a colon or spaces. */
static uint32_t words_before(const struct ctx *c, size_t i)
{
	while (i > 0 && (ctx_is_space(c->cp[i - 1]) || c->cp[i - 1] == ':' || c->cp[i - 1] == 0xFF1A))
		i--;
	return c->at[i].endf;
}

/* A number listed right after a telephone number (0471-6659743、6659744). */
static int after_phone(const struct ctx *c, size_t i)
{
	if (i < 2 || !(c->cp[i - 1] == 0x3001 || c->cp[i - 1] == ',' || c->cp[i - 1] == 0xFF0C ||
	               c->cp[i - 1] == '/'))
		return 0;
	for (size_t k = c->nm; k-- > 0;)
		if (c->m[k].type == T_PHONE && c->m[k].e == i - 1)
			return 1;
	return 0;
}

static int is_hotline(const struct ctx *c, const struct lex *x, size_t s, size_t e)
{
	const struct lexinfo *li = lex_get(x, c->cp + s, e - s);
	return li && (li->flags & W_HOTLINE);
}

static void take(struct ctx *c, size_t s, size_t e, int type)
{
	if (!ctx_free_span(c, s, e))
		return;
	if (type == T_PHONE)
		add_digits(c, s, e);
	else
		ctx_add_mention(c, s, e, type, NULL);
	memset(c->occ + s, 1, e - s);
}

static void run(struct ctx *c, const struct lex *x, int which)
{
	PCRE2_SIZE start = 0;
	while (start < c->len) {
		int rc = pcre2_match(code[which], (PCRE2_SPTR)c->text, c->len, start,
		                     PCRE2_NO_UTF_CHECK, md, mctx);
		if (rc < 0)
			return;   /* no match, or a limit reached: nothing more here */
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		size_t s = cp_index(c, ov[0]), e = cp_index(c, ov[1]);
		uint32_t before = words_before(c, s);
		if (which == P_PHONE && !(before & W_SERIAL))
			take(c, s, e, T_PHONE);
		else if (which == P_LOCAL && !(before & W_SERIAL) &&
		         ((e - s >= 7 && ((before & W_PHONECTX) || after_phone(c, s))) ||
		          is_hotline(c, x, s, e)))
			take(c, s, e, T_PHONE);
		else if (which == P_URL)
			take(c, s, e, T_URL);
		else if (which == P_EMAIL)
			take(c, s, e, T_EMAIL);
		start = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
	}
}

void contacts_find(struct ctx *c, const struct lex *x)
{
	/* Most segments hold no digit, '@' or '.', and then no pattern can match. */
	int digit = 0, at = 0, dot = 0;
	for (size_t i = 0; i < c->len; i++) {
		char ch = c->text[i];
		digit |= ch >= '0' && ch <= '9';
		at |= ch == '@';
		dot |= ch == '.';
	}
	if (at)
		run(c, x, P_EMAIL);
	if (dot)
		run(c, x, P_URL);
	if (digit) {
		run(c, x, P_PHONE);
		run(c, x, P_LOCAL);
	}
}
