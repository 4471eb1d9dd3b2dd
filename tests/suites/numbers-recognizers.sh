#!/bin/sh
# Conformance of extract-numbers with the Chinese test specs of Microsoft Recognizers-Text
# ($TOP/../shared/external/recognizers-text): >= 90% of the in-scope cases pass, and every
# case that does not is listed with the reviewed reason from numbers-recognizers.reasons.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
name=numbers-recognizers
tsv=$TOP/../shared/external/recognizers-text/tsv
if [ ! -d "$tsv" ]; then echo "skip $name: $tsv is absent (external test material)"; exit 0; fi
if [ ! -x "$BIN/extract-numbers" ]; then echo "skip $name: extract-numbers is not built"; exit 0; fi
if ! command -v python3 >/dev/null 2>&1; then echo "skip $name: python3 is needed"; exit 0; fi
out=$(python3 "$TOP/tests/lib/recognizers.py" "$BIN" "$tsv" "$TOP/filters/extract-numbers/data/units.tsv" \
	"$TOP/tests/suites/numbers-recognizers.reasons" 0.90)
rc=$?
printf '%s\n' "$out" | grep '^# not passed'
summary=$(printf '%s\n' "$out" | tail -n 1 | sed 's/^# //')
if [ $rc -eq 0 ]; then echo "ok $name: $summary"; else echo "FAIL $name: $summary"; fi
