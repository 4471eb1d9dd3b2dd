#!/bin/sh
# Values of extract-numbers on the numeral, money and measure cases of cn2an, duckling and
# JioNLP ($TOP/../shared/external): at least 75% must come out with the expected value
# (the rest are mostly other policies: durations in minutes, weights in grams, 两对 = 4).
# The failures are listed.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
name=numbers-numerals
ext=$TOP/../shared/external
if [ ! -f "$ext/cn2an/cases.tsv" ] || [ ! -f "$ext/duckling/cases.tsv" ] || [ ! -f "$ext/jionlp/cases.tsv" ]; then
	echo "skip $name: $ext/{cn2an,duckling,jionlp} is absent (external test material)"; exit 0
fi
if [ ! -x "$BIN/extract-numbers" ]; then echo "skip $name: extract-numbers is not built"; exit 0; fi
if ! command -v python3 >/dev/null 2>&1; then echo "skip $name: python3 is needed"; exit 0; fi
out=$(python3 "$TOP/tests/lib/numeral_cases.py" "$BIN" "$ext" 0.75)
rc=$?
printf '%s\n' "$out" | grep '^# not passed'
summary=$(printf '%s\n' "$out" | tail -n 1 | sed 's/^# //')
if [ $rc -eq 0 ]; then echo "ok $name: $summary"; else echo "FAIL $name: $summary (below 75%)"; fi
