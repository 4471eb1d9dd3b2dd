#!/bin/sh
# A user dictionary of one million entries loads in well under a second (the time is
# reported; the check only guards against a list scan), and its entries are found.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
name=entities-dict
if [ ! -x "$BIN/tag-entities" ]; then echo "skip $name: tag-entities is not built"; exit 0; fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entd.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# one million distinct company names: 公司 + a six-character code from 64 ideographs
# (LC_ALL=C: substr in bytes, three to an ideograph, whichever awk and locale)
LC_ALL=C awk 'BEGIN {
	s = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河海风云雷电春夏秋冬东南西北上中下左右前后天地日月星光明亮红黄蓝绿青紫黑白"
	for (i = 0; i < 1000000; i++) {
		v = i; k = ""
		for (j = 0; j < 6; j++) { c = v % 64; v = int(v / 64); k = k substr(s, 3 * c + 1, 3) }
		printf "%s公司\tORG\t%d\n", k, i
	}
}' > "$tmp/big.tsv" 2>/dev/null
lines=$(wc -l < "$tmp/big.tsv")
if [ "$lines" -ne 1000000 ]; then echo "skip $name: awk could not build the dictionary ($lines lines)"; exit 0; fi
last=$(tail -n 1 "$tmp/big.tsv" | cut -f1)
printf '今天%s开业。\n' "$last" > "$tmp/in.txt"
start=$(date +%s.%N 2>/dev/null || date +%s)
"$BIN/tag-entities" --lines --only --no-builtin --dict "$tmp/big.tsv" "$tmp/in.txt" > "$tmp/out.tsv"
rc=$?
end=$(date +%s.%N 2>/dev/null || date +%s)
secs=$(echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }')
echo "# 1,000,000-entry --dict: loaded and applied in $secs s"
if [ $rc -ne 0 ]; then echo "FAIL $name: exit status $rc"
elif ! grep -q "	ORG	2	10	$last	999999" "$tmp/out.tsv"; then echo "FAIL $name: the last entry was not found: $(tail -n 1 "$tmp/out.tsv")"
elif awk -v s="$secs" 'BEGIN { exit !(s < 10) }'; then echo "ok $name: 1M entries in $secs s"
else echo "FAIL $name: 1M entries took $secs s"; fi
