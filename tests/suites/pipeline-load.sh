#!/bin/sh
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: the sh -c scripts in single quotes get their values as arguments.)
# The sample run loaded into SQLite (and into PostgreSQL when its server programs are here:
# the test starts a private server on the loopback address and stops it), checked by
# queries whose answers are counted from the TSV files themselves.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
if ! built; then skip pipeline/load "$missing is not built"; exit 0; fi
# The sample, and a page whose text has what loaders get wrong: quotes, backslashes.
mkdir "$T/in"
cp "$TOP"/data/sample/*.txt "$T/in/"
printf '市民说："路修好了。" 路径是 C:\\新闻\\2019 ，\\n 不是换行，共投入"300万元"。\n' >"$T/in/quotes.txt"
# A NUL byte: the stream escapes it (\0); both loaders store U+FFFD for it (issue 16 item 5).
printf '空字符\000在这里。\n' >"$T/in/nul.txt"
(cd "$T" && sh "$P/run.sh" -q in "$T/out") 2>"$T/log" || { fail pipeline/load-setup "the run failed"; exit 0; }
o=$T/out

# The answers, from the TSV files.
want_loc=$(awk -F '\t' 'NR > 1 && $3 == "ent" && $4 == "LOC"' "$o/annotations.tsv" | wc -l)
want_rows=$(($(wc -l <"$o/annotations.tsv") - 1))
want_org=$(awk -F '\t' 'NR > 1 && $1 == "ORG" { s += $3 } END { print s + 0 }' "$o/entities.tsv")
want_docs=$(tail -n +2 "$o/annotations.tsv" | cut -f 1 | sort -u | wc -l)
# A segment's text, unescaped (the stream escapes only \\ \t \n \r, which %b undoes): what
# a loader must keep byte for byte. The last segment with a quote or backslash, if any.
pick=$(awk -F '\t' 'NR > 1 && $3 == "seg" && (t == "" || $7 ~ /["\\]/) { t = $1 "\t" $2 "\t" $7 } END { print t }' "$o/annotations.tsv")
pick_doc=$(printf '%s\n' "$pick" | cut -f 1)
pick_seg=$(printf '%s\n' "$pick" | cut -f 2)
want_text=$(printf '%b' "$(printf '%s\n' "$pick" | cut -f 3)")
seg_query="SELECT text FROM annotations WHERE kind = 'seg' AND doc = '$pick_doc' AND seg = $pick_seg"

if ! command -v sqlite3 >/dev/null; then
	skip pipeline/load-sqlite "sqlite3 is not installed"
elif ! bash "$P/load-sqlite.sh" "$o" "$T/db 'x'.sqlite" 2>"$T/log"; then
	fail pipeline/load-sqlite "$(tail -n 2 "$T/log" | tr '\n' '|')"
else
	q() { sqlite3 "$T/db 'x'.sqlite" "$1"; }
	got=$(q "SELECT count(*) FROM annotations WHERE kind = 'ent' AND type = 'LOC'")
	check pipeline/load-sqlite-count "$got LOC mentions in SQLite, $want_loc in the TSV" [ "$got" = "$want_loc" ]
	got=$(q "SELECT count(*) FROM annotations")
	check pipeline/load-sqlite-rows "$got rows in SQLite, $want_rows in the TSV" [ "$got" = "$want_rows" ]
	got=$(q "SELECT sum(mentions) FROM entities WHERE type = 'ORG'")
	check pipeline/load-sqlite-sum "$got ORG mentions in SQLite, $want_org in entities.tsv" [ "$got" = "$want_org" ]
	got=$(q "SELECT count(DISTINCT doc) FROM annotations")
	check pipeline/load-sqlite-docs "$got documents in SQLite, $want_docs in the TSV" [ "$got" = "$want_docs" ]
	got=$(q "$seg_query")
	check pipeline/load-sqlite-text "a segment's text came back changed: $got" [ "$got" = "$want_text" ]
	check pipeline/load-sqlite-no-leftovers "temporary database left behind" sh -c '[ -z "$(find "$1" -maxdepth 1 -name "*.tmp.*")" ]' - "$T"
	got=$(q "SELECT count(*) FROM annotations WHERE kind = 'seg' AND text LIKE '空字符' || char(65533) || '在这里%'")
	check pipeline/load-sqlite-nul "the segment with a NUL did not arrive as U+FFFD ($got rows)" [ "$got" = 1 ]
	# The umask decides the mode, as for every other output (mktemp's 0600 is not kept).
	(umask 027 && bash "$P/load-sqlite.sh" "$o" "$T/mode.db") 2>>"$T/log"
	check pipeline/load-sqlite-umask "mode $(stat -c %a "$T/mode.db" 2>&1) under umask 027, expected 640" [ "$(stat -c %a "$T/mode.db" 2>&1)" = 640 ]
	# Issue 16 item 12: a name that sqlite3 would read as a URI is a file name.
	mkdir "$T/uri"
	if (cd "$T/uri" && bash "$P/load-sqlite.sh" "$o" 'file:news2.db') 2>"$T/log"; then
		got=$(sqlite3 "$T/uri/file:news2.db" "SELECT count(*) FROM annotations" 2>&1)
		check pipeline/load-sqlite-uri-name "'file:news2.db' holds $got rows, expected $want_rows" [ "$got" = "$want_rows" ]
	else
		fail pipeline/load-sqlite-uri-name "$(tail -n 2 "$T/log" | tr '\n' '|')"
	fi
fi

# PostgreSQL: only with a server of our own. initdb refuses root, so as root it runs as
# the postgres user when there is one.
as=""
if [ "$(id -u)" -eq 0 ]; then
	if id postgres >/dev/null 2>&1 && command -v runuser >/dev/null; then as="runuser -u postgres --"; else as=none; fi
fi
if ! command -v initdb >/dev/null || ! command -v pg_ctl >/dev/null || ! command -v psql >/dev/null || [ "$as" = none ]; then
	skip pipeline/load-postgres "no PostgreSQL server programs (initdb, pg_ctl) to start a private server"
	exit 0
fi
pg=$T/pg
mkdir "$pg"
# The server's user must reach its folder inside ours.
[ -z "$as" ] || { chmod 711 "$T" && chown postgres "$pg"; }
port=$((40000 + $$ % 20000))
stop_pg() { $as pg_ctl -D "$pg/data" -m immediate stop >/dev/null 2>&1; }
trap 'stop_pg; rm -rf "$T"' EXIT
if ! $as initdb -D "$pg/data" -A trust -U postgres >"$T/initdb.log" 2>&1 ||
	! $as pg_ctl -D "$pg/data" -l "$pg/log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $pg" start >/dev/null 2>&1; then
	skip pipeline/load-postgres "could not start a private server: $(tail -n 1 "$T/initdb.log")"
	exit 0
fi
conn="host=127.0.0.1 port=$port user=postgres dbname=postgres"
if ! bash "$P/load-postgres.sh" "$o" "$conn" 2>"$T/log" || ! bash "$P/load-postgres.sh" "$o" "$conn" 2>>"$T/log"; then
	fail pipeline/load-postgres "$(tail -n 2 "$T/log" | tr '\n' '|')"
	exit 0
fi
q() { psql -X -A -t -d "$conn" -c "$1"; }
# Issue 16 item 11: a connection string starting with - is not a psql option. The server is
# the default one here (PG* variables), so psql taking it for options would run the shell.
mkdir "$T/dash"
st=0
(cd "$T/dash" && PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres \
	bash "$P/load-postgres.sh" "$o" '-c\! touch INJECTED') >"$T/dash.log" 2>&1 || st=$?
check pipeline/load-postgres-dash-conninfo "status $st, $(find "$T/dash" -name INJECTED) $(grep -o loaded "$T/dash.log")" \
	sh -c '[ "$1" -eq 3 ] && [ ! -e "$2/INJECTED" ] && ! grep -q loaded "$3"' - "$st" "$T/dash" "$T/dash.log"
got=$(q "SELECT count(*) FROM annotations WHERE kind = 'ent' AND type = 'LOC'")
check pipeline/load-postgres-count "$got LOC mentions in PostgreSQL, $want_loc in the TSV" [ "$got" = "$want_loc" ]
got=$(q "SELECT count(*) FROM annotations")
check pipeline/load-postgres-rows "$got rows (loaded twice) in PostgreSQL, $want_rows in the TSV" [ "$got" = "$want_rows" ]
got=$(q "SELECT sum(mentions) FROM entities WHERE type = 'ORG'")
check pipeline/load-postgres-sum "$got ORG mentions, $want_org in entities.tsv" [ "$got" = "$want_org" ]
got=$(q "$seg_query")
check pipeline/load-postgres-text "a segment's text came back changed: $got" [ "$got" = "$want_text" ]
got=$(q "SELECT count(*) FROM annotations WHERE kind = 'seg' AND text LIKE '空字符' || chr(65533) || '在这里%'")
check pipeline/load-postgres-nul "the segment with a NUL did not arrive as U+FFFD ($got rows)" [ "$got" = 1 ]
