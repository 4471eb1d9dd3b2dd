#!/bin/sh
# Tests as data: every folder tests/cases/PROGRAM/CASE/ holds
#   cmd     one shell command line, run in a scratch folder with the programs on PATH and
#           $CASE set to the case folder (input files are read from there)
#   stdin   optional standard input (otherwise /dev/null)
#   stdout  expected standard output, byte for byte
#   stderr  optional expected standard error (otherwise not compared)
#   status  optional expected exit status (default 0)
# A new case is a new folder; no code changes.
set -u
top=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
BIN=${BIN:-$top/bin}
PATH=$BIN:$PATH; export PATH
scratch=$(mktemp -d "${TMPDIR:-/tmp}/cases.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
for dir in "$top"/tests/cases/*/*/; do
	[ -f "$dir/cmd" ] || continue
	dir=${dir%/}
	name=cases/${dir#"$top"/tests/cases/}
	prog=${name#cases/}; prog=${prog%%/*}
	if [ ! -x "$BIN/$prog" ]; then echo "skip $name: $prog is not built"; continue; fi
	in=/dev/null; [ -f "$dir/stdin" ] && in=$dir/stdin
	want_status=0; [ -f "$dir/status" ] && want_status=$(cat "$dir/status")
	rm -rf "$scratch/w"; mkdir "$scratch/w"
	(cd "$scratch/w" && CASE=$dir sh -c "$(cat "$dir/cmd")" <"$in" >"$scratch/out" 2>"$scratch/err")
	status=$?
	why=""
	if [ "$status" != "$want_status" ]; then why="status $status, expected $want_status"
	elif ! cmp -s "$scratch/out" "$dir/stdout"; then why="stdout differs: $(diff "$dir/stdout" "$scratch/out" | head -n 6 | tr '\n' '|')"
	elif [ -f "$dir/stderr" ] && ! cmp -s "$scratch/err" "$dir/stderr"; then why="stderr differs: $(diff "$dir/stderr" "$scratch/err" | head -n 4 | tr '\n' '|')"
	fi
	if [ -z "$why" ]; then echo "ok $name"; else echo "FAIL $name: $why"; fi
done
