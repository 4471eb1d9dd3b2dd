#!/bin/bash
# usage: files-to-table.sh INPUT...
# The documents of INPUT (files, or folders as run.sh reads them) as a document table on
# stdout, one line per document: its path and its text, TAB-separated, with backslash, TAB,
# newline and CR escaped as in the stream, and no header line. That is the input of the
# Hadoop Streaming job (a split of it is whole lines, hence whole documents) and of
# `run.sh --table id,text` once a header line "id<TAB>text" is put on top.
# A final newline of a file is not kept (the segments do not change with it).
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || usage_error "usage: files-to-table.sh INPUT..."
bash "$PIPELINES/list-inputs.sh" "$@" >"${TMPDIR:-/tmp}/files-to-table.$$" || st=$?
trap 'rm -f -- "${TMPDIR:-/tmp}/files-to-table.$$"' EXIT
[ "${st:-0}" -eq 0 ] || exit "$st"
while IFS= read -r -d '' f; do
	# The name travels in the environment: awk would read a file operand with '=' in it as
	# an assignment.
	DOC=$f awk 'function esc(s) { gsub(/\\/, "\\\\", s); gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s); return s }
		BEGIN { d = ENVIRON["DOC"]; gsub(/\n/, "\\n", d); printf "%s\t", esc(d) }
		{ printf "%s%s", (NR > 1 ? "\\n" : ""), esc($0) }
		END { printf "\n" }' <"$f" || die "$E_SYS" "cannot read $f"
done <"${TMPDIR:-/tmp}/files-to-table.$$"
