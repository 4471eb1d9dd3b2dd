#!/bin/sh
# Speed and memory of the filters, measured beside reference commands in the same run.
# usage: bench/run.sh [SIZE_MB]   (default 256; the corpus is generated in bench/work/)
# Prints, for each command: seconds, MB/s of its input, peak RSS, and its speed as a
# fraction of cat's and wc -m's on the same input. Nothing here is asserted: the figures
# go into the issue notes.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}
work=$top/bench/work
size_mb=${1:-256}
mkdir -p "$work"

corpus=$work/corpus-$size_mb.txt
if [ ! -s "$corpus" ]; then
	# Whole sample pages repeated: real Chinese news, page structure kept.
	: > "$corpus.tmp"
	while [ "$(wc -c < "$corpus.tmp")" -lt $((size_mb * 1024 * 1024)) ]; do
		cat "$top"/data/sample/*.txt "$top"/data/sample/*.txt "$top"/data/sample/*.txt \
		    "$top"/data/sample/*.txt >> "$corpus.tmp"
	done
	mv "$corpus.tmp" "$corpus"
fi

# measure LABEL INPUT COMMAND...: run COMMAND with INPUT on stdin, output discarded.
measure() {
	label=$1 input=$2; shift 2
	bytes=$(wc -c < "$input")
	/usr/bin/time -f '%e %M' -o "$work/time.out" "$@" < "$input" > /dev/null 2> "$work/err.out" ||
		{ echo "bench: $label failed:" >&2; tail -n 3 "$work/err.out" >&2; return 0; }
	read -r secs rss < "$work/time.out"
	awk -v l="$label" -v b="$bytes" -v s="$secs" -v r="$rss" -v c="${cat_mbs:-0}" -v w="${wc_mbs:-0}" 'BEGIN {
		if (s < 0.01) s = 0.01; mbs = b / 1048576 / s
		printf "%-34s %8.2f s %9.1f MB/s %9.1f MB RSS", l, s, mbs, r / 1024
		if (c > 0) printf "   %6.3f x cat %6.3f x wc -m", mbs / c, mbs / w
		printf "\n" }'
	last_mbs=$(awk -v b="$bytes" -v s="$secs" 'BEGIN { if (s < 0.01) s = 0.01; print b / 1048576 / s }')
}

echo "input: $corpus ($(wc -c < "$corpus") bytes); machine: $(nproc) cores"
cat_mbs=; wc_mbs=
measure "cat" "$corpus" cat; c=$last_mbs
measure "wc -m" "$corpus" wc -m; w=$last_mbs
cat_mbs=$c wc_mbs=$w
export LC_ALL=C.UTF-8

if [ -x "$BIN/segment" ]; then
	measure "segment" "$corpus" "$BIN/segment"
	stream=$work/stream-$size_mb.tsv
	[ -s "$stream" ] || "$BIN/segment" < "$corpus" > "$stream"
	cat_mbs=; wc_mbs=
	measure "cat (stream)" "$stream" cat; c=$last_mbs
	measure "wc -m (stream)" "$stream" wc -m; w=$last_mbs
	cat_mbs=$c wc_mbs=$w
	[ -x "$BIN/tag-entities" ] && measure "tag-entities" "$stream" "$BIN/tag-entities"
	[ -x "$BIN/extract-numbers" ] && measure "extract-numbers" "$stream" "$BIN/extract-numbers"
	if [ -x "$BIN/tag-entities" ] && [ -x "$BIN/extract-numbers" ]; then
		measure "segment|tag-entities|extract-numbers" "$corpus" sh -c \
			"'$BIN/segment' | '$BIN/tag-entities' | '$BIN/extract-numbers'"
	fi
fi

# Real news at scale, when the external corpus is beside the checkout (never copied in).
news=$top/../shared/external/news/xwlb_2022-2026.txt.xz
if [ -f "$news" ] && [ -x "$BIN/segment" ]; then
	xz -dc "$news" > "$work/news.txt"
	cat_mbs=; wc_mbs=
	measure "cat (news 37 MB)" "$work/news.txt" cat; c=$last_mbs
	measure "wc -m (news 37 MB)" "$work/news.txt" wc -m; w=$last_mbs
	cat_mbs=$c wc_mbs=$w
	measure "segment (news)" "$work/news.txt" "$BIN/segment"
fi

# Flat memory: each program on 10 MB and on 1 GB of its input, and segment on 1 GB with no
# newline at all (BENCH_BIG=1; about 3 GB of scratch space in bench/work/).
if [ "${BENCH_BIG:-0}" = 1 ] && [ -x "$BIN/segment" ]; then
	small=$work/small.txt big=$work/big.txt flat=$work/nonl.txt
	# whole lines only: a cut inside a character would be (rightly) reported as bad data
	head -c 10485760 "$corpus" | sed '$d' > "$small"
	[ -s "$big" ] || { for _ in 1 2 3 4; do cat "$corpus"; done > "$big"; }
	[ -s "$flat" ] || tr -d '\n' < "$big" > "$flat"
	cat_mbs=; wc_mbs=
	measure "segment 10 MB" "$small" "$BIN/segment"
	measure "segment 1 GB" "$big" "$BIN/segment"
	measure "segment 1 GB, no newline" "$flat" "$BIN/segment"
	"$BIN/segment" < "$small" > "$work/small.tsv"
	[ -s "$work/big.tsv" ] || "$BIN/segment" < "$big" | head -c 1073741824 | sed '$d' > "$work/big.tsv"
	for p in tag-entities extract-numbers; do
		[ -x "$BIN/$p" ] || continue
		measure "$p 10 MB of segments" "$work/small.tsv" "$BIN/$p"
		measure "$p 1 GB of segments" "$work/big.tsv" "$BIN/$p"
	done
fi
