/* pathlist: names split at the delimiter, across block boundaries. */
#include <string.h>
#include "cli.h"
#include "pathlist.h"

int pl_open(struct pathlist *pl, const char *path, int nul)
{
	memset(pl, 0, sizeof *pl);
	if (in_open(&pl->in, path) < 0)
		return -1;
	pl->delim = nul ? '\0' : '\n';
	return 0;
}

const char *pl_next(struct pathlist *pl)
{
	buf_clear(&pl->name);
	for (;;) {
		if (pl->pos == pl->len) {
			if (pl->done)
				break;
			ssize_t n = in_read(&pl->in, &pl->blk, 1 << 16);
			if (n < 0)
				warn_at(pl->in.name, 0, "read error");
			if (n <= 0) {
				pl->done = 1;
				break;
			}
			pl->pos = 0;
			pl->len = (size_t)n;
		}
		char *p = pl->blk + pl->pos;
		char *e = memchr(p, pl->delim, pl->len - pl->pos);
		size_t n = e ? (size_t)(e - p) : pl->len - pl->pos;
		buf_add(&pl->name, p, n);
		pl->pos += n + (e != NULL);
		if (e) {
			if (pl->delim == '\n' && pl->name.n && pl->name.p[pl->name.n - 1] == '\r')
				pl->name.p[--pl->name.n] = '\0';
			if (pl->name.n)
				return pl->name.p;
		}
	}
	return pl->name.n ? pl->name.p : NULL;
}

void pl_close(struct pathlist *pl)
{
	in_close(&pl->in);
	buf_free(&pl->name);
}
