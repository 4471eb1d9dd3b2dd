#!/bin/sh
# aggregate on the hand-labelled gold tables of ../shared/gold, read in place (skipped when
# ../shared is absent). Each tests/cases/aggregate/gold-*/ folder holds cmd.gold (run with
# $GOLD set to the gold folder) and the stdout it must print, cross-checked with awk when
# written; it has no cmd, so tests/run-cases.sh leaves it to this suite.
set -u
BIN=${BIN:-bin}; TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
case $BIN in /*) ;; *) BIN=$TOP/$BIN ;; esac
GOLD=${SHARED:-$TOP/../shared}/gold; export GOLD
if [ ! -x "$BIN/aggregate" ]; then echo "skip suites/aggregate-gold: aggregate is not built"; exit 0; fi
if [ ! -s "$GOLD/numbers.tsv" ] || [ ! -s "$GOLD/entities.tsv" ]; then
	echo "skip suites/aggregate-gold: ../shared/gold is absent"; exit 0
fi
PATH=$BIN:$PATH; export PATH
out=$(mktemp "${TMPDIR:-/tmp}/agggold.XXXXXX")
trap 'rm -f "$out"' EXIT INT TERM
for dir in "$TOP"/tests/cases/aggregate/gold-*/; do
	dir=${dir%/}; name=aggregate-gold/${dir##*/}
	if ! sh -c "$(cat "$dir/cmd.gold")" > "$out" 2>&1; then
		echo "FAIL $name: exit status $?: $(head -c 200 "$out")"
	elif ! cmp -s "$out" "$dir/stdout"; then
		echo "FAIL $name: stdout differs: $(diff "$dir/stdout" "$out" | head -n 4 | tr '\n' '|')"
	else
		echo "ok $name"
	fi
done
