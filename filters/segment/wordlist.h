/* wordlist: the word lists kept in data/ (one entry a line, '#' starts a comment line),
 * loaded once from the embedded bytes and searched by exact match, prefix or substring. */
#ifndef SEGMENT_WORDLIST_H
#define SEGMENT_WORDLIST_H
#include <stddef.h>

struct wordlist {
	char **w;
	size_t *len;
	unsigned *hash;               /* head hash of each entry (entries of 3 bytes or more) */
	unsigned *tag;                /* which list an entry came from (a bit) */
	size_t n;
	size_t maxlen, minlen;
	unsigned char head[8192];     /* bit per hash of the first three bytes of an entry */
	unsigned short bucket[257];   /* entries by hash & 255: order[bucket[b]..bucket[b+1]) */
	unsigned short *order;
	size_t nshort;                /* entries of one or two bytes, searched for directly */
};

void wl_load(struct wordlist *wl, const char *data, size_t n);
/* Add the entries of another list, marked with tag (a bit; wl_load's entries have 1). */
void wl_add_list(struct wordlist *wl, const char *data, size_t n, unsigned tag);
void wl_free(struct wordlist *wl);
/* Is p[0..n) exactly an entry? */
int wl_has(const struct wordlist *wl, const char *p, size_t n);
/* Length of the longest entry p[0..n) starts with, 0 if none. */
size_t wl_prefix(const struct wordlist *wl, const char *p, size_t n);
/* The tags of the entries p[0..n) contains (stops early once all of want are seen). */
unsigned wl_tags_within(const struct wordlist *wl, const char *p, size_t n, unsigned want);

#endif
