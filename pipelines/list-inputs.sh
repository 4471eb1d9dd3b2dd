#!/bin/bash
# usage: list-inputs.sh INPUT...
# The documents of a run, NUL-separated on stdout: each file as given, each directory's files
# (recursively, dot-files and dot-folders left out, links to files followed) in byte order
# of their paths. The order is the order of documents in annotations.tsv, so it must not
# depend on the file system.
# Status 1 when an input does not exist or is neither a file nor a folder.
. "$(dirname "$0")/lib.sh"

[ $# -gt 0 ] || usage_error "usage: list-inputs.sh INPUT..."
bad=0
for in in "$@"; do
	if [ -d "$in" ]; then
		# find would read a leading dash as an option.
		case $in in -*) in=./$in ;; esac
		find "$in" -mindepth 1 \( -name '.*' -prune \) -o -xtype f -print0 | sort -z
	elif [ -f "$in" ]; then
		# A file named "-" would be read as standard input.
		[ "$in" != - ] || in=./-
		printf '%s\0' "$in"
	else
		log "$in: no such file or folder"
		bad=1
	fi
done
exit "$bad"
