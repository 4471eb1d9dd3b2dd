#!/bin/sh
# DATE values of tag-entities against the Gregorian, number-written cases of Microsoft
# Recognizers-Text (in ../shared/external, absent in a user's clone): 90% must agree.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
dir=$TOP/../shared/external/recognizers-text/tsv
for f in DateTime_DateTimeModel DateTime_DateExtractor; do
	name=entities-datetime/$f
	if [ ! -f "$dir/$f.tsv" ]; then echo "skip $name: $dir/$f.tsv is absent"; continue; fi
	if ! command -v python3 >/dev/null 2>&1; then echo "skip $name: python3 is not installed"; continue; fi
	if [ ! -x "$BIN/tag-entities" ]; then echo "skip $name: tag-entities is not built"; continue; fi
	out=$(python3 "$TOP/tests/lib/score_entities.py" datetime "$dir/$f.tsv" "$BIN/tag-entities")
	rc=$?
	printf '%s\n' "$out"
	if [ $rc -eq 0 ]; then echo "ok $name: $(printf '%s\n' "$out" | tail -n 1 | sed 's/^# //')"
	else echo "FAIL $name: $(printf '%s\n' "$out" | tail -n 1 | sed 's/^# //')"; fi
done
