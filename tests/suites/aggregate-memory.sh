#!/bin/sh
# aggregate: memory stays flat. --sorted keeps a constant peak RSS however many rows and
# groups go by; hash mode grows with the groups, not the rows; a long line costs a few
# times its length, not more. Peak RSS from GNU time (skipped without it).
set -u
BIN=${BIN:-bin}
A=$BIN/aggregate
if [ ! -x "$A" ]; then echo "skip suites/aggregate-memory: aggregate is not built"; exit 0; fi
if ! /usr/bin/time -f %M true >/dev/null 2>&1; then echo "skip suites/aggregate-memory: no GNU time"; exit 0; fi
# A sanitizer build's memory says nothing about the program's.
if grep -q -e __asan_init -e __tsan_init "$A" 2>/dev/null; then
	echo "skip suites/aggregate-memory: built with a sanitizer"; exit 0
fi
w=$(mktemp -d "${TMPDIR:-/tmp}/aggmem.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
fails=0

rows() {   # rows N GROUPS: N rows, keys in runs (grouped), values with decimals
	awk -v n="$1" -v g="$2" 'BEGIN { print "k\tv"; per = int(n / g); for (i = 0; i < n; i++) printf "key%07d\t%d.%02d\n", int(i / per), i % 1000, i % 100 }'
}

# rss_under NAME LIMIT_KB COMMAND...: run with stdin from $w/in, check status 0 and peak RSS
rss_under() {
	name=$1 limit=$2; shift 2
	if ! /usr/bin/time -o "$w/time" -f %M "$@" < "$w/in" > "$w/out" 2> "$w/err"; then
		echo "FAIL $name: exit status $(tail -n 1 "$w/time"): $(head -c 200 "$w/err")"; fails=$((fails + 1)); return
	fi
	rss=$(tail -n 1 "$w/time")
	if [ "$rss" -le "$limit" ]; then echo "ok $name ($rss KB)"
	else echo "FAIL $name: peak RSS $rss KB, over $limit KB"; fails=$((fails + 1)); fi
}

rows 20000 10 > "$w/in"
rss_under "--sorted, 20000 rows" 4096 "$A" --sorted -g k count sum:v mean:v
small=$rss
rows 2000000 200000 > "$w/in"
rss_under "--sorted, 2000000 rows in 200000 groups: as flat as 20000 rows" $((small + 512)) "$A" --sorted -g k count sum:v mean:v
[ "$(wc -l < "$w/out")" -eq 200001 ] || { echo "FAIL --sorted output: $(wc -l < "$w/out") lines"; fails=$((fails + 1)); }

rows 2000000 10 > "$w/in"
rss_under "hash mode, 2000000 rows in 10 groups" 32768 "$A" -g k count sum:v mean:v min:v max:v

{ printf 'k\tt\n'; printf 'a\t'; head -c 20000000 /dev/zero | tr '\0' x; printf '\n'; rows 1000 10 | tail -n +2; } > "$w/in"
rss_under "a 20 MB line, hash mode" 110000 "$A" -g k count
rss_under "a 20 MB line, --sorted" 70000 "$A" --sorted -g k count

# --memory: groups past the limit go to sorted runs on disk, merged at the end: the same
# bytes as without a limit, for every kind of state, one key or two, results or partials,
# in a fraction of the memory (300000 groups in scrambled order, two values each)
awk 'BEGIN { print "k\tj\tv"; for (i = 0; i < 600000; i++) { k = (i * 7919) % 300000; printf "城市%d\t%d\t%d.%d\n", k, k % 3, i % 1000, i % 7 } }' > "$w/in"
ops="count countunique:v median:v first:v last:v sum:v mean:v min:v max:v top:v:1"
# shellcheck disable=SC2086
rss_under "hash mode, 300000 groups with bags, no limit" 1000000 "$A" --threads=1 -g k,j $ops
cp "$w/out" "$w/whole"; whole=$rss
# shellcheck disable=SC2086
rss_under "--memory 8M, 300000 groups with bags" 40000 "$A" --memory 8M -g k,j $ops
if ! cmp -s "$w/out" "$w/whole"; then echo "FAIL --memory 8M: output differs from the run without a limit"; fails=$((fails + 1))
elif [ "$rss" -ge $((whole / 2)) ]; then echo "FAIL --memory 8M: $rss KB is not much under $whole KB"; fails=$((fails + 1))
else echo "ok --memory 8M: the same output as without a limit ($whole KB)"; fi
# shellcheck disable=SC2086
"$A" --partial -g k $ops < "$w/in" > "$w/p1"; "$A" --partial --memory 4M -g k $ops < "$w/in" > "$w/p2"
if cmp -s "$w/p1" "$w/p2"; then echo "ok --memory 4M --partial, one key: the same partial"
else echo "FAIL --memory 4M --partial: partial differs from the run without a limit"; fails=$((fails + 1)); fi
# the operations that keep a column's distinct values keep one bag between them (not with
# --skip-bad, where median's bag and countunique's may differ): the same bytes, less memory
ops="countunique:v median:v top:v:1 quantile:v:0.9 unique:v:2 mode:v"
# shellcheck disable=SC2086
rss_under "six bag operations on one column, shared" 1000000 "$A" --threads=1 -g k,j $ops
cp "$w/out" "$w/shared"; shared=$rss
# shellcheck disable=SC2086
rss_under "six bag operations on one column, --skip-bad (one bag each)" 4000000 "$A" --threads=1 --skip-bad -g k,j $ops
if ! cmp -s "$w/out" "$w/shared"; then echo "FAIL shared bags: output differs from one bag each"; fails=$((fails + 1))
elif [ $((shared * 3)) -ge "$rss" ]; then echo "FAIL shared bags: $shared KB is not under a third of $rss KB"; fails=$((fails + 1))
else echo "ok shared bags: the same output in $shared KB instead of $rss KB"; fi
if "$A" --memory 8M --order=first -g k count < "$w/in" > /dev/null 2>&1 || [ $? -ne 2 ]; then
	echo "FAIL --memory with --order=first: not a usage error"; fails=$((fails + 1))
else echo "ok --memory with --order=first is a usage error"; fi

[ "$fails" -eq 0 ]
