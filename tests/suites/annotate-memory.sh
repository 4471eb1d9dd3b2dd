#!/bin/sh
# Bounded memory in --lines mode: 30 MB of news text on one line, read from a pipe under a
# 128 MB address-space limit (skipped under AddressSanitizer, which reserves far more). The
# line is cut into segments of about 1 MB at sentence ends, so every mention is still found:
# each of the 285,714 sentences has one DATE, one LOC, two ORG and one measure.
set -u
: "${BIN:?}"
name=annotate-memory
if grep -q __asan_init "$BIN/extract-numbers" 2>/dev/null; then
	echo "skip $name: built with AddressSanitizer (address-space limit not meaningful)"; exit 0
fi
# shellcheck disable=SC3045
if ! (ulimit -v 131072) 2>/dev/null; then
	echo "skip $name: this shell cannot limit the address space (ulimit -v)"; exit 0
fi
s='新华社北京12月3日电 国家统计局今天发布数据，全国粮食总产量达到13657亿斤。'   # 105 bytes
check() {   # check PROGRAM WANT: counts of the row types it adds, under the limit
	# shellcheck disable=SC3045
	got=$( (ulimit -v 131072; awk -v s="$s" 'BEGIN { for (i = 0; i < 285714; i++) printf "%s", s }' |
		"$BIN/$1" --lines 2>&1) | LC_ALL=C awk -F'\t' 'NR > 1 { n[$3 ($3 == "seg" ? "" : "-" $4)]++ }
		END { printf "seg=%d DATE=%d LOC=%d ORG=%d measure=%d", n["seg"], n["ent-DATE"], n["ent-LOC"], n["ent-ORG"], n["num-measure"] }')
	case $got in
		$2) echo "ok $name/$1: one 30 MB line in 128 MB: $got" ;;
		*) echo "FAIL $name/$1: got $got, expected $2" ;;
	esac
}
check extract-numbers 'seg=29 DATE=0 LOC=0 ORG=0 measure=285714'
check tag-entities 'seg=29 DATE=285714 LOC=285714 ORG=571428 measure=0'
