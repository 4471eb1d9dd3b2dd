#!/bin/sh
# Generalisation check of extract-numbers on sample pages it was not tuned on (003, 004):
# tests/gold/numbers-dev.tsv was annotated by the team (not the held-back gold), by hand
# against the page text and GUIDELINES.md. Reports F1 on (value, unit) and on surface;
# fails under 0.90. Input: segment | tag-entities | extract-numbers, as in numbers-gold.sh.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
name=numbers-dev
gold=$TOP/tests/gold/numbers-dev.tsv
for p in extract-numbers segment; do
	if [ ! -x "$BIN/$p" ]; then echo "skip $name: $p is not built"; exit 0; fi
done
if ! command -v python3 >/dev/null 2>&1; then echo "skip $name: python3 is needed to score"; exit 0; fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/numdev.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
files=""
for d in $(grep -v '^#' "$gold" | cut -f1 | sed 1d | sort -u); do files="$files $TOP/data/sample/$d.txt"; done
how="segment | extract-numbers"
# shellcheck disable=SC2086
"$BIN/segment" $files > "$tmp/seg.tsv" || { echo "FAIL $name: segment failed"; exit 0; }
if [ -x "$BIN/tag-entities" ]; then
	how="segment | tag-entities | extract-numbers"
	"$BIN/tag-entities" "$tmp/seg.tsv" > "$tmp/ent.tsv" || { echo "FAIL $name: tag-entities failed"; exit 0; }
	mv "$tmp/ent.tsv" "$tmp/seg.tsv"
fi
if ! "$BIN/extract-numbers" "$tmp/seg.tsv" > "$tmp/out.tsv" 2> "$tmp/err"; then
	echo "FAIL $name: extract-numbers failed: $(head -n 3 "$tmp/err" | tr '\n' ' ')"; exit 0
fi
if python3 "$TOP/tests/lib/score_numbers.py" "$tmp/out.tsv" "$gold" 0.90 > "$tmp/score"; then
	echo "ok $name ($how): $(grep '^# F1' "$tmp/score" | sed 's/^# //' | tr '\n' ';')"
else
	echo "FAIL $name ($how): F1 below 0.90"
	cat "$tmp/score"
fi
