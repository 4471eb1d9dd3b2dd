#!/bin/bash
# usage: list-inputs.sh INPUT...
# The documents of a run, NUL-separated on stdout: each file as given, each directory's files
# (recursively, dot-files and dot-folders left out, links to files followed) in byte order
# of their paths. The order is the order of documents in annotations.tsv, so it must not
# depend on the file system.
# Documents are a set: a file named twice (`d d/a.txt`, `d ./d/a.txt`, a hard link or a
# symbolic link beside it) is listed once, under its first name, so that no mode of the run
# counts it twice.
# Status 1 when an input does not exist or is neither a file nor a folder.
. "$(dirname "$0")/lib.sh"

[ $# -gt 0 ] || usage_error "usage: list-inputs.sh INPUT..."
bad=0
all=()
for in in "$@"; do
	if [ -d "$in" ]; then
		# find would read a leading dash as an option.
		case $in in -*) in=./$in ;; esac
		mapfile -d '' -O "${#all[@]}" all < <(find "$in" -mindepth 1 \( -name '.*' -prune \) -o -xtype f -print0 | sort -z)
	elif [ -f "$in" ]; then
		# A file named "-" would be read as standard input.
		[ "$in" != - ] || in=./-
		all+=("$in")
	else
		log "$in: no such file or folder"
		bad=1
	fi
done
[ ${#all[@]} -gt 0 ] || exit "$bad"
# One stat for all: device and inode name the file, whatever path leads to it (a file that
# vanished meanwhile keeps its path as its name, and fails later where it is read).
ids=()
mapfile -t ids < <(printf '%s\0' "${all[@]}" | xargs -0 stat -L --printf '%d:%i\n' -- 2>/dev/null || true)
declare -A seen=()
if [ ${#ids[@]} -eq ${#all[@]} ]; then
	for n in "${!all[@]}"; do
		[ -z "${seen[${ids[n]}]+set}" ] || continue
		seen[${ids[n]}]=1
		printf '%s\0' "${all[n]}"
	done
else
	# Some file could not be looked at: fall back to one stat each.
	for p in "${all[@]}"; do
		id=$(stat -L --printf '%d:%i' -- "$p" 2>/dev/null) || id="path:$p"
		[ -z "${seen[$id]+set}" ] || continue
		seen[$id]=1
		printf '%s\0' "$p"
	done
fi
exit "$bad"
