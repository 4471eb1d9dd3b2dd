#!/bin/bash
# usage: load-postgres.sh OUTDIR CONNINFO
# Load a run's outputs into PostgreSQL (CONNINFO as psql takes it: "host=... dbname=..." or
# a postgresql:// URI) as the tables annotations, entities and numbers, with COPY. The
# stream's escapes (\\ \t \n \r) are COPY's text format, so rows go in as they are. Each
# table is filled under a new name and swapped in, all in one transaction: readers see the
# previous tables or the new ones. Values are numeric where they are exact decimals.
. "$(dirname "$0")/lib.sh"
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

# The header line is skipped by tail, not by COPY's HEADER (text format has it only from
# PostgreSQL 15 on).
psql "$conn" -X -q -v ON_ERROR_STOP=1 <<SQL || die "$E_SYS" "loading into PostgreSQL failed; the previous tables are unchanged"
SET client_min_messages = warning;
BEGIN;
CREATE TABLE annotations_load (doc text, seg integer, kind text, type text, start integer,
	"end" integer, text text, value text, unit text, mod text);
CREATE TABLE entities_load (type text, text text, mentions bigint, documents bigint);
CREATE TABLE numbers_load (type text, unit text, count bigint, sum numeric, min numeric,
	max numeric, documents bigint);
\\copy annotations_load FROM PROGRAM 'tail -n +2 $links/annotations.tsv'
\\copy entities_load FROM PROGRAM 'tail -n +2 $links/entities.tsv'
\\copy numbers_load FROM PROGRAM 'tail -n +2 $links/numbers.tsv'
DROP TABLE IF EXISTS annotations, entities, numbers;
ALTER TABLE annotations_load RENAME TO annotations;
ALTER TABLE entities_load RENAME TO entities;
ALTER TABLE numbers_load RENAME TO numbers;
CREATE INDEX ON annotations (kind, type);
CREATE INDEX ON annotations (doc, seg);
COMMIT;
SQL
log "loaded $out into PostgreSQL"
