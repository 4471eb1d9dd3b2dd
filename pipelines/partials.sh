#!/bin/bash
# usage: partials.sh SHARD...
# The mergeable partial summaries of each shard stream: SHARD.ent and SHARD.num beside it.
. "$(dirname "$0")/lib.sh"
need_programs aggregate
for s; do
	partial_ent <"$s" >"$s.ent"
	partial_num <"$s" >"$s.num"
done
