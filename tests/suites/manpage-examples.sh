#!/bin/sh
# The man pages' examples run as tests. In filters/*/*.1, a comment line `.\" run` marks the
# next line as a command; the lines after it, up to a blank line or `.fi`, are its expected
# output as printed in the page (columns may be aligned with spaces: runs of blanks are
# compared as one). Commands run in a scratch folder holding the sample corpus as
# data/sample, with the programs on PATH; a command must exit 0.
set -u
: "${BIN:?}" "${TOP:?}"
PATH=$BIN:$PATH; export PATH
tmp=$(mktemp -d "${TMPDIR:-/tmp}/examples.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/data" && ln -s "$TOP/data/sample" "$tmp/data/sample"

# roff escapes used in examples: \- \e \(aq \(dq, and \\ for a backslash
unroff() { sed -e 's/\\-/-/g' -e 's/\\(aq/'"'"'/g' -e 's/\\(dq/"/g' -e 's/\\e/\\/g' -e 's/\\\\/\\/g'; }
squash() { tr -s ' \t' '  ' | sed -e 's/ *$//'; }

for page in "$TOP"/filters/*/*.1; do
	prog=$(basename "$page" .1)
	[ -x "$BIN/$prog" ] || { echo "skip examples/$prog: not built"; continue; }
	# split the page into numbered examples: cmd.N and want.N
	awk -v dir="$tmp" -v p="$prog" '
		/^\.\\" run$/ { n++; getline; print > (dir "/" p ".cmd." n); want = dir "/" p ".want." n; printf "" > want; grab = 1; next }
		grab && (/^$/ || /^\.fi/ || /^\.RE/ || /^\.PP/ || /^\.\\"/) { grab = 0 }
		grab { print > want }
	' "$page"
	for cmd in "$tmp/$prog".cmd.*; do
		[ -f "$cmd" ] || continue
		n=${cmd##*.}
		line=$(unroff < "$cmd")
		name="examples/$prog/$n"
		shown=$(printf '%s' "$line" | tr '\n' ' ')
		if (cd "$tmp" && sh -c "$line") > "$tmp/got" 2> "$tmp/err"; then
			if [ -s "$tmp/$prog.want.$n" ] &&
			   ! unroff < "$tmp/$prog.want.$n" | squash | cmp -s - "$(squash < "$tmp/got" > "$tmp/got.sq"; echo "$tmp/got.sq")"; then
				printf 'FAIL %s: output differs from the page for: %s\n' "$name" "$shown"
			else
				printf 'ok %s: %s\n' "$name" "$shown"
			fi
		else
			echo "FAIL $name: exited non-zero: $shown: $(head -n 2 "$tmp/err" | tr '\n' '|')"
		fi
	done
done
