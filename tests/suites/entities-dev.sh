#!/bin/sh
# tag-entities against the team's development gold for sample pages 003 and 004
# (tests/gold/entities-dev.tsv), which the rules were not written from: a check that they
# generalise. Micro F1 on exact (type, surface) must reach 0.85; per-type figures are printed.
# Input: the real segment | tag-entities pipeline when segment is built, else a stream made
# from the dev gold sentences.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
name=entities-dev
gold=$TOP/tests/gold/entities-dev.tsv
sents=$TOP/tests/gold/sentences-dev.tsv
if ! command -v python3 >/dev/null 2>&1; then echo "skip $name: python3 is not installed"; exit 0; fi
if [ ! -x "$BIN/tag-entities" ]; then echo "skip $name: tag-entities is not built"; exit 0; fi
if [ ! -f "$gold" ]; then echo "skip $name: no $gold"; exit 0; fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entdev.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
docs=$(sed 1d "$gold" | cut -f1 | sort -u)
if [ -x "$BIN/segment" ]; then
	how="segment | tag-entities"
	(cd "$TOP/data/sample" && for d in $docs; do printf '%s.txt\n' "$d"; done | xargs "$BIN/segment") > "$tmp/in.tsv"
elif [ -f "$sents" ]; then
	how="dev gold sentences | tag-entities"
	python3 "$TOP/tests/lib/gold_stream.py" "$sents" > "$tmp/in.tsv"
else
	echo "skip $name: neither segment nor $sents"; exit 0
fi
if ! "$BIN/tag-entities" "$tmp/in.tsv" > "$tmp/out.tsv"; then
	echo "FAIL $name: tag-entities exited with a failure status"; exit 0
fi
echo "# $how, scored on exact (doc, type, surface) against tests/gold/entities-dev.tsv"
if python3 "$TOP/tests/lib/score_entities.py" score "$tmp/out.tsv" "$gold" --min 0.85 \
	> "$tmp/score" 2>&1; then
	sed 's/^/# /' "$tmp/score"
	echo "ok $name: $(grep '^micro' "$tmp/score")"
else
	sed 's/^/# /' "$tmp/score"
	echo "FAIL $name: micro F1 below 0.85: $(grep '^micro' "$tmp/score")"
fi
