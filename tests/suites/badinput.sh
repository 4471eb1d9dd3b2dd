#!/bin/sh
# badinput: the bad-input matrix of issue 8, run against the real programs in $BIN. Every
# case checks what DESIGN.md and docs/GUARANTEES.md promise: the documented exit status, a
# "program: file:line: what" message where one is due (every stderr line names the
# program), well-formed output (valid UTF-8; ten fields per row of the stream) with the
# good parts intact, no crash (status >= 128) and no hang (timeout).
# Environment: BIN, TOP; BADINPUT_FULL=1 also feeds the 200 MB single line straight to the
# annotating stages (slow, and several GB of memory for tag-entities); BADINPUT_BIG=0 skips
# the huge-line cases (tests/valgrind.sh); BADINPUT_TIMEOUT (seconds, default 30).
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
case $BIN in /*) ;; *) BIN=$TOP/$BIN ;; esac
W=$(mktemp -d "${TMPDIR:-/tmp}/badinput.XXXXXX")
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
LIMIT=${BADINPUT_TIMEOUT:-30}
# A sanitizer build runs several times slower (tag-entities' model most): the hang limit grows
# with it, so that only a real hang fails.
if [ -z "${BADINPUT_TIMEOUT:-}" ] && grep -q __asan_init "$BIN/tag-entities" 2>/dev/null; then LIMIT=120; fi
HDR=$(printf 'doc\tseg\tkind\ttype\tstart\tend\ttext\tvalue\tunit\tmod')

# ---- running a case and judging it ----

# run PROG ARG...: run one program on stdin $IN (default /dev/null) under a time limit;
# stdout in $W/out, stderr in $W/err, status in $rc, and the judgement starts afresh.
run() {
	prog=$1
	shift
	why=""
	timeout -k 5 "$LIMIT" "$BIN/$prog" "$@" < "${IN:-/dev/null}" > "$W/out" 2> "$W/err"
	rc=$?
}

# add WHY: note one more reason the case fails (the first few are shown).
add() { why="${why:+$why; }$1"; }

# status S...: the status is one of these; a timeout or a signal is named as such.
status() {
	case $rc in
	124 | 137) add "no answer within ${LIMIT}s (hang?)"; return ;;
	esac
	if [ "$rc" -ge 128 ]; then add "crashed with signal $((rc - 128))"; return; fi
	for s in "$@"; do [ "$rc" = "$s" ] && return; done
	add "status $rc, expected $*"
}

# msg TEXT: some stderr line starts with "prog: TEXT" (TEXT is a fixed string).
msg() {
	grep -qF -- "$prog: $1" "$W/err" || add "no message '$prog: $1...' on stderr ($(head -c 160 "$W/err" | tr '\n' '|'))"
}

# names: every stderr line names the program (usage errors may add their "Try" line).
names() {
	bad=$(grep -v -e "^$prog: " -e "^Try '" "$W/err" | head -n 1)
	[ -z "$bad" ] || add "stderr line without the program name: $(printf '%s' "$bad" | head -c 100)"
}

# utf8: stdout is valid UTF-8.
utf8() {
	iconv -f UTF-8 -t UTF-8 < "$W/out" > /dev/null 2>&1 || add "output is not valid UTF-8"
}

# stream: stdout is the stream: the header, ten fields on every row, valid UTF-8.
stream() {
	utf8
	[ "$(head -n 1 "$W/out")" = "$HDR" ] || add "output does not start with the stream header"
	n=$(awk -F '\t' 'NF != 10' "$W/out" | wc -l)
	[ "$n" -eq 0 ] || add "$n output rows without ten fields"
	[ -z "$(tail -c 1 "$W/out")" ] || add "output does not end with a newline"
}

# has TEXT: stdout contains this fixed string.
has() { grep -qF -- "$1" "$W/out" || add "output lacks '$1'"; }

# same FILE: stdout is byte for byte FILE.
same() { cmp -s "$W/out" "$1" || add "output differs from the good run: $(diff "$1" "$W/out" | head -n 3 | tr '\n' '|' | head -c 200)"; }

# verdict NAME: print the result line of the case.
verdict() {
	names
	if [ -z "$why" ]; then echo "ok badinput/$1"; else echo "FAIL badinput/$1: $why"; fi
}

built() { [ -x "$BIN/$1" ]; }

# ---- inputs ----

cd "$W" || exit 1
sample=$TOP/data/sample/000_f83d4de466c7d23d.txt
head -n 40 "$sample" > good1.txt
sed -n '41,80p' "$sample" > good2.txt
printf '第一句话说了三万五千元。第二句没有结尾' > nonl.txt
printf '本报讯 记者王丹报道。\n\n共有14720.7万元惠及300余户。\n第三行2019年12月13日。\n' > lf.txt
sed 's/$/\r/' lf.txt > crlf.txt
tr '\n' '\r' < lf.txt > cr.txt
{ printf '\357\273\277'; cat lf.txt; } > bom.txt
printf '共有\0003万人\000。\n第二行\0005个\n' > nul.txt
: > empty.txt
mkdir dir.d
# An unreadable file for root too: a UNIX socket cannot be opened (ENXIO), and reading
# /proc/self/mem at offset 0 fails (EIO) after a successful open.
python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' sock 2>/dev/null
# The stream: segment rows of the good lines with a DATE row, independent of segment.
mkstream() {   # mkstream FILE DOC: a hand-made stream of FILE's non-empty lines
	# (LC_ALL=C: length() in bytes, the stream's offsets, with mawk or gawk in any locale)
	LC_ALL=C awk -v doc="$2" -v hdr="$HDR" 'BEGIN { print hdr }
		{ sub(/\r$/, "") } /^$/ { next }
		{ n++; gsub(/\\/, "\\\\"); print doc "\t" n "\tseg\tsent\t0\t" length($0) "\t" $0 "\t\t\t" }' "$1"
}
mkstream good1.txt g1 > good1.tsv
mkstream good2.txt g2 > good2.tsv
mkstream lf.txt lf > lf.tsv

# The classes of invalid UTF-8, each between two good characters (the last cut at the end).
classes="stray-continuation:\200 lone-lead:\303x overlong-2:\300\257 overlong-3:\340\200\257
overlong-4:\360\200\200\257 surrogate:\355\240\200 above-max:\364\220\200\200 lead-f5:\365\200\200\200
byte-ff:\377 cut-mid:\345\233x cut-at-end:\345\233"
for c in $classes; do
	name=${c%%:*}
	# shellcheck disable=SC2059  # the bytes are octal escapes for printf
	printf "共有3万人，好$(printf '%s' "${c#*:}")" > "utf8-$name.txt"
	[ "$name" = cut-at-end ] || printf '好\n第二行5个\n' >> "utf8-$name.txt"
done

# ---- segment ----

seg_cases() {
	IN=empty.txt run segment
	status 0; stream; [ "$(wc -l < out)" -eq 1 ] || add "rows out of nothing"; verdict segment/empty

	printf 'id\ttext\n' > hdr.tsv
	run segment --text text --id id hdr.tsv
	status 0; stream; verdict segment/header-only

	run segment nonl.txt
	status 0; stream; has '第二句没有结尾'; verdict segment/no-trailing-newline

	IN=lf.txt run segment --doc-id=x; cp out lf.seg
	cut -f 1-4,7- lf.seg > lf.cols
	IN=crlf.txt run segment --doc-id=x
	status 0; stream; cut -f 1-4,7- out | cmp -s - lf.cols || add "rows differ from the LF file's (offsets aside)"
	grep -qF '\r' out && add "a CR reached the text"
	verdict segment/crlf
	IN=cr.txt run segment --doc-id=x
	status 0; stream; same lf.seg; verdict segment/lone-cr
	IN=bom.txt run segment --doc-id=x
	status 0; stream
	grep -q "$(printf '\357\273\277')" out && add "the BOM reached the output"
	cut -f7 out | cmp -s - "$(cut -f7 lf.seg > lf.text; echo lf.text)" || add "texts differ from the file without BOM"
	awk -F '\t' 'NR == 2 && $5 != 3 { exit 1 }' out || add "first segment does not start at byte 3 (after the BOM)"
	verdict segment/bom

	run segment nul.txt
	status 0 1; stream; has '3万人'; verdict segment/nul-bytes

	for c in $classes; do
		name=${c%%:*}
		run segment "utf8-$name.txt"
		status 1; stream; msg "utf8-$name.txt:1: "; has '共有3万人'; has "$(printf '\357\277\275')"
		[ "$name" = cut-at-end ] || has '第二行5个'
		verdict "segment/invalid-utf8-$name"
	done
	run segment --strict utf8-byte-ff.txt
	status 1; stream; msg "utf8-byte-ff.txt:"; verdict segment/invalid-utf8-strict

	run segment /bin/ls
	status 1; stream; msg "/bin/ls:"; verdict segment/binary-file

	printf 'id\ttext\n1\t第一行。\n2\n3\t第三行。\textra\n4\t第四\\q行。\n5\t第五行。\n' > fields.tsv
	run segment --text text --id id fields.tsv
	status 1; stream; msg "fields.tsv:3: "; msg "fields.tsv:4: "; msg "fields.tsv:5: "
	has '第一行。'; has '第五行。'; has '第四\\q行。'
	verdict segment/table-fields-and-escape

	run segment --text nosuch fields.tsv
	status 1 2; grep -q nosuch err || add "message does not name the column"; verdict segment/unknown-column
	run segment --text nosuch hdr.tsv
	status 1 2; grep -q nosuch err || add "message does not name the column"; verdict segment/unknown-column-header-only

	run segment good1.txt; cp out good1.seg
	run segment good2.txt; cp out good2.seg
	{ cat good1.seg; tail -n +2 good2.seg; } > good12.seg
	run segment good1.txt dir.d missing.txt sock /proc/self/mem good2.txt
	status 1; stream; same good12.seg
	msg "dir.d"; msg "missing.txt"; [ -S sock ] && msg "sock"; msg "/proc/self/mem"
	verdict segment/bad-files-among-good
}

# ---- tag-entities and extract-numbers (the annotate driver) ----

ann_cases() {   # ann_cases PROG
	p=$1
	IN=empty.txt run "$p"
	status 0; stream; [ "$(wc -l < out)" -eq 1 ] || add "rows out of nothing"; verdict "$p/empty"
	IN=empty.txt run "$p" --lines
	status 0; stream; verdict "$p/empty-lines"

	printf '%s\n' "$HDR" > hdr.tsv
	run "$p" hdr.tsv
	status 0; stream; [ "$(wc -l < out)" -eq 1 ] || add "rows out of a header"; verdict "$p/header-only"
	printf 'id\ttext\n' > hdrt.tsv
	run "$p" --text text --id id hdrt.tsv
	status 0; stream; verdict "$p/header-only-table"

	run "$p" --lines nonl.txt
	status 0; stream; has '第二句没有结尾'; verdict "$p/no-trailing-newline-lines"
	head -c -1 lf.tsv > nonl.tsv
	run "$p" nonl.tsv
	status 0; stream; has '第三行2019年12月13日。'; verdict "$p/no-trailing-newline-stream"

	run "$p" lf.tsv; cp out lf.ann
	sed 's/$/\r/' lf.tsv > crlf.tsv
	run "$p" crlf.tsv
	status 0; stream; same lf.ann; verdict "$p/crlf-stream"
	IN=lf.txt run "$p" --lines; cut -f 1-4,7- out > lf.lines
	IN=crlf.txt run "$p" --lines
	status 0; stream; cut -f 1-4,7- out | cmp -s - lf.lines || add "rows differ from the LF file's (offsets aside)"
	verdict "$p/crlf-lines"
	run "$p" --lines cr.txt
	status 0 1; stream; verdict "$p/lone-cr-lines"
	{ printf '\357\273\277'; cat lf.tsv; } > bom.tsv
	run "$p" bom.tsv
	status 0; stream; same lf.ann; verdict "$p/bom-stream"
	IN=bom.txt run "$p" --lines
	status 0; stream; cut -f 1-4,7- out | cmp -s - lf.lines || add "rows differ from the file's without BOM (offsets aside)"
	grep -q "$(printf '\357\273\277')" out && add "the BOM reached the output"
	verdict "$p/bom-lines"

	run "$p" --lines nul.txt
	status 0 1; stream; has '第二行'; verdict "$p/nul-bytes"

	for c in $classes; do
		name=${c%%:*}
		run "$p" --lines "utf8-$name.txt"
		status 1; stream; msg "utf8-$name.txt:1: "; has "$(printf '\357\277\275')"
		[ "$name" = cut-at-end ] || has '第二行5个'
		verdict "$p/invalid-utf8-$name"
	done
	{ echo "$HDR"; printf 'd\t1\tseg\tsent\t0\t9\t好\377好3万人\t\t\t\nd\t2\tseg\tsent\t0\t9\t第二行5个\t\t\t\n'; } > bad8.tsv
	run "$p" bad8.tsv
	status 1; stream; msg "bad8.tsv:2: "; has '第二行5个'; verdict "$p/invalid-utf8-stream"

	run "$p" --lines /bin/ls
	status 1; stream; msg "/bin/ls:"; verdict "$p/binary-file-lines"
	run "$p" /bin/ls
	status 1; stream; msg "/bin/ls:"; verdict "$p/binary-file-stream"

	{ echo "$HDR"
	  printf 'd\t1\tseg\tsent\t0\t4\t第一行。\t\t\t\n'
	  printf 'd\t2\tseg\tsent\t0\t4\n'
	  printf 'd\t3\tseg\tsent\t0\t4\t第三行。\t\t\t\textra\n'
	  printf 'd\t4\tseg\tsent\t0\t4\t第四\\q行。\t\t\t\n'
	  printf 'd\t5\tseg\tsent\t0\t4\t第五行。\t\t\t\n'; } > fields.tsv
	run "$p" fields.tsv
	status 1; stream; msg "fields.tsv:3: "; msg "fields.tsv:4: "; msg "fields.tsv:5: "
	has '第一行。'; has '第五行。'; has '第四\\q行。'
	verdict "$p/fields-and-escape"

	{ echo "$HDR"
	  printf 'd\t1\tseg\tsent\t0\t30\t2019年12月13日共有3万人，电话13800138000\t\t\t\n'
	  printf 'd\t1\tent\tDATE\tx\t-1\t2019年\t\t\t\n'
	  printf 'd\t1\tent\tPHONE\t99999999999999999999999\t5\t?\t\t\t\n'
	  printf 'd\t1\tnum\tcount\t5\t3\t?\t\t\t\n'; } > prior.tsv
	run "$p" prior.tsv
	status 0 1; stream; has "$(printf 'd\t1\tent\tDATE\tx\t-1')"; verdict "$p/non-number-offsets"

	run "$p" --text nosuch --id id fields.tsv
	status 1 2; grep -q nosuch err || add "message does not name the column"; verdict "$p/unknown-column"
	run "$p" --text nosuch hdrt.tsv
	status 1 2; grep -q nosuch err || add "message does not name the column"; verdict "$p/unknown-column-header-only"

	run "$p" good1.tsv; cp out good1.ann
	run "$p" good2.tsv; cp out good2.ann
	{ cat good1.ann; tail -n +2 good2.ann; } > good12.ann
	run "$p" good1.tsv dir.d missing.tsv sock /proc/self/mem good2.tsv
	status 1; stream; same good12.ann
	msg "dir.d"; msg "missing.tsv"; [ -S sock ] && msg "sock"; msg "/proc/self/mem"
	verdict "$p/bad-files-among-good"
}

# ---- aggregate ----

agg_cases() {
	printf 'kind\tunit\tvalue\nnum\t元\t147207000\nnum\t%%\t18.5\nnum\t元\t0.3333\n' > t.tsv
	IN=empty.txt run aggregate count
	status 0 1; utf8; verdict aggregate/empty
	printf 'kind\tunit\tvalue\n' > h.tsv
	run aggregate -g unit count sum:value h.tsv
	status 0 1; utf8; verdict aggregate/header-only
	head -c -1 t.tsv > t-nonl.tsv
	run aggregate -g unit sum:value t-nonl.tsv; cp out nonl.agg
	run aggregate -g unit sum:value t.tsv; cp out t.agg
	status 0; has '147207000.3333'; same nonl.agg; verdict aggregate/no-trailing-newline
	sed 's/$/\r/' t.tsv > t-crlf.tsv
	run aggregate -g unit sum:value t-crlf.tsv
	status 0; same t.agg; verdict aggregate/crlf
	tr '\n' '\r' < t.tsv > t-cr.tsv
	run aggregate -g unit sum:value t-cr.tsv
	status 0 1; utf8; verdict aggregate/lone-cr
	{ printf '\357\273\277'; cat t.tsv; } > t-bom.tsv
	run aggregate -g unit sum:value t-bom.tsv
	status 0; same t.agg; verdict aggregate/bom
	printf 'k\tv\na\0b\t1\nab\t2\n' > t-nul.tsv
	run aggregate -g k sum:v t-nul.tsv
	status 0 1; utf8; verdict aggregate/nul-bytes
	for c in $classes; do
		name=${c%%:*}
		printf 'k\tv\n' > a8.tsv
		# shellcheck disable=SC2059
		printf "x$(printf '%s' "${c#*:}")\t1\ny\t2\n" >> a8.tsv
		run aggregate -g k sum:v a8.tsv
		status 1; utf8; msg "a8.tsv:2: "; has "$(printf 'y\t2')"; verdict "aggregate/invalid-utf8-$name"
	done
	run aggregate count /bin/ls
	status 0 1; utf8; verdict aggregate/binary-file

	printf 'k\tv\na\t1\nb\nc\t3\t9\nd\\q\t4\ne\t5\n' > f.tsv
	run aggregate sum:v count f.tsv
	status 1; utf8; msg "f.tsv:3: "; msg "f.tsv:4: "; msg "f.tsv:5: "
	has "$(printf '10\t3')"
	verdict aggregate/fields-and-escape
	run aggregate sum:nosuch f.tsv
	status 1 2; grep -q nosuch err || add "message does not name the column"; verdict aggregate/unknown-column
	run aggregate -g nosuch count f.tsv
	status 1 2; grep -q nosuch err || add "message does not name the column"; verdict aggregate/unknown-group-column
	run aggregate sum:nosuch h.tsv
	status 1 2; grep -q nosuch err || add "message does not name the column"; verdict aggregate/unknown-column-header-only

	printf 'v\n1\nabc\n2\n' > nn.tsv
	run aggregate sum:v nn.tsv
	status 1; msg "nn.tsv:3: "; verdict aggregate/non-number
	run aggregate --skip-bad sum:v nn.tsv
	status 0 1; has 3; grep -q "$prog: .*1" err || add "skipped value not counted on stderr"; verdict aggregate/non-number-skip-bad

	# at and past 64-bit fixed point and its 18 decimals: exact results
	printf 'v\n9223372036854775807\n1\n' > r1.tsv
	run aggregate sum:v max:v r1.tsv
	status 0; has "$(printf '9223372036854775808\t9223372036854775807')"; verdict aggregate/range-int64-up
	printf 'v\n-9223372036854775808\n-1\n' > r2.tsv
	run aggregate sum:v min:v r2.tsv
	status 0; has "$(printf -- '-9223372036854775809\t-9223372036854775808')"; verdict aggregate/range-int64-down
	printf 'v\n0.000000000000000001\n1\n0.0000000000000000001\n' > r3.tsv
	run aggregate sum:v min:v r3.tsv
	status 0; has "$(printf '1.0000000000000000011\t0.0000000000000000001')"; verdict aggregate/range-scale
	printf 'v\n99999999999999999999999999999999999999999\n1\n-0.5\n' > r4.tsv
	run aggregate sum:v mean:v r4.tsv
	status 0; has "$(printf '99999999999999999999999999999999999999999.5\t33333333333333333333333333333333333333333.166667')"
	verdict aggregate/range-big
	{ printf 'v\n'; head -c 1000000 /dev/zero | tr '\0' '9'; printf '\n1\n'; } > r5.tsv
	run aggregate sum:v r5.tsv
	status 0 1; utf8
	if [ "$rc" = 0 ]; then
		d=$(tail -n 1 out)
		if [ "${#d}" -ne 1000001 ] || [ "$(printf '%s' "$d" | tr -d 0 | head -c 3)" != 1 ]; then
			add "sum of a million-digit number is not exact"
		fi
	else
		msg "r5.tsv:"
	fi
	verdict aggregate/million-digit

	printf 'k\tv\na\t1\n' > g1.tsv
	printf 'k\tv\nb\t2\n' > g2.tsv
	run aggregate -g k sum:v g1.tsv dir.d missing.tsv sock /proc/self/mem g2.tsv
	status 1; utf8; has "$(printf 'a\t1')"; has "$(printf 'b\t2')"
	msg "dir.d"; msg "missing.tsv"; [ -S sock ] && msg "sock"; msg "/proc/self/mem"
	verdict aggregate/bad-files-among-good
}

# ---- numbers and patterns that stress the parsers ----

mk_stress() {
	printf '共有9223372036854775808元，约99999999999999999999.5亿元。\n' > range.txt
	{ head -c 1000000 /dev/zero | tr '\0' '7'; printf '元\n'; } > million.txt
	# long runs that invite backtracking in patterns (phones, e-mails, URLs, dates, numbers)
	for pat in 1:digits 1.:dots @:at a@:mail a.:dotted 1-:dashes http://a.:url www.a/:www \
	           13800138000:phones '2019年12月':dates '一二三四五六七八九十':numerals '1,':commas; do
		unit=${pat%:*} name=${pat##*:}
		# u repeated up to 200000 bytes: counted in bytes (LC_ALL=C) and built by doubling, so
		# no awk takes quadratic time over it (gawk's length() in UTF-8 walks the string).
		LC_ALL=C awk -v u="$unit" 'BEGIN {
			r = int((200000 + length(u) - 1) / length(u))
			for (s = ""; r > 0; r = int(r / 2)) { if (r % 2) s = s u; u = u u }
			print s "x"; print "好3万人" }' > "bt-$name.txt"
	done
}

stress_cases() {   # stress_cases PROG
	p=$1
	run "$p" --lines --only range.txt
	status 0 1; stream
	[ "$p" = extract-numbers ] && { has '9223372036854775808'; has '9999999999999999999950000000'; }
	verdict "$p/range"
	run "$p" --lines --only million.txt
	status 0 1; stream
	if [ "$p" = extract-numbers ] && [ "$(wc -l < out)" -gt 1 ]; then
		v=$(tail -n 1 out | cut -f 8)
		[ -z "$v" ] || [ "$(printf '%s' "$v" | tr -d 7)" = "" ] || add "a million-digit numeral got an inexact value"
	fi
	verdict "$p/million-digit-numeral"
	for f in bt-*.txt; do
		run "$p" --lines --only "$f"
		status 0 1; stream; f=${f#bt-}; verdict "$p/backtracking-${f%.txt}"
	done
}

# ---- the 200 MB single line ----

big_line() {   # big_line: $W/big.txt, about 200 MB of Chinese news text without a newline
	[ -f big.txt ] && return
	awk 'BEGIN { s = "新华社北京12月13日电记者王丹报道共有14720.7万元惠及300余户。"; for (i = 0; i < 13000; i++) printf "%s", s }' > chunk
	i=0
	while [ $i -lt 200 ]; do cat chunk; i=$((i + 1)); done > big.txt
	rm -f chunk
}

# rss_run LIMIT_KB PROG ARG...: run with peak RSS measured; $rss in KB ("" when unknown).
# A sanitizer build's memory says nothing about the program's: no bound then.
rss_run() {
	lim=$1
	shift
	if grep -q -e __asan_init -e __tsan_init "$BIN/$1" 2>/dev/null; then
		run "$@"
		rss=""
	elif [ -x /usr/bin/time ]; then
		prog=$1
		shift
		why=""
		timeout -k 5 "$LIMIT" /usr/bin/time -o rss -f %M "$BIN/$prog" "$@" < /dev/null > "$W/out" 2> "$W/err"
		rc=$?
		rss=$(tail -n 1 rss)
		case $rss in *[!0-9]* | "") rss="" ;; esac
		[ -z "$rss" ] || [ "$rss" -le "$lim" ] || add "peak RSS ${rss} KB, over the ${lim} KB allowed"
	else
		run "$@"
		rss=""
	fi
}

big_cases() {
	big_line
	size=$(wc -c < big.txt)
	if built segment; then
		rss_run 65536 segment big.txt
		status 0; [ "$(head -n 1 out)" = "$HDR" ] || add "no header"
		n=$(wc -l < out)
		[ "$n" -gt 1000000 ] || add "only $n rows out of 200 MB of sentences"
		# no segment over the default limit of 2000 code points
		LC_ALL=C awk -F '\t' 'length($7) > 8000 { exit 1 }' out || add "a segment longer than 2000 code points"
		verdict "segment/line-200MB"; [ -n "$rss" ] && echo "# segment: peak RSS $rss KB on a 200 MB line"
	else
		echo "skip badinput/segment/line-200MB: segment is not built"
	fi
	for p in tag-entities extract-numbers; do
		built "$p" || continue
		if [ "${BADINPUT_FULL:-0}" = 1 ]; then
			f=big.txt
		else
			head -c 21580000 big.txt > big20.txt   # 20 MB of whole sentences
			f=big20.txt
		fi
		fs=$(wc -c < "$f")
		# loosely bounded: the driver holds the line, a copy and 8 bytes per character
		rss_run $((fs * 16 / 1024)) "$p" --lines --only "$f"
		status 0; stream
		verdict "$p/line-$((fs / 1000000))MB"; [ -n "$rss" ] && echo "# $p: peak RSS $rss KB on a $((fs / 1000000)) MB line"
	done
	if built aggregate; then
		{ printf 'k\tv\n'; cat big.txt; printf '\t5\nx\t7\n'; } > bigtab.tsv
		rss_run $((size * 4 / 1024)) aggregate -g k sum:v bigtab.tsv
		status 0; has "$(printf 'x\t7')"; [ "$(wc -l < out)" -eq 3 ] || add "expected two groups"
		verdict "aggregate/field-200MB"; [ -n "$rss" ] && echo "# aggregate: peak RSS $rss KB with a 200 MB field"
		rm -f bigtab.tsv
	fi
	rm -f big.txt big20.txt
}

# ---- the matrix ----

mk_stress

for p in segment tag-entities extract-numbers aggregate; do
	if ! built "$p"; then
		echo "skip badinput/$p: $p is not built"
		continue
	fi
	case $p in
	segment) seg_cases ;;
	aggregate) agg_cases ;;
	*) ann_cases "$p"; stress_cases "$p" ;;
	esac
done
if built segment; then
	# segment reads raw text: the same stress inputs as files
	for f in range.txt million.txt bt-*.txt; do
		run segment "$f"
		status 0 1; stream; verdict "segment/stress-${f%.txt}"
	done
fi
if [ "${BADINPUT_BIG:-1}" = 0 ]; then
	echo "skip badinput/line-200MB: BADINPUT_BIG=0"
else
	big_cases
fi
exit 0
