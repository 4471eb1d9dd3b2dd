#!/bin/bash
# usage: load-sqlite.sh OUTDIR DB
# Load a run's outputs (annotations.tsv, entities.tsv, numbers.tsv) into the SQLite database
# DB as the tables annotations, entities and numbers. The database is built beside DB and
# renamed over it, so a reader opens the old one or the new one, never a half-loaded one.
# Values (value, sum, min, max) stay TEXT: they are exact decimals, and SQLite's REAL would
# round them; CAST them where arithmetic is wanted. DB is a file name taken literally (a
# relative name gets ./ in front, so that sqlite3 never reads `file:news.db` as a URI), and
# the new file gets the permissions the umask gives, as any other output.
. "$(dirname "$0")/lib.sh"
case ${1:-} in -h | --help)
	sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"
	exit 0
	;;
esac
[ $# -eq 2 ] || usage_error "usage: load-sqlite.sh OUTDIR DB"
out=$(dashsafe "$1") db=$2
case $db in /*) ;; *) db=./$db ;; esac
command -v sqlite3 >/dev/null || die "$E_SYS" "sqlite3 is not installed (Debian: apt-get install sqlite3)"
for f in annotations entities numbers; do
	[ -r "$out/$f.tsv" ] || die "$E_SYS" "no $out/$f.tsv: run run.sh first"
done

tmp=$(mktemp "$db.tmp.XXXXXX") || die "$E_SYS" "cannot write beside $(esc "$db")"
trap 'rm -f -- "$tmp"' EXIT
# mktemp made it 0600; the database is an output like the others.
chmod "$(printf '%o' $((0666 & ~$(umask))))" "$tmp" || die "$E_SYS" "cannot set the mode of $(esc "$tmp")"

# SQLite's tab mode would read a field's double quotes as CSV quoting and keep the stream's
# backslash escapes; CSV with every field quoted and the escapes undone carries any text.
# A NUL (\0 in the stream) becomes U+FFFD: sqlite3's CSV import reads C strings.
to_csv() {
	awk -F '\t' "$UNESC_AWK"'
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
# Every row arrived, or nothing is published.
for t in annotations entities numbers; do
	want=$(($(wc -l <"$out/$t.tsv") - 1))
	got=$(sqlite3 -bail "$tmp" "SELECT count(*) FROM $t") || die "$E_SYS" "cannot count the rows of $t in $(esc "$tmp")"
	[ "$got" = "$want" ] || die "$E_SYS" "$t: $got rows in the database, $want in $(esc "$out")/$t.tsv; nothing published"
done
publish "$tmp" "$db" || die "$E_SYS" "cannot rename $(esc "$tmp") to $(esc "$db")"
log "loaded $(esc "$out") into $(esc "$db")"
