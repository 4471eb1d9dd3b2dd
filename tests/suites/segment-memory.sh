#!/bin/sh
# Bounded memory: 60 MB of text with no newline at all, read from a pipe under a 64 MB
# address-space limit (skipped under AddressSanitizer, which reserves far more). The run
# must finish and cut the text into segments of exactly --max-chars code points (Chinese
# without punctuation) or at spaces (Latin words). Not timed: speed and RSS are reported by
# bench/, not asserted here.
set -u
: "${BIN:?}"
name=segment-memory
seg=$BIN/segment
if grep -q __asan_init "$seg" 2>/dev/null; then
	echo "skip $name: built with AddressSanitizer (address-space limit not meaningful)"; exit 0
fi
# The limit needs ulimit -v, which dash, bash and busybox sh have but POSIX does not name.
# shellcheck disable=SC3045
if ! (ulimit -v 65536) 2>/dev/null; then
	echo "skip $name: this shell cannot limit the address space (ulimit -v)"; exit 0
fi
# 一二三四五六七八九十 is 30 bytes, 10 code points: 20,000,000 code points in all.
# shellcheck disable=SC3045
rows=$( (ulimit -v 65536; yes '一二三四五六七八九十' | tr -d '\n' | head -c 60000000 | "$seg") |
	LC_ALL=C awk -F'\t' 'NR > 1 { n++; if (length($7) != 6000) bad++ } END { print n + 0, bad + 0 }')
if [ "$rows" = "10000 0" ]; then
	echo "ok $name/han-no-newline: 10000 segments of 2000 code points"
else
	echo "FAIL $name/han-no-newline: got (segments, wrong lengths) = $rows, expected 10000 0"
fi
# shellcheck disable=SC3045
res=$( (ulimit -v 65536; yes 'alpha beta gamma delta' | tr '\n' ' ' | head -c 60000000 | "$seg" --max-chars=100) |
	LC_ALL=C awk -F'\t' 'NR > 1 { n++; if (length($7) > 100 || $7 ~ /^ | $/) bad++ } END { print n + 0, bad + 0 }')
case $res in
	"0 "*|*" "[1-9]*) echo "FAIL $name/latin-no-newline: got (segments, bad) = $res" ;;
	*) echo "ok $name/latin-no-newline: $res (segments, bad)" ;;
esac
