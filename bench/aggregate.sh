#!/bin/sh
# Benchmark aggregate against GNU datamash and Miller on a 5-million-row TSV grouped by a
# key of about 50,000 distinct values (CJK keys, integers and 2-decimal values), built
# here deterministically in bench/work/ (not tracked). Each command runs RUNS times (3);
# the best wall time is kept. Prints wall time, MB/s, peak RSS and the ratios.
#   sh bench/aggregate.sh            (BIN=bin, ROWS=5000000, KEYS=50000, RUNS=3)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}; ROWS=${ROWS:-5000000}; KEYS=${KEYS:-50000}; RUNS=${RUNS:-3}
case $BIN in /*) ;; *) BIN=$top/$BIN ;; esac
work=$top/bench/work
mkdir -p "$work"
data=$work/agg-$ROWS-$KEYS.tsv sorted=$work/agg-$ROWS-$KEYS.sorted.tsv
T=$(printf '\t')
for tool in datamash mlr; do
	command -v $tool >/dev/null || { echo "bench/aggregate.sh: $tool is not installed (apt-get install ${tool%mlr}${tool#datamash})" >&2; exit 2; }
done
[ -x "$BIN/aggregate" ] || { echo "bench/aggregate.sh: $BIN/aggregate is not built (make)" >&2; exit 2; }

if [ ! -s "$data" ]; then
	echo "generating $ROWS rows, $KEYS keys -> $data" >&2
	awk -v rows="$ROWS" -v keys="$KEYS" 'BEGIN {
		OFS = "\t"; print "key", "value"; x = 12345
		for (i = 0; i < rows; i++) {
			x = (x * 69069 + 1) % 4294967296; k = int(x / 65536) % keys
			v = int(x / 1024) % 1000003
			if (i % 3 == 0) v = v "." sprintf("%02d", x % 100)
			print "城市" k, v
		}
	}' > "$data.tmp" && mv "$data.tmp" "$data"
fi
if [ ! -s "$sorted" ]; then
	{ head -n 1 "$data"; tail -n +2 "$data" | LC_ALL=C sort -t "$T" -k1,1; } > "$sorted.tmp" && mv "$sorted.tmp" "$sorted"
fi
bytes=$(wc -c < "$data")

# run NAME COMMAND: best of RUNS; sets wall and rss, prints one line
run() {
	name=$1; shift
	best=""; rss=0
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -o "$work/time" -f '%e %M' sh -c "$*" > "$work/out.$name" 2> "$work/err.$name" ||
			{ echo "bench/aggregate.sh: $name failed: $(head -c 300 "$work/err.$name")" >&2; exit 1; }
		set -- "$@"
		read -r w m < "$work/time"
		if [ -z "$best" ] || awk -v a="$w" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$w; fi
		[ "$m" -gt "$rss" ] && rss=$m
		i=$((i + 1))
	done
	mbs=$(awk -v b="$bytes" -v w="$best" 'BEGIN { printf "%.1f", (w > 0 ? b / 1048576 / w : 0) }')
	printf '%-26s %8.2f s %9s MB/s %9s KB peak RSS\n' "$name" "$best" "$mbs" "$rss"
	eval "wall_$name=\$best; rss_$name=\$rss"
}

echo "input: $data ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MB, $ROWS rows, $KEYS keys), best of $RUNS runs"
run agg_hash        "'$BIN/aggregate' -g 1 sum:2 count:2 '$data'"
run agg_sorted      "'$BIN/aggregate' --sorted -g 1 sum:2 count:2 '$sorted'"
run datamash_sorted "datamash -H -g 1 sum 2 count 2 < '$sorted'"
run sort_datamash   "tail -n +2 '$data' | LC_ALL=C sort -t '$T' -k1,1 | datamash -g 1 sum 2 count 2"
run mlr             "mlr --tsv stats1 -a sum,count -f value -g key '$data'"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }'; }
echo "throughput, aggregate (unsorted input) vs datamash (sorted input): $(ratio "$wall_agg_hash" "$wall_datamash_sorted")x (target >= 1.5)"
echo "throughput, aggregate vs sort | datamash: $(ratio "$wall_agg_hash" "$wall_sort_datamash")x"
echo "throughput, aggregate vs mlr stats1: $(ratio "$wall_agg_hash" "$wall_mlr")x"
echo "peak RSS, aggregate --sorted vs datamash: $rss_agg_sorted KB vs $rss_datamash_sorted KB (target <=)"
# The same sums and counts, byte for byte, from every tool but mlr (which prints floats).
tail -n +2 "$work/out.agg_hash" > "$work/a"; tail -n +2 "$work/out.datamash_sorted" > "$work/d"
if cmp -s "$work/a" "$work/d" && cmp -s "$work/out.agg_hash" "$work/out.agg_sorted" && cmp -s "$work/d" "$work/out.sort_datamash"; then
	echo "results: aggregate (both modes) and datamash agree on every group"
else
	echo "results: DIFFER (see $work/out.*)"; exit 1
fi
