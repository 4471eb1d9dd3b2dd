#!/bin/sh
# Quality of extract-numbers on the sample pages against the hand-checked gold
# (../shared/gold/numbers.tsv, read in place): F1 >= 0.95 on (value, unit) and on surface. The input is the
# real `segment [| tag-entities] | extract-numbers` once segment is built (with the entity
# rows when tag-entities is built too); before that, the gold segments.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
name=numbers-gold
GOLD=$TOP/../shared/gold
if [ ! -f "$GOLD/numbers.tsv" ]; then echo "skip $name: ../shared/gold (the hand-checked gold, read in place) is absent"; exit 0; fi
if [ ! -x "$BIN/extract-numbers" ]; then echo "skip $name: extract-numbers is not built"; exit 0; fi
if ! command -v python3 >/dev/null 2>&1; then echo "skip $name: python3 is needed to score"; exit 0; fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/numgold.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
docs=$(cut -f1 "$GOLD/numbers.tsv" | sed 1d | sort -u)
if [ -x "$BIN/segment" ]; then
	how="segment | extract-numbers"
	files=""
	for d in $docs; do files="$files $TOP/data/sample/$d.txt"; done
	# shellcheck disable=SC2086
	"$BIN/segment" $files > "$tmp/seg.tsv" || { echo "FAIL $name: segment failed"; exit 0; }
	if [ -x "$BIN/tag-entities" ]; then
		how="segment | tag-entities | extract-numbers"
		"$BIN/tag-entities" "$tmp/seg.tsv" > "$tmp/ent.tsv" || { echo "FAIL $name: tag-entities failed"; exit 0; }
		mv "$tmp/ent.tsv" "$tmp/seg.tsv"
	fi
else
	how="gold segments | extract-numbers"
	python3 "$TOP/tests/lib/gold_stream.py" "$GOLD/sentences.tsv" > "$tmp/seg.tsv"
fi
if ! "$BIN/extract-numbers" "$tmp/seg.tsv" > "$tmp/out.tsv" 2> "$tmp/err"; then
	echo "FAIL $name: extract-numbers failed: $(head -n 3 "$tmp/err" | tr '\n' ' ')"; exit 0
fi
if python3 "$TOP/tests/lib/score_numbers.py" "$tmp/out.tsv" "$GOLD/numbers.tsv" 0.95 > "$tmp/score"; then
	echo "ok $name ($how): $(grep '^# F1' "$tmp/score" | sed 's/^# //' | tr '\n' ';')"
else
	echo "FAIL $name ($how): F1 below 0.95"
	cat "$tmp/score"
fi
