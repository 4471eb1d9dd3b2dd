#!/bin/sh
# shellcheck disable=SC2016,SC1003
# (SC2016: the sh -c scripts in single quotes get their values as arguments; SC1003: backslashes in single quotes are meant.)
# docs/RECIPES.md: each recipe, taken from the page itself (the fenced block after its
# <!-- recipe: NAME --> line), run on a real stream whose texts hold what readers get
# wrong: a sentence starting with a quote and holding a TAB, backslashes, a NUL, a file
# name with a newline and a CR, and the amount 104590460217306344.66元. After each recipe a
# check written in the tool's own terms prints every seg row's doc and text escaped again
# as the stream does (so any byte changed shows), then the amount as the tool holds it and
# its decimal sum; both must be 104590460217306344.66. A tool that is not installed is a skip.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
case $BIN in /*) ;; *) BIN=$TOP/$BIN ;; esac
doc=$TOP/docs/RECIPES.md
T=$(mktemp -d "${TMPDIR:-/tmp}/recipes.XXXXXX")
# shellcheck disable=SC2317 # called by the trap; redefined once a server runs
stop_pg() { :; }
trap 'stop_pg; rm -rf "$T"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
ok() { printf 'ok %s\n' "$1"; }
fail() { printf 'FAIL %s: %s\n' "$1" "$2"; }
skip() { printf 'skip %s: %s\n' "$1" "$2"; }

for p in segment tag-entities extract-numbers; do
	[ -x "$BIN/$p" ] || { skip recipes "$p is not built"; exit 0; }
done
# The stream, from the real programs.
mkdir "$T/in"
name=$(printf '新闻\n第1篇\r.txt')
printf '"引号开头"的句子\t后面是制表符，路径是C:\\\\新闻\\\\2019，空字符\000在这里。共投入104590460217306344.66元。\n' >"$T/in/$name"
(cd "$T/in" && "$BIN/segment" -- * | "$BIN/tag-entities" | "$BIN/extract-numbers") >"$T/annotations.tsv" 2>"$T/log" ||
	{ fail recipes-setup "the programs failed: $(tail -n 2 "$T/log" | tr '\n' '|')"; exit 0; }
# What every check must print: doc and text of the seg rows as in the stream, \0 read as
# U+FFFD (the recipes' rule for NUL), then the amount twice.
awk -F '\t' 'NR > 1 && $3 == "seg" { print $1 "\t" $7 }' "$T/annotations.tsv" |
	sed -e ':a' -e 's/\(^\|[^\\]\)\(\(\\\\\)*\)\\0/\1\2\xef\xbf\xbd/' -e 'ta' >"$T/want"
printf '104590460217306344.66\n104590460217306344.66\n' >>"$T/want"
# The stream must hold what the test is about, or the test proves nothing.
if ! grep -q '^[^	]*\\n[^	]*\\r' "$T/want" || ! grep -q '	"引号开头"的句子\\t' "$T/want" ||
	! grep -q -F "$(printf '\\\\')" "$T/want" || ! grep -q "$(printf '\357\277\275')" "$T/want"; then
	fail recipes-setup "the stream lacks a \\n, \\r, \\t, \\\\ or \\0: $(tr '\n' '|' <"$T/want")"
	exit 0
fi

# recipe NAME FILE: the recipe's code block into FILE; 1 when the page has no such recipe.
recipe() {
	awk -v want="<!-- recipe: $1 -->" '
		$0 == want { found = 1; next }
		found == 1 && /^```/ { found = 2; next }
		found == 2 && /^```/ { exit }
		found == 2 { print }
		END { exit found != 2 }' "$doc" >"$2"
}
# compare NAME: the check's output (T/NAME.got) against T/want.
compare() {
	if [ ! -s "$T/$1.got" ]; then
		fail "recipes/$1" "no output: $(tail -n 3 "$T/$1.log" | tr '\n' '|')"
	elif cmp -s "$T/want" "$T/$1.got"; then
		ok "recipes/$1"
	else
		fail "recipes/$1" "$(diff "$T/want" "$T/$1.got" | head -n 6 | tr '\n' '|')"
	fi
}
# run_in NAME COMMAND...: run in a fresh folder holding annotations.tsv, output to NAME.got.
run_in() {
	n=$1
	shift
	rm -rf "$T/w"
	mkdir "$T/w"
	cp "$T/annotations.tsv" "$T/w/"
	(cd "$T/w" && "$@") >"$T/$n.got" 2>"$T/$n.log"
}

# pandas: Debian's python3-pandas is for /usr/bin/python3; another python3 first on PATH
# may lack it.
py=""
for c in python3 /usr/bin/python3; do
	if command -v "$c" >/dev/null && "$c" -c 'import pandas' 2>/dev/null; then py=$c; break; fi
done
if [ -z "$py" ]; then
	skip recipes/pandas "pandas is not installed (Debian: apt-get install python3-pandas)"
elif ! recipe pandas "$T/recipe_pandas.py"; then
	fail recipes/pandas "no pandas recipe in docs/RECIPES.md"
else
	cat >>"$T/recipe_pandas.py" <<'EOF'


def escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


for d, t in rows.loc[rows["kind"] == "seg", ["doc", "text"]].itertuples(index=False):
    print(escape(d) + "\t" + escape(t))
print(numbers.loc[numbers["type"] == "money", "value"].iloc[0])
print(money.sum())
EOF
	run_in pandas "$py" "$T/recipe_pandas.py"
	compare pandas
fi

# DuckDB, through its Node.js package from npm (there is no Debian package).
if ! command -v node >/dev/null; then
	skip recipes/duckdb "node is not installed (Debian: apt-get install nodejs)"
elif ! NODE_PATH=${NODE_PATH:-$(npm root -g 2>/dev/null)} node -e 'require("@duckdb/node-api")' 2>/dev/null; then
	skip recipes/duckdb "@duckdb/node-api is not installed (npm install -g @duckdb/node-api)"
elif ! recipe duckdb "$T/duckdb.sql"; then
	fail recipes/duckdb "no duckdb recipe in docs/RECIPES.md"
else
	cat >"$T/check.sql" <<'EOF'
SELECT line FROM (
  SELECT 1 AS k, seg AS o, replace(replace(replace(replace(doc, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r')
         || chr(9) || replace(replace(replace(replace(text, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r') AS line
  FROM annotations WHERE kind = 'seg'
  UNION ALL SELECT 2, 0, value FROM annotations WHERE kind = 'num' AND type = 'money'
  UNION ALL SELECT 3, 0, rtrim(rtrim(CAST(total AS VARCHAR), '0'), '.') FROM money
) ORDER BY k, o
EOF
	cat >"$T/duckdb.cjs" <<'EOF'
const { DuckDBInstance } = require("@duckdb/node-api");
const fs = require("fs");
(async () => {
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  await db.run(fs.readFileSync(process.argv[2], "utf8"));
  const r = await db.runAndReadAll(fs.readFileSync(process.argv[3], "utf8"));
  for (const row of r.getRows()) console.log(String(row[0]));
})().catch((e) => { console.error(String(e)); process.exit(1); });
EOF
	NODE_PATH=${NODE_PATH:-$(npm root -g)} run_in duckdb node "$T/duckdb.cjs" "$T/duckdb.sql" "$T/check.sql"
	compare duckdb
fi

# Miller: the recipe writes annotations.jsonl; Miller itself reads it back.
if ! command -v mlr >/dev/null; then
	skip recipes/miller "mlr is not installed (Debian: apt-get install miller)"
elif ! recipe miller "$T/miller.sh"; then
	fail recipes/miller "no miller recipe in docs/RECIPES.md"
else
	cat >>"$T/miller.sh" <<'EOF'
mlr -S --ijsonl --otsv --headerless-tsv-output filter '$kind == "seg"' then cut -o -f doc,text annotations.jsonl
mlr -S --ijsonl --ojson filter '$kind == "num" && $type == "money"' then cut -f value annotations.jsonl |
  sed -n 's/^ *"value": "\(.*\)"$/\1/p'
mlr -S --ijsonl --otsv --headerless-tsv-output filter '$kind == "num" && $type == "money"' then cut -f value annotations.jsonl
EOF
	run_in miller sh "$T/miller.sh"
	compare miller
fi

# SQLite.
if ! command -v sqlite3 >/dev/null; then
	skip recipes/sqlite "sqlite3 is not installed (Debian: apt-get install sqlite3)"
elif ! recipe sqlite "$T/sqlite.sh"; then
	fail recipes/sqlite "no sqlite recipe in docs/RECIPES.md"
else
	cat >>"$T/sqlite.sh" <<'EOF'
sqlite3 news.db <<'SQL'
SELECT replace(replace(replace(replace(doc, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r')
  || char(9) || replace(replace(replace(replace(text, '\', '\\'), char(9), '\t'), char(10), '\n'), char(13), '\r')
  FROM annotations WHERE kind = 'seg' ORDER BY seg;
SELECT value FROM annotations WHERE kind = 'num' AND type = 'money';
SELECT total FROM money;
SQL
EOF
	run_in sqlite sh "$T/sqlite.sh"
	compare sqlite
fi

# PostgreSQL: a private server on the loopback address, as in pipeline-load.sh.
as=""
if [ "$(id -u)" -eq 0 ]; then
	if id postgres >/dev/null 2>&1 && command -v runuser >/dev/null; then as="runuser -u postgres --"; else as=none; fi
fi
if ! command -v initdb >/dev/null || ! command -v pg_ctl >/dev/null || ! command -v psql >/dev/null || [ "$as" = none ]; then
	skip recipes/postgres "no PostgreSQL server programs (Debian: apt-get install postgresql)"
	exit 0
fi
if ! recipe postgres "$T/postgres.sql"; then
	fail recipes/postgres "no postgres recipe in docs/RECIPES.md"
	exit 0
fi
pg=$T/pg
mkdir "$pg"
[ -z "$as" ] || { chmod 711 "$T" && chown postgres "$pg"; }
port=$((40000 + ($$ + 7919) % 20000))
stop_pg() { $as pg_ctl -D "$pg/data" -m immediate stop >/dev/null 2>&1; }
if ! $as initdb -D "$pg/data" -A trust -U postgres >"$T/initdb.log" 2>&1 ||
	! $as pg_ctl -D "$pg/data" -l "$pg/log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $pg" start >/dev/null 2>&1; then
	skip recipes/postgres "could not start a private server: $(tail -n 1 "$T/initdb.log")"
	exit 0
fi
cat >>"$T/postgres.sql" <<'EOF'
\pset format unaligned
\pset tuples_only on
SELECT replace(replace(replace(replace(doc, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r')
  || chr(9) || replace(replace(replace(replace(text, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r')
  FROM annotations WHERE kind = 'seg' ORDER BY seg;
SELECT value FROM annotations WHERE kind = 'num' AND type = 'money';
SELECT total FROM money;
EOF
run_in postgres psql -X -q -v ON_ERROR_STOP=1 -d "host=127.0.0.1 port=$port user=postgres dbname=postgres" -f "$T/postgres.sql"
compare postgres
