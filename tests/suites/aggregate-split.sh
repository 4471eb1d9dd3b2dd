#!/bin/sh
# aggregate: a regular file of 4 MiB or more is read as two halves by two threads and the
# halves' groups merged; the output must be byte for byte that of one thread, for every
# operation and both orders, and a half that meets a bad line or value must leave the
# messages, the status and the output of a plain run (the file is then read whole).
set -u
BIN=${BIN:-bin}
A=$BIN/aggregate
if [ ! -x "$A" ]; then echo "skip suites/aggregate-split: aggregate is not built"; exit 0; fi
w=$(mktemp -d "${TMPDIR:-/tmp}/aggsplit.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$w"' EXIT INT TERM
# 260000 rows (about 5 MiB): keys that repeat across the halves, keys seen in one half only,
# integers, decimals, long numbers, empty values, text
awk 'BEGIN {
	OFS = "\t"; print "k", "v", "t"; x = 99
	for (i = 0; i < 260000; i++) {
		x = (x * 69069 + 1) % 4294967296; r = int(x / 256)
		k = (i < 130000 || r % 4) ? "城市" (r % 3000) : "half2-" (r % 500) "\\t"
		if (r % 13 == 0) v = ""
		else if (r % 11 == 0) v = "-" (r % 1000) "." sprintf("%03d", r % 1000)
		else if (r % 97 == 0) v = (r % 89) "12345678901234567890.5"
		else v = r % 100000
		print k, v, "w" (r % 37)
	}
}' > "$w/in.tsv"
[ "$(wc -c < "$w/in.tsv")" -gt 4194304 ] || echo "FAIL aggregate-split: the input is under 4 MiB, nothing is split"
ops="count count:v sum:v mean:v min:v max:v median:v quantile:v:0.9 countunique:t mode:t top:t:3 unique:t:5 first:t last:t first:v last:v"
for order in key first; do
	name="aggregate-split/all-ops-order-$order"
	# shellcheck disable=SC2086
	"$A" --threads=1 --order=$order -g k $ops "$w/in.tsv" > "$w/one" 2> "$w/one.err"; s1=$?
	# shellcheck disable=SC2086
	"$A" --threads=2 --order=$order -g k $ops "$w/in.tsv" > "$w/two" 2> "$w/two.err"; s2=$?
	if [ $s1 -ne 0 ] || [ $s2 -ne 0 ]; then echo "FAIL $name: status $s1 and $s2"
	elif ! cmp -s "$w/one" "$w/two"; then echo "FAIL $name: output differs from one thread's"
	else echo "ok $name ($(wc -l < "$w/one") lines)"; fi
done
name="aggregate-split/no-group"
"$A" --threads=1 count sum:v mean:v "$w/in.tsv" > "$w/one"; "$A" --threads=2 count sum:v mean:v "$w/in.tsv" > "$w/two"
if cmp -s "$w/one" "$w/two"; then echo "ok $name"; else echo "FAIL $name: output differs from one thread's"; fi

# troubles in the second half: a bad number, a short row, invalid UTF-8, each with its line
bad() {   # bad NAME LINE REPLACEMENT EXTRA-OPTION...
	name=aggregate-split/$1; line=$2; rep=$3; shift 3
	awk -v n="$line" -v rep="$rep" 'NR == n { print rep; next } { print }' "$w/in.tsv" > "$w/bad.tsv"
	"$A" --threads=1 "$@" -g k sum:v "$w/bad.tsv" > "$w/one" 2> "$w/one.err"; s1=$?
	"$A" --threads=2 "$@" -g k sum:v "$w/bad.tsv" > "$w/two" 2> "$w/two.err"; s2=$?
	if [ $s1 -ne 1 ] || [ $s2 -ne 1 ]; then echo "FAIL $name: status $s1 and $s2, expected 1"
	elif ! cmp -s "$w/one" "$w/two" || ! cmp -s "$w/one.err" "$w/two.err"; then
		echo "FAIL $name: output or messages differ from one thread's: $(head -c 200 "$w/two.err")"
	elif ! grep -q ":$line: " "$w/two.err"; then echo "FAIL $name: no message for line $line: $(head -c 200 "$w/two.err")"
	else echo "ok $name"; fi
}
bad bad-number 200001 "城市7	12x	w1"
bad bad-number-skip 200001 "城市7	12x	w1" --skip-bad
bad short-row 250000 "城市7"
bad invalid-utf8 180000 "$(printf '\377\376\t5\tw')"
