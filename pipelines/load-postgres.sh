#!/bin/bash
# usage: load-postgres.sh OUTDIR CONNINFO
# Load a run's outputs into PostgreSQL (CONNINFO as psql takes it: "host=... dbname=..." or
# a postgresql:// URI) as the tables annotations, entities and numbers, with COPY. The
# stream's escapes (\\ \t \n \r) are COPY's text format, so rows go in as they are. Each
# table is filled under a new name and swapped in, all in one transaction: readers see the
# previous tables or the new ones. Values are numeric where they are exact decimals.
# CONNINFO is passed as psql's -d value, never as an option of its own (one starting with
# - stays a connection string); the row counts are checked before the commit.
. "$(dirname "$0")/lib.sh"
case ${1:-} in -h | --help)
	sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"
	exit 0
	;;
esac
[ $# -eq 2 ] || usage_error "usage: load-postgres.sh OUTDIR CONNINFO"
out=$(dashsafe "$1") conn=$2
command -v psql >/dev/null || die "$E_SYS" "psql is not installed (Debian: apt-get install postgresql-client)"
for f in annotations entities numbers; do
	[ -r "$out/$f.tsv" ] || die "$E_SYS" "no $out/$f.tsv: run run.sh first"
done

# \copy takes its file name inside single quotes with no escape for them; links in a
# private folder give every file a name that needs none.
links=$(mktemp -d /tmp/pgload.XXXXXX) || die "$E_SYS" "cannot make a temporary folder"
trap 'rm -rf -- "$links"' EXIT
for f in annotations entities numbers; do
	ln -s -- "$(cd -- "$out" && pwd)/$f.tsv" "$links/$f.tsv"
done

# A file's rows for COPY: the header skipped, and a NUL (\0 in the stream, an octal
# escape to COPY) turned into U+FFFD, since PostgreSQL's text cannot hold NUL.
cat >"$links/rows.sh" <<'EOF' || die "$E_SYS" "cannot write $links/rows.sh"
tail -n +2 "$1" | awk 'index($0, "\\0") == 0 { print; next }
	{
		o = ""; s = $0
		while ((i = index(s, "\\")) > 0) {
			c = substr(s, i + 1, 1)
			o = o substr(s, 1, i - 1) (c == "0" ? "\357\277\275" : "\\" c)
			s = substr(s, i + 2)
		}
		print o s
	}'
EOF
# Rows each table must get: the files' lines but the header (the stream escapes newlines).
want() { echo $(($(wc -l <"$out/$1.tsv") - 1)); }
# The header line is skipped by rows.sh, not by COPY's HEADER (text format has it only
# from PostgreSQL 15 on). A count that differs ends the transaction with an error naming it.
psql -X -q -v ON_ERROR_STOP=1 -v want_a="$(want annotations)" -v want_e="$(want entities)" \
	-v want_n="$(want numbers)" -d "$conn" <<SQL || die "$E_SYS" "loading into PostgreSQL failed; the previous tables are unchanged"
SET client_min_messages = warning;
BEGIN;
CREATE TABLE annotations_load (doc text, seg integer, kind text, type text, start integer,
	"end" integer, text text, value text, unit text, mod text);
CREATE TABLE entities_load (type text, text text, mentions bigint, documents bigint);
CREATE TABLE numbers_load (type text, unit text, count bigint, sum numeric, min numeric,
	max numeric, documents bigint);
\\copy annotations_load FROM PROGRAM 'sh $links/rows.sh $links/annotations.tsv'
\\copy entities_load FROM PROGRAM 'sh $links/rows.sh $links/entities.tsv'
\\copy numbers_load FROM PROGRAM 'sh $links/rows.sh $links/numbers.tsv'
SELECT (SELECT count(*) FROM annotations_load) = :want_a AND (SELECT count(*) FROM entities_load) = :want_e
	AND (SELECT count(*) FROM numbers_load) = :want_n AS rows_ok \\gset
\\if :rows_ok
\\else
SELECT 'rows missing: the tables have fewer rows than the files'::integer;
\\endif
DROP TABLE IF EXISTS annotations, entities, numbers;
ALTER TABLE annotations_load RENAME TO annotations;
ALTER TABLE entities_load RENAME TO entities;
ALTER TABLE numbers_load RENAME TO numbers;
CREATE INDEX ON annotations (kind, type);
CREATE INDEX ON annotations (doc, seg);
COMMIT;
SQL
log "loaded $(esc "$out") into PostgreSQL"
