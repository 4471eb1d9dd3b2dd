/* pathlist: the file names of --files-from (every program), one a line or NUL-separated
 * (-0), read as they are needed so that a list of millions of names costs no memory. */
#ifndef COMMON_PATHLIST_H
#define COMMON_PATHLIST_H
#include "buf.h"
#include "input.h"

struct pathlist {
	struct input in;
	char delim;
	struct buf name;
	char *blk;
	size_t pos, len;
	int done;
};

/* 0, or -1 with errno set. */
int pl_open(struct pathlist *pl, const char *path, int nul);
/* Next name (borrowed until the next call), NULL at the end. Empty names are skipped. */
const char *pl_next(struct pathlist *pl);
void pl_close(struct pathlist *pl);

#endif
