#!/bin/bash
# usage: annotate.sh [--out FILE] [--table ID,TEXT [--csv]] [--files-from LIST0] [--] [FILE...]
# The three annotating stages on the given documents, the stream on stdout:
#   segment FILE... | tag-entities | extract-numbers
# This is the unit of work of every mode (serial, GNU parallel job, Hadoop mapper), so that
# they all annotate a document the same way. A failing stage is named on stderr; the exit
# status is 1 when a stage reported bad data (the rest was processed), 3 when one failed.
# --out FILE: the stream into FILE and the messages into FILE.err (a GNU parallel job that
# writes its own output costs less than one whose output parallel copies).
. "$(dirname "$0")/lib.sh"

seg_opts=()
while [ $# -gt 0 ]; do
	case $1 in
	--table)
		[ $# -ge 2 ] || usage_error "--table needs ID,TEXT"
		case $2 in *,*) ;; *) usage_error "--table needs ID,TEXT, got '$2'" ;; esac
		seg_opts+=(--id "${2%%,*}" --text "${2#*,}")
		shift 2
		;;
	--csv) seg_opts+=(--icsv); shift ;;   # CSV tables in; the stream stays TSV
	--out)
		[ $# -ge 2 ] || usage_error "--out needs a file"
		exec >"$2" 2>"$2.err"
		shift 2
		;;
	--files-from)
		[ $# -ge 2 ] || usage_error "--files-from needs a file"
		seg_opts+=(--files-from "$2" -0)
		shift 2
		;;
	--) shift; break ;;
	-?*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
need_programs segment tag-entities extract-numbers

set +e
"$BIN/segment" "${seg_opts[@]}" -- "$@" | "$BIN/tag-entities" | "$BIN/extract-numbers"
st=("${PIPESTATUS[@]}")
set -e
exit "$(verdict "segment tag-entities extract-numbers" "${st[@]}")"
