#!/bin/bash
# usage: hadoop-mapper.sh  (Hadoop Streaming mapper; document table lines on stdin)
# Map: annotate the documents of this split (lines "id<TAB>text", as files-to-table.sh
# writes them) with the three stages and write their partial summaries, one state per
# line, tagged E (entities) or N (numbers) in front of the group key:
#   E  type  text  @count  @countunique(doc)
#   N  type  unit  @count  @sum(value) ...
# so that the job's key is the first three fields. Bad data is reported on stderr (the
# task log) and does not fail the task; any other failure does (status 3), and Hadoop
# retries it.
. "$(dirname "$0")/lib.sh"
need_programs segment tag-entities extract-numbers aggregate
tmp=$(mktemp -d) || die "$E_SYS" "cannot make a temporary folder"
trap 'rm -rf -- "$tmp"' EXIT

st=0
{ printf 'id\ttext\n'; cat; } | bash "$PIPELINES/annotate.sh" --table id,text -- - >"$tmp/stream" || st=$?
[ "$st" -le 1 ] || die "$E_SYS" "annotating the split failed"
partial_ent <"$tmp/stream" | tail -n +2 | sed 's/^/E\t/'
partial_num <"$tmp/stream" | tail -n +2 | sed 's/^/N\t/'
