#!/bin/sh
# segment on the sample pages against the hand-checked gold (../shared/gold/sentences.tsv read in place, and
# the team's tests/gold/sentences-dev.tsv for the other two pages):
# segment F1 >= 0.97 (texts after NFKC, white space removed), type agreement >= 95% of
# matched segments, and every paragraph the page layout broke comes out rejoined.
set -u
: "${BIN:?}" "${TOP:?}"
name=segment-quality
if ! command -v python3 >/dev/null 2>&1; then echo "skip $name: python3 not installed"; exit 0; fi
out=$(mktemp "${TMPDIR:-/tmp}/segq.XXXXXX")
trap 'rm -f "$out"' EXIT INT TERM
if ! "$BIN/segment" "$TOP"/data/sample/*.txt > "$out"; then
	echo "FAIL $name: segment exited with status $?"; exit 0
fi
score() {   # score NAME GOLD: the issue's thresholds against one gold file
	if report=$(python3 "$TOP/tests/lib/score_segments.py" "$out" "$2" \
		"$TOP/data/sample" --min-f1 0.97 --min-type 0.95 --show 10); then
		echo "ok $1: $(printf '%s' "$report" | tr '\n' ';')"
	else
		echo "FAIL $1: $(printf '%s' "$report" | tr '\n' ';')"
	fi
}
if [ -f "$TOP/../shared/gold/sentences.tsv" ]; then
	score "$name" "$TOP/../shared/gold/sentences.tsv"
else
	echo "skip $name: ../shared/gold (the hand-checked gold, read in place) is absent"
fi
# Pages 003 and 004, annotated by the team (tests/gold/README-dev.md): the same thresholds.
if [ -f "$TOP/tests/gold/sentences-dev.tsv" ]; then
	score "$name/dev-gold" "$TOP/tests/gold/sentences-dev.tsv"
else
	echo "skip $name/dev-gold: tests/gold/sentences-dev.tsv is absent"
fi
