#!/bin/bash
# usage: merge-shards.sh [--partials LIST0] SHARDS0 DIR
# The outputs of a run from its shards (SHARDS0: NUL-separated shard streams in document
# order): DIR/annotations.tsv is their bodies end to end under one header. The summaries
# come from partial states: for each name P in LIST0 (default: the shards themselves) the
# files P.ent and P.num (an empty LIST0: the partial states of the whole stream); they are
# merged into DIR/totals.ent and DIR/totals.num (partial states again, which an incremental
# run keeps for next time) and those into DIR/entities.tsv and DIR/numbers.tsv.
. "$(dirname "$0")/lib.sh"
partials=""
if [ "${1:-}" = --partials ]; then
	partials=${2:?}
	shift 2
fi
[ $# -eq 2 ] || usage_error "usage: merge-shards.sh [--partials LIST0] SHARDS0 DIR"
shards=$1 dir=$2
partials=${partials:-$shards}
need_programs aggregate

{
	printf '%s\n' "$STREAM_HEAD"
	cat_bodies "$shards"
} >"$dir/annotations.tsv"

# totals EXT WHOLE: the merge of every P.EXT as one partial state; with no P at all, WHOLE
# makes it from the whole stream (an incremental run where documents changed or went).
totals() {
	local ext=$1 whole=$2
	local -a parts
	mapfile -d '' parts <"$partials"
	if [ ${#parts[@]} -eq 0 ]; then
		"$whole" <"$dir/annotations.tsv"
		return
	fi
	printf '%s\0' "${parts[@]/%/.$ext}" >"$dir/parts.$ext"
	{
		head -n 1 -- "${parts[0]}.$ext"
		cat_bodies "$dir/parts.$ext"
	} | merge --partial
}
totals ent partial_ent >"$dir/totals.ent"
totals num partial_num >"$dir/totals.num"
merge <"$dir/totals.ent" | with_header "$ENT_HEAD" >"$dir/entities.tsv"
merge <"$dir/totals.num" | with_header "$NUM_HEAD" >"$dir/numbers.tsv"
