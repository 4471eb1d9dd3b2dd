#!/bin/sh
# aggregate: merging the partials of any split of an input gives byte for byte the result
# of one run over the whole input, for every operation; --sorted gives the same as the hash
# mode on sorted input. Inputs are generated here (deterministic LCG), so nothing is stored.
set -u
BIN=${BIN:-bin}; TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
A=$BIN/aggregate
if [ ! -x "$A" ]; then echo "skip suites/aggregate-merge: aggregate is not built"; exit 0; fi
w=$(mktemp -d "${TMPDIR:-/tmp}/aggmerge.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
T=$(printf '\t')

# rows: city, n (0..29), v (integers, 2 decimals, negatives, some of 25 digits), word
gen() {   # gen SEED ROWS
	awk -v seed="$1" -v rows="$2" 'BEGIN {
		OFS = "\t"; print "city", "n", "v", "word"
		split("北京 上海 广州 深圳 a\\tb x\\\\y", city, " ")
		split("甲 乙 丙 丁 戊 己", word, " ")
		x = seed
		for (i = 0; i < rows; i++) {
			x = (x * 69069 + 1) % 4294967296; c = city[int(x / 65536) % 6 + 1]
			x = (x * 69069 + 1) % 4294967296; n = int(x / 65536) % 30
			x = (x * 69069 + 1) % 4294967296; r = int(x / 256)
			if (r % 7 == 0) v = "-" (r % 1000) "." sprintf("%02d", r % 100)
			else if (r % 11 == 0) v = (r % 97) "123456789012345678901234." (r % 10)
			else if (r % 3 == 0) v = (r % 100000) / 100
			else v = r % 5000
			x = (x * 69069 + 1) % 4294967296; t = word[int(x / 65536) % 6 + 1]
			print c, n, v, t
		}
	}'
}

# split IN PARTS SEED MODE: cut the body into PARTS files w/part.N, each with the header;
# MODE contiguous keeps input order (first/last must merge in order), scatter deals rows
# out at random.
split_input() {
	rm -f "$w"/part.*
	awk -v parts="$2" -v seed="$3" -v mode="$4" -v dir="$w" '
		NR == 1 { for (p = 1; p <= parts; p++) print > (dir "/part." p); next }
		{ body[NR] = $0; last = NR }
		END {
			x = seed; n = last - 1
			for (p = 1; p < parts; p++) { x = (x * 69069 + 1) % 4294967296; cut[p] = int(x / 65536) % (n + 1) }
			for (p = 1; p < parts; p++) for (q = p + 1; q < parts; q++) if (cut[q] < cut[p]) { t = cut[p]; cut[p] = cut[q]; cut[q] = t }
			cut[0] = 0; cut[parts] = n
			for (p = 1; p <= parts; p++)
				for (i = cut[p - 1] + 2; i <= cut[p] + 1; i++) print body[i] >> (dir "/part." p)
			if (mode == "scatter") {
				for (p = 1; p <= parts; p++) { close(dir "/part." p); print "city\tn\tv\tword" > (dir "/part." p) }
				for (i = 2; i <= last; i++) { x = (x * 69069 + 1) % 4294967296; print body[i] >> (dir "/part." (int(x / 65536) % parts + 1)) }
			}
		}' "$1"
}

ALL="count sum:v mean:v min:v max:v median:v quantile:v:0.9 quantile:v:0.25 mode:word countunique:word unique:word:3 top:word:2 first:v last:word"
ORDERLESS="count sum:v mean:v min:v max:v median:v quantile:v:0.9 mode:word countunique:word unique:word:3 top:word:2"
fails=0

check() {   # check NAME: compare w/got with w/want
	if cmp -s "$w/want" "$w/got"; then echo "ok $1"
	else echo "FAIL $1: $(diff "$w/want" "$w/got" | head -n 4 | tr '\n' '|')"; fails=$((fails + 1)); fi
}

# merge_case NAME GROUPS OPS [ORDER]: partial of each part, merged three ways, against one
# full run. With ORDER (--order=first) every run is given it, and the sort-based merge,
# which cannot know first-seen order, is left out.
merge_case() {
	name=$1; groups=$2; ops=$3; order=${4:-}
	if ! "$A" $order $groups $ops "$w/in.tsv" > "$w/want" 2>&1 || [ "$(wc -l < "$w/want")" -lt 2 ]; then
		echo "FAIL $name: the full run failed: $(head -c 200 "$w/want")"; fails=$((fails + 1)); return
	fi
	rm -f "$w"/partial.*
	for p in "$w"/part.[0-9]; do "$A" --partial $order $groups $ops "$p" > "$w/partial.${p##*.}" 2>&1; done
	"$A" --merge $order "$w"/partial.* > "$w/got" 2>&1
	check "$name: --merge of the partials"
	if [ -z "$order" ]; then
		# Hadoop style: the body lines sorted by key (stable), then a streaming reducer
		nk=$(echo "$groups" | awk '{ n = split($2, k, ","); print $1 == "-g" ? n : 0 }')
		sorter=cat; keys=""
		i=1; while [ "$i" -le "$nk" ]; do keys="$keys -k$i,$i"; sorter="sort"; i=$((i + 1)); done
		{ head -n 1 "$w/partial.1"; for p in "$w"/partial.*; do tail -n +2 "$p"; done |
			if [ "$sorter" = sort ]; then LC_ALL=C sort -s -t "$T" $keys; else cat; fi; } |
			"$A" --merge --sorted > "$w/got" 2>&1
		check "$name: sort | --merge --sorted"
	fi
	# a tree of merges: the first partial alone, the others together, then both
	set -- "$w"/partial.*
	"$A" --merge --partial $order "$1" > "$w/left" 2>&1; shift
	if [ $# -gt 0 ]; then
		"$A" --merge --partial $order "$@" > "$w/right" 2>&1
		"$A" --merge $order "$w/left" "$w/right" > "$w/got" 2>&1
	else
		"$A" --merge $order "$w/left" > "$w/got" 2>&1
	fi
	check "$name: merge of merged partials"
}

for seed in 1 7 42 1234 99991; do
	gen "$seed" 2000 > "$w/in.tsv"
	parts=$((seed % 5 + 1))
	split_input "$w/in.tsv" "$parts" "$seed" contiguous
	merge_case "seed $seed, $parts ordered parts, -g city" "-g city" "$ALL"
	merge_case "seed $seed, $parts ordered parts, -g city,n" "-g city,n" "$ALL"
	merge_case "seed $seed, $parts ordered parts, no groups" "" "$ALL"
	merge_case "seed $seed, $parts ordered parts, --order=first" "-g n" "$ALL" --order=first
	split_input "$w/in.tsv" $((parts + 2)) "$seed" scatter
	merge_case "seed $seed, $((parts + 2)) scattered parts, -g word" "-g word" "$ORDERLESS"
done

# A split where a part has no rows at all, or only the header.
gen 5 300 > "$w/in.tsv"
split_input "$w/in.tsv" 1 5 contiguous
head -n 1 "$w/in.tsv" > "$w/part.2"
merge_case "a part with no rows, -g city" "-g city" "$ALL"
merge_case "a part with no rows, no groups" "" "$ALL"

# --sorted on sorted input is the hash mode's result, and so is --sorted after any sort.
gen 3 3000 > "$w/in.tsv"
{ head -n 1 "$w/in.tsv"; tail -n +2 "$w/in.tsv" | LC_ALL=C sort -s -t "$T" -k1,1 -k2,2; } > "$w/sorted.tsv"
"$A" -g city,n $ALL "$w/sorted.tsv" > "$w/want" 2>&1
"$A" --sorted -g city,n $ALL "$w/sorted.tsv" > "$w/got" 2>&1
check "hash and --sorted agree on sorted input (-g city,n)"
"$A" -g city $ALL "$w/sorted.tsv" > "$w/want" 2>&1
"$A" --sorted -g city $ALL "$w/sorted.tsv" > "$w/got" 2>&1
check "hash and --sorted agree on sorted input (-g city)"
"$A" --order=first -g n $ORDERLESS "$w/in.tsv" > "$w/want" 2>&1
{ head -n 1 "$w/in.tsv"; tail -n +2 "$w/in.tsv" | awk -F "$T" '{ print $2 "\t" NR "\t" $0 }' | sort -t "$T" -k1,1n -k2,2n | cut -f 3-; } > "$w/grouped.tsv"
"$A" --sorted -g n $ORDERLESS "$w/grouped.tsv" > "$w/got" 2>&1
sort_body() { head -n 1 "$1"; tail -n +2 "$1" | LC_ALL=C sort; }
sort_body "$w/want" > "$w/want.s"; sort_body "$w/got" > "$w/got.s"; mv "$w/want.s" "$w/want"; mv "$w/got.s" "$w/got"
check "--sorted on grouped (not byte-sorted) input has the same groups"

[ "$fails" -eq 0 ]
