/* source: one interface over scan.c and table.h. */
#include "source.h"

const char *source_encoding;

unsigned long long source_bytes(const struct source *src)
{
	return src->t ? tbl_offset(src->t) : scan_bytes(src->sc);
}

int source_open(struct source *src, const char *path, enum tbl_format fmt, size_t slab, int flags,
                const char *hash_spec)
{
	src->sc = NULL;
	src->t = NULL;
	if (fmt == TBL_CSV) {
		src->t = tbl_open_enc(path, fmt, !(flags & SCAN_NO_HEADER), source_encoding);
		return src->t ? 0 : -1;
	}
	src->sc = scan_open(path, slab, flags, hash_spec);
	return src->sc ? 0 : -1;
}

const struct row *source_header(const struct source *src)
{
	if (src->t)
		return tbl_header(src->t);
	return scan_header(src->sc);
}

int source_col(const struct source *src, const char *spec)
{
	return src->t ? tbl_col(src->t, spec) : scan_col(src->sc, spec);
}

const char *source_name(const struct source *src)
{
	return src->t ? tbl_name(src->t) : scan_name(src->sc);
}

size_t source_batch(struct source *src, struct row **rows)
{
	if (src->sc)
		return scan_batch(src->sc, rows);
	return tbl_next(src->t, rows) == 1 ? 1 : 0;
}

const uint64_t *source_hashes(const struct source *src)
{
	return src->sc ? scan_hashes(src->sc) : NULL;
}

void source_close(struct source *src)
{
	if (src->t)
		tbl_close(src->t);
	if (src->sc)
		scan_close(src->sc);
	src->t = NULL;
	src->sc = NULL;
}
