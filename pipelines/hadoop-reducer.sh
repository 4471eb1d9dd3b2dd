#!/bin/bash
# usage: hadoop-reducer.sh  (Hadoop Streaming reducer; mapper lines sorted by key on stdin)
# Reduce: merge the partial states of each key with `aggregate --merge --sorted` (the
# input is grouped by key, so memory stays constant) and write the results, still tagged:
#   E  type  text  mentions  documents
#   N  type  unit  count  sum  min  max  documents
# Sorted input has every E line before the N lines; each tag's lines go to a merge of their
# own, the E merge finished before the N merge starts, so the output is in key order.
. "$(dirname "$0")/lib.sh"
need_programs aggregate

if [ "${1:-}" = --tag ]; then
	# One tag's lines, tag removed: put the partial header on top, merge, tag the results.
	case ${2:-} in
	E) head=$(printf '%s\n' "$STREAM_HEAD" | partial_ent) ;;
	N) head=$(printf '%s\n' "$STREAM_HEAD" | partial_num) ;;
	*) usage_error "--tag E or --tag N" ;;
	esac
	{ printf '%s\n' "$head"; cat; } | merge --sorted | tail -n +2 | sed "s/^/$2\t/"
	exit
fi
[ $# -eq 0 ] || usage_error "usage: hadoop-reducer.sh < sorted mapper output"
# awk starts each merge through sh -c: the path goes in single quotes.
self=${PIPELINES//\'/\'\\\'\'}/hadoop-reducer.sh
SELF=$self awk -F '\t' '
	$1 != tag {
		if (cmd != "" && close(cmd) != 0) bad = 1
		tag = $1
		if (tag != "E" && tag != "N") { print "hadoop-reducer: unknown tag " tag > "/dev/stderr"; exit 3 }
		cmd = "bash '\''" ENVIRON["SELF"] "'\'' --tag " tag
	}
	{ print substr($0, 3) | cmd }
	END { if (cmd != "" && close(cmd) != 0) bad = 1; exit bad ? 3 : 0 }'
