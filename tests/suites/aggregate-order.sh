#!/bin/sh
# aggregate: groups come out in the order of LC_ALL=C sort on the output's key fields (the
# fields as written, escapes included), for keys of one and of two fields, short and long,
# with tabs, newlines, CRs, backslashes and CJK, few and many (the radix sort's levels and
# its insertion sort for small runs); --order=first keeps the order of first sight.
set -u
BIN=${BIN:-bin}
A=$BIN/aggregate
if [ ! -x "$A" ]; then echo "skip suites/aggregate-order: aggregate is not built"; exit 0; fi
w=$(mktemp -d "${TMPDIR:-/tmp}/aggorder.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
T=$(printf '\t')
gen() {   # gen SEED ROWS: k (escaped as the stream), j, v
	awk -v seed="$1" -v rows="$2" 'BEGIN {
		OFS = "\t"; print "k", "j", "v"
		n = split("a b 0 9 \\t \\n \\r \\\\ 城 市 ~ z A -", piece, " ")
		x = seed
		for (i = 0; i < rows; i++) {
			x = (x * 69069 + 1) % 4294967296; len = int(x / 65536) % 14
			if (x % 5 == 0) len += 20
			k = (x % 3 == 0) ? "城市" : ""
			for (c = 0; c < len; c++) { x = (x * 69069 + 1) % 4294967296; k = k piece[int(x / 65536) % n + 1] }
			x = (x * 69069 + 1) % 4294967296
			print k, piece[int(x / 65536) % n + 1], i % 7
		}
	}'
}
for rows in 30 3000 60000; do
	gen "$rows" "$rows" > "$w/in"
	for g in k k,j; do
		name="aggregate-order/$rows-rows-g-$g"
		"$A" -g "$g" count sum:v < "$w/in" > "$w/out" || { echo "FAIL $name: exit status $?"; continue; }
		keys="-k1,1"; [ "$g" = k,j ] && keys="-k1,1 -k2,2"
		# shellcheck disable=SC2086
		tail -n +2 "$w/out" | LC_ALL=C sort -t "$T" $keys > "$w/want"
		if tail -n +2 "$w/out" | cmp -s - "$w/want"; then echo "ok $name ($(wc -l < "$w/want") groups)"
		else echo "FAIL $name: not in LC_ALL=C sort order: $(tail -n +2 "$w/out" | diff - "$w/want" | head -n 4 | tr '\n' '|')"; fi
	done
done
# --order=first: keys in the order they first occur
gen 7 3000 > "$w/in"
"$A" --order=first -g k count < "$w/in" | tail -n +2 | cut -f1 > "$w/first"
tail -n +2 "$w/in" | cut -f1 | awk '!seen[$0]++' > "$w/want"
if cmp -s "$w/first" "$w/want"; then echo "ok aggregate-order/first"; else echo "FAIL aggregate-order/first: not the order of first sight"; fi
