/* charset: BOM, UTF-8 check and uchardet. */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>
#include <uchardet.h>
#include "charset.h"
#include "cli.h"
#include "utf8.h"

int charset_is_utf8(const char *name)
{
	return strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0;
}

int charset_is_auto(const char *enc)
{
	return !enc || strcasecmp(enc, "auto") == 0;
}

/* Mostly UTF-8: no invalid sequence, or no more of them than valid multi-byte characters
 * (a UTF-8 file with a stray byte stays UTF-8 and gets the usual U+FFFD and message,
 * rather than a guess that garbles all of it). Legacy text makes a valid multi-byte
 * sequence only by chance: GBK about one for ten invalid ones. */
static int looks_utf8(const char *p, size_t n)
{
	size_t multi = 0, bad = 0, i = 0;
	n -= u8_tail_cut(p, n);   /* a character cut by the block's end is no evidence */
	if (u8_valid_prefix(p, n) == n)
		return 1;
	while (i < n) {
		size_t ok = u8_valid_prefix(p + i, n - i);
		for (size_t k = i; k < i + ok; k++)
			multi += ((unsigned char)p[k] & 0xC0) == 0xC0;
		i += ok;
		if (i >= n)
			break;
		int32_t cp;
		i += u8_decode(p + i, n - i, &cp);
		bad++;
	}
	return bad == 0 || multi >= bad;
}

static int east_asian(const char *name)
{
	static const char *const prefixes[] = { "GB", "BIG5", "EUC", "SHIFT", "ISO-2022", "UTF", "HZ", "CP9", NULL };
	for (int i = 0; prefixes[i]; i++)
		if (strncasecmp(name, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	return 0;
}

/* Does p[0..n) convert from GB18030 without an invalid sequence (a cut last character
 * allowed)? */
static int valid_gb18030(const char *p, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return 0;
	char out[4096];
	char *ip = (char *)p;
	size_t il = n;
	int ok = 1;
	while (il && ok) {
		char *op = out;
		size_t ol = sizeof out;
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 || errno == E2BIG)
			continue;
		ok = errno == EINVAL;   /* cut at the end of the block */
		break;
	}
	iconv_close(cd);
	return ok;
}

/* Bytes of 0x80 and above: below eight (four Chinese characters in GBK) there is too
 * little to tell a legacy charset from a damaged UTF-8 file, which is the likelier. */
static size_t high_bytes(const char *p, size_t n)
{
	size_t h = 0;
	for (size_t i = 0; i < n && h < 8; i++)
		h += (unsigned char)p[i] >= 0x80;
	return h;
}

const char *charset_detect(const char *p, size_t n)
{
	static char name[64];
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		return "UTF-8";
	/* iconv's UTF-16 and UTF-32 read the mark and drop it. */
	if (n >= 4 && (memcmp(p, "\xFF\xFE\0\0", 4) == 0 || memcmp(p, "\0\0\xFE\xFF", 4) == 0))
		return "UTF-32";
	if (n >= 2 && (memcmp(p, "\xFF\xFE", 2) == 0 || memcmp(p, "\xFE\xFF", 2) == 0))
		return "UTF-16";
	if (looks_utf8(p, n) || high_bytes(p, n) < 8)
		return "UTF-8";
	uchardet_t ud = uchardet_new();
	if (!ud)
		fatal(EXIT_SYS, "out of memory");
	const char *guess = NULL;
	if (uchardet_handle_data(ud, p, n) == 0) {
		uchardet_data_end(ud);
		guess = uchardet_get_charset(ud);
	}
	if (!guess || !*guess || strcasecmp(guess, "ASCII") == 0 || strlen(guess) >= sizeof name)
		strcpy(name, "UTF-8");
	else
		strcpy(name, guess);
	uchardet_delete(ud);
	/* On a few bytes uchardet often names a European single-byte charset for Chinese
	 * text. This toolkit reads Chinese news: a block that is valid GB18030 is taken as
	 * GB18030 unless uchardet named an East Asian or Unicode charset. */
	if (!east_asian(name) && valid_gb18030(p, n))
		strcpy(name, "GB18030");
	return name;
}

void charset_check_option(const char *enc)
{
	if (!*enc)
		usage_error("--encoding needs a charset name (or auto)");
	if (charset_is_auto(enc) || charset_is_utf8(enc))
		return;
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1)
		usage_error("unknown encoding '%s' (see iconv --list)", enc);
	iconv_close(cd);
}
