#!/bin/sh
# tag-entities against the gold entities of the sample pages: micro F1 over all types on
# exact (type, surface) must reach 0.90; per-type figures are printed. Input: the real
# segment | tag-entities pipeline when segment is built, else a stream made from the gold
# sentences. Also checks the pipeline is deterministic.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
name=entities-quality
GOLD=$TOP/../shared/gold
if [ ! -f "$GOLD/entities.tsv" ]; then echo "skip $name: ../shared/gold (the hand-checked gold, read in place) is absent"; exit 0; fi
if ! command -v python3 >/dev/null 2>&1; then echo "skip $name: python3 is not installed"; exit 0; fi
if [ ! -x "$BIN/tag-entities" ]; then echo "skip $name: tag-entities is not built"; exit 0; fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entq.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
docs=$(cut -f1 "$GOLD/entities.tsv" | sed 1d | sort -u)
if [ -x "$BIN/segment" ]; then
	how="segment | tag-entities"
	(cd "$TOP/data/sample" && for d in $docs; do printf '%s.txt\n' "$d"; done | xargs "$BIN/segment") > "$tmp/in.tsv"
else
	how="gold sentences | tag-entities"
	python3 "$TOP/tests/lib/gold_stream.py" "$GOLD/sentences.tsv" > "$tmp/in.tsv"
fi
"$BIN/tag-entities" "$tmp/in.tsv" > "$tmp/out.tsv" || { echo "FAIL $name: tag-entities exited $?"; exit 0; }
"$BIN/tag-entities" "$tmp/in.tsv" > "$tmp/out2.tsv"
if cmp -s "$tmp/out.tsv" "$tmp/out2.tsv"; then echo "ok $name: deterministic output"
else echo "FAIL $name: two runs differ"; fi
echo "# $how, scored on exact (doc, type, surface) against ../shared/gold/entities.tsv"
if python3 "$TOP/tests/lib/score_entities.py" score "$tmp/out.tsv" "$GOLD/entities.tsv" \
	--min 0.90 > "$tmp/score" 2>&1; then
	sed 's/^/# /' "$tmp/score"
	echo "ok $name: $(grep '^micro' "$tmp/score")"
else
	sed 's/^/# /' "$tmp/score"
	echo "FAIL $name: micro F1 below 0.90: $(grep '^micro' "$tmp/score")"
fi
