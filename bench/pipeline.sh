#!/bin/sh
# Speed-up of the end-to-end run in shards: `run.sh -j 2` against `run.sh -j 1` on a
# generated corpus (real sample text, DOCS documents, default 15000, about 50 MB), per file
# and per block of a document table (--pipe). Everything is written in bench/work/pipeline/
# (untracked). Prints wall seconds, MB/s, CPU seconds (user + system, all processes) and the
# speed-up, and checks that every sharded run's outputs are byte-identical to the serial
# run's. The machine's load average is printed first: other work on it skews the figures.
# Each run is repeated REPEAT times (default 3) and the fastest counts: other work on a shared
# machine only ever slows a run down.
# usage: bench/pipeline.sh [DOCS [REPEAT]]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
case $BIN in /*) ;; *) BIN=$top/$BIN ;; esac
export BIN
docs=${1:-15000}
repeat=${2:-3}
work=$top/bench/work/pipeline
run=$top/pipelines/run.sh
mkdir -p "$work"

corpus=$work/corpus-$docs
if [ ! -d "$corpus" ]; then
	bash "$top/pipelines/gen-corpus.sh" -n "$docs" "$top/data/sample" "$corpus.tmp"
	mv "$corpus.tmp" "$corpus"
fi
table=$work/table-$docs.tsv
if [ ! -s "$table" ]; then
	{ printf 'id\ttext\n'; bash "$top/pipelines/files-to-table.sh" "$corpus"; } >"$table.tmp"
	mv "$table.tmp" "$table"
fi
bytes=$(cat "$corpus"/* | wc -c)
echo "corpus: $docs documents, $bytes bytes; machine: $(nproc) cores, load$(uptime | sed 's/.*load/ /'); $(parallel --version | head -n 1)"

# measure LABEL OUT RUN-ARGS...: REPEAT runs; the fastest one's wall time in $secs.
measure() {
	label=$1 out=$2
	shift 2
	: >"$work/times"
	i=0
	while [ "$i" -lt "$repeat" ]; do
		rm -rf "$out"
		/usr/bin/time -f '%e %U %S' -o "$work/time" sh "$run" -q "$@" "$out" 2>"$work/log" ||
			{ echo "$label failed:" >&2; tail -n 3 "$work/log" >&2; exit 3; }
		tail -n 1 "$work/time" >>"$work/times"
		i=$((i + 1))
	done
	sort -n "$work/times" | head -n 1 >"$work/best"
	secs=$(cut -d ' ' -f 1 "$work/best")
	awk -v l="$label" -v b="$bytes" -v all="$(cut -d ' ' -f 1 "$work/times" | tr '\n' ' ')" '{
		s = $1 < 0.01 ? 0.01 : $1
		printf "%-32s %7.2f s %7.1f MB/s %7.2f s CPU   (runs: %s)\n", l, s, b / 1048576 / s, $2 + $3, all }' "$work/best"
}
same() {
	for f in annotations.tsv entities.tsv numbers.tsv; do
		cmp -s "$1/$f" "$2/$f" || { echo "  outputs DIFFER from the serial run ($f)"; return 0; }
	done
	echo "  outputs byte-identical to the serial run"
}
speedup() { awk -v a="$1" -v b="$2" 'BEGIN { if (b < 0.01) b = 0.01; printf "  speed-up -j 2 / -j 1: %.2fx\n", a / b }'; }

measure "files, -j 1 (serial)" "$work/serial" "$corpus"
s1=$secs
measure "files, -j 2" "$work/j2" -j 2 "$corpus"
speedup "$s1" "$secs"
same "$work/serial" "$work/j2"
measure "table, -j 1 (serial)" "$work/tserial" --table id,text "$table"
t1=$secs
measure "table, -j 2 --pipe --block 4M" "$work/tj2" -j 2 --pipe --block 4M --table id,text "$table"
speedup "$t1" "$secs"
same "$work/tserial" "$work/tj2"
