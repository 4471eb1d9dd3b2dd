#!/bin/sh
# guarantees-common: the promises of issue 16 that hold for all four programs at once, run on
# the real binaries and through the whole chain (segment | tag-entities | extract-numbers |
# aggregate): a file size limit is a write error (status 3, a message, no SIGXFSZ death); a
# CSV quote left open at the end of the input is reported (status 1), the rows before it
# kept; a NUL byte in a document travels as \0 and never as a raw byte; non-UTF-8 file names
# stay distinct documents, escaped as \xHH, to the end of the chain.
# Environment: BIN, TOP.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
case $BIN in /*) ;; *) BIN=$TOP/$BIN ;; esac
W=$(mktemp -d "${TMPDIR:-/tmp}/guarantees.XXXXXX")
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cd "$W" || exit 1
name=guarantees-common
for p in segment tag-entities extract-numbers aggregate; do
	if [ ! -x "$BIN/$p" ]; then echo "skip $name: $p is not built"; exit 0; fi
done
result() {   # result CHECK WHY: ok when WHY is empty
	if [ -z "$2" ]; then echo "ok $name/$1"; else echo "FAIL $name/$1: $2"; fi
}
utf8_ok() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }
raw_nul() { [ "$(tr -d '\000' <"$1" | wc -c)" -ne "$(wc -c <"$1")" ]; }

# 1. ulimit -f: 400 lines of news give far more than 8 KB of output in every program.
i=0
while [ $i -lt 400 ]; do
	echo "新华社北京3月5日电 李克强在人民大会堂说，全国粮食总产量达到13657亿斤。"
	i=$((i + 1))
done > news.txt
"$BIN/segment" news.txt > news.tsv
printf 'k\tv\n' > keys.tsv
awk 'BEGIN { for (i = 0; i < 2000; i++) print "key" i "\t" i }' >> keys.tsv
for p in segment tag-entities extract-numbers aggregate; do
	case $p in
		segment) set -- news.txt ;;
		aggregate) set -- -g k sum:v keys.tsv ;;
		*) set -- news.tsv ;;
	esac
	# shellcheck disable=SC3045
	(ulimit -f 8; "$BIN/$p" "$@" > big.out 2> err) 2>/dev/null
	st=$?
	why=""
	if [ $st != 3 ]; then why="status $st, expected 3 (153 is a SIGXFSZ death)"
	elif [ "$(cat err)" != "$p: write error: File too large" ]; then why="stderr: $(head -c 200 err)"
	fi
	result "$p/file-size-limit" "$why"
done

# 2. A CSV quote left open in the last column: the record it starts is reported by its first
# line, status 1; the rows before it are in the output. (Read leniently, the rest of the
# file is one well-formed field of that record: no message, status 0.)
printf 'id,v,text\n1,5,上海电 收入增长5亿元。\n2,6,"北京电 收入增长6亿元。\n3,7,广州\n' > open.csv
for p in segment tag-entities extract-numbers aggregate; do
	case $p in aggregate) set -- --icsv -g id sum:v open.csv ;; *) set -- --icsv --text text open.csv ;; esac
	"$BIN/$p" "$@" > out 2> err
	st=$?
	why=""
	if [ $st != 1 ]; then why="status $st, expected 1"
	elif [ "$(cat err)" != "$p: open.csv:3: unterminated quoted field at the end of the input (the record starts here)" ]; then
		why="stderr: $(head -c 200 err)"
	elif ! grep -q '上海电\|^1	5$' out; then why="the row before the open quote is missing"
	elif grep -q '北京\|广州\|^2	' out; then why="rows after the open quote were read as data"
	fi
	result "$p/csv-open-quote" "$why"
done

# 3. A NUL byte in a document: \0 in every stream of the chain, never a raw 0 byte (a raw one
# breaks COPY into PostgreSQL and empties the text in SQLite), every row ten fields, and the
# text with its \0 is one group key in aggregate.
printf '空字符\000在这里，收入8亿元。\n' > nul.txt
why=""
"$BIN/segment" nul.txt > s.tsv && "$BIN/tag-entities" s.tsv > t.tsv && "$BIN/extract-numbers" t.tsv > n.tsv &&
	"$BIN/aggregate" -w kind=seg -g text count n.tsv > a.tsv || why="a stage failed"
for f in s.tsv t.tsv n.tsv a.tsv; do
	[ -z "$why" ] || break
	if raw_nul $f; then why="raw NUL byte in $f"
	elif ! utf8_ok $f; then why="$f is not UTF-8"
	fi
done
if [ -z "$why" ]; then
	bad=$(LC_ALL=C awk -F'\t' 'NF != 10 { n++ } END { print n + 0 }' n.tsv)
	nums=$(LC_ALL=C awk -F'\t' '$3 == "num" { print $8 }' n.tsv)
	if [ "$bad" != 0 ]; then why="$bad rows without ten fields"
	elif ! grep -q '^nul\.txt	1	seg	sent	0	[0-9]*	空字符\\0在这里' n.tsv; then why="segment text lost its \\0: $(sed -n 2p n.tsv)"
	elif [ "$nums" != 800000000 ]; then why="extract-numbers found '$nums', expected 800000000 after the NUL"
	elif [ "$(sed -n 2p a.tsv)" != "$(printf '空字符\\0在这里,收入8亿元。\t1')" ]; then why="aggregate key: $(sed -n 2p a.tsv)"
	fi
fi
result chain/nul-escaped "$why"

# 4. Non-UTF-8 names: x<FF>.txt, x<FE>.txt and the literal name 'x\xFF.txt' are three
# documents at every stage; the doc column is UTF-8 and tells them apart.
printf '北京电 公司收入增长5亿元。\n' > "$(printf 'x\377.txt')"
printf '上海电 公司收入增长6亿元。\n' > "$(printf 'x\376.txt')"
printf '广州电 公司收入增长7亿元。\n' > 'x\xFF.txt'
why=""
"$BIN/segment" "$(printf 'x\377.txt')" "$(printf 'x\376.txt')" 'x\xFF.txt' > s.tsv &&
	"$BIN/tag-entities" s.tsv > t.tsv && "$BIN/extract-numbers" t.tsv > n.tsv &&
	"$BIN/aggregate" -w kind=num -g doc count sum:value n.tsv > a.tsv || why="a stage failed"
for f in s.tsv t.tsv n.tsv a.tsv; do
	[ -z "$why" ] || break
	utf8_ok $f || why="$f is not UTF-8"
done
if [ -z "$why" ]; then
	for f in s.tsv t.tsv n.tsv; do
		d=$(LC_ALL=C awk -F'\t' 'NR > 1 { print $1 }' $f | sort -u | wc -l)
		[ "$d" = 3 ] || why="$why $f has $d documents, expected 3;"
	done
	want=$(printf 'doc\tcount\tsum(value)\nx\\\\x5CxFF.txt\t1\t700000000\nx\\\\xFE.txt\t1\t600000000\nx\\\\xFF.txt\t1\t500000000')
	[ -n "$why" ] || [ "$(cat a.tsv)" = "$want" ] || why="aggregate: $(tr '\n\t' '| ' < a.tsv)"
fi
result chain/non-utf8-names-distinct "$why"
