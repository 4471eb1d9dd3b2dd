#!/bin/sh
# --encoding=auto (the default) on real legacy-encoded news, when ../shared/external is there
# (skipped when it is absent): SIGHAN 2005's People's Daily text in GBK and Academia Sinica's
# in CP950 must give, with no option, the rows of their UTF-8 twins, in segment and in
# extract-numbers --lines, and the charset chosen must be named with --progress.
set -u
: "${BIN:?}" "${TOP:?}"
name=encoding-external
ext=$TOP/../shared/external/sighan2005
tmp=$(mktemp -d "${TMPDIR:-/tmp}/encx.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

same() {   # same NAME CHARSET-WORD PROGRAM...: the legacy file read with no option = its UTF-8 twin
	file=$1 word=$2; shift 2
	legacy=$ext/$file.txt utf=$ext/$file.utf8
	if [ ! -f "$legacy" ] || [ ! -f "$utf" ]; then
		echo "skip $name/$file: ../shared/external/sighan2005 is absent"; return
	fi
	prog=$(echo "$1" | cut -d' ' -f1)
	# start/end are byte offsets of the source file and differ between the twins
	$BIN/$* --progress --doc-id=x - < "$legacy" 2> "$tmp/err" | cut -f1-4,7- > "$tmp/a"
	$BIN/$* --doc-id=x - < "$utf" 2>/dev/null | cut -f1-4,7- > "$tmp/b"
	if ! grep -q "charset $word.* (detected)" "$tmp/err"; then
		echo "FAIL $name/$file/$prog: charset not named: $(head -c 200 "$tmp/err")"
	elif cmp -s "$tmp/a" "$tmp/b" && [ "$(wc -l < "$tmp/a")" -gt 1000 ]; then
		echo "ok $name/$file/$prog: read as $(grep -o 'charset [^ ]*' "$tmp/err" | head -n 1) with no option ($(wc -l < "$tmp/a") rows as from UTF-8)"
	else
		echo "FAIL $name/$file/$prog: differs from the UTF-8 twin: $(diff "$tmp/a" "$tmp/b" | head -n 3 | tr '\n' '|')"
	fi
}
same pku_test GB segment
same pku_test GB "extract-numbers --lines"
same as_test BIG5 segment
same as_test BIG5 "tag-entities --lines --no-builtin --dict /dev/null"
