#!/bin/bash
# usage: merge-shards.sh SHARDS0 DIR
# The outputs of a run from its shards (SHARDS0: NUL-separated shard streams in document
# order, each with its partial summaries SHARD.ent and SHARD.num beside it): DIR/annotations.tsv
# is the shards' bodies end to end under one header, DIR/entities.tsv and DIR/numbers.tsv are
# the merges of their partial summaries.
. "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || usage_error "usage: merge-shards.sh SHARDS0 DIR"
shards=$1 dir=$2
need_programs aggregate

{
	printf '%s\n' "$STREAM_HEAD"
	cat_bodies "$shards"
} >"$dir/annotations.tsv"

# merged EXT MERGE HEADER: the merge of every shard's SHARD.EXT, under one header line.
merged() {
	local ext=$1 merge=$2 head=$3
	if [ ! -s "$shards" ]; then
		# No documents at all: the summaries of an empty stream.
		printf '%s\n' "$STREAM_HEAD" | "${merge/merge/total}" | with_header "$head"
		return
	fi
	local -a parts
	mapfile -d '' parts <"$shards"
	printf '%s\0' "${parts[@]/%/.$ext}" >"$dir/parts.$ext"
	{
		head -n 1 -- "${parts[0]}.$ext"
		cat_bodies "$dir/parts.$ext"
	} | "$merge" | with_header "$head"
}
merged ent merge_ent "$ENT_HEAD" >"$dir/entities.tsv"
merged num merge_num "$NUM_HEAD" >"$dir/numbers.tsv"
