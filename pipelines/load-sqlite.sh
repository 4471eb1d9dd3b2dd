#!/bin/bash
# usage: load-sqlite.sh OUTDIR DB
# Load a run's outputs (annotations.tsv, entities.tsv, numbers.tsv) into the SQLite database
# DB as the tables annotations, entities and numbers. The database is built beside DB and
# renamed over it, so a reader opens the old one or the new one, never a half-loaded one.
# Values (value, sum, min, max) stay TEXT: they are exact decimals, and SQLite's REAL would
# round them; CAST them where arithmetic is wanted.
. "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || usage_error "usage: load-sqlite.sh OUTDIR DB"
out=$(dashsafe "$1") db=$(dashsafe "$2")
command -v sqlite3 >/dev/null || die "$E_SYS" "sqlite3 is not installed (Debian: apt-get install sqlite3)"
for f in annotations entities numbers; do
	[ -r "$out/$f.tsv" ] || die "$E_SYS" "no $out/$f.tsv: run run.sh first"
done

tmp=$(mktemp "$db.tmp.XXXXXX") || die "$E_SYS" "cannot write beside $db"
trap 'rm -f -- "$tmp"' EXIT

# SQLite's tab mode would read a field's double quotes as CSV quoting and keep the stream's
# backslash escapes; CSV with every field quoted and the escapes undone carries any text.
to_csv() {
	awk -F '\t' 'function unesc(s,   o, i, c) {
		o = ""
		while ((i = index(s, "\\")) > 0) {
			c = substr(s, i + 1, 1)
			o = o substr(s, 1, i - 1) (c == "t" ? "\t" : c == "n" ? "\n" : c == "r" ? "\r" : c)
			s = substr(s, i + 2)
		}
		return o s
	}
	NR > 1 {
		for (i = 1; i <= NF; i++) {
			f = unesc($i)
			gsub(/"/, "\"\"", f)
			printf "%s\"%s\"", (i > 1 ? "," : ""), f
		}
		printf "\n"
	}' <"$1"
}

sqlite3 -bail "$tmp" <<'SQL' >/dev/null || die "$E_SYS" "cannot create the tables in $tmp"
PRAGMA journal_mode = OFF;
CREATE TABLE annotations (doc TEXT, seg INTEGER, kind TEXT, type TEXT, start INTEGER,
	"end" INTEGER, text TEXT, value TEXT, unit TEXT, mod TEXT);
CREATE TABLE entities (type TEXT, text TEXT, mentions INTEGER, documents INTEGER);
CREATE TABLE numbers (type TEXT, unit TEXT, count INTEGER, sum TEXT, min TEXT, max TEXT,
	documents INTEGER);
SQL
for t in annotations entities numbers; do
	to_csv "$out/$t.tsv" | sqlite3 -bail "$tmp" ".import --csv /dev/stdin $t" ||
		die "$E_SYS" "loading $t into $tmp failed"
done
sqlite3 -bail "$tmp" <<'SQL' || die "$E_SYS" "cannot index $tmp"
CREATE INDEX annotations_kind_type ON annotations (kind, type);
CREATE INDEX annotations_doc ON annotations (doc, seg);
SQL
publish "$tmp" "$db" || die "$E_SYS" "cannot rename $tmp to $db"
log "loaded $out into $db"
