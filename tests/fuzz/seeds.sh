#!/bin/sh
# seeds.sh HARNESS DIR: write a seed corpus for one harness into DIR, made at run time from
# the sample pages (data/sample/*.txt) in the input layout that harness expects (see the
# comment at the top of each fuzz_*.c, table_check.h and stage.h), plus a few nasty cases
# the pages do not have.
set -eu
top=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
h=$1 dir=$2
mkdir -p "$dir"

# Pieces of ten lines of every sample page, each written by awk through a template:
# prefix bytes, then per line "stream" rows, "tsv" id/text rows, "csv" rows or raw lines.
pieces() {   # pieces FORM PREFIX NAME
	for f in "$top"/data/sample/*.txt; do
		awk -v form="$1" -v pre="$2" -v out="$dir/$3-$(basename "$f" .txt)" '
		function esc(s) { gsub(/\\/, "\\\\", s); gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s); return s }
		function put(s) { printf "%s", s > file }
		{ sub(/\r$/, "") }
		/^$/ { next }
		{
			if (n % 10 == 0) {
				if (file) close(file)
				file = out "-" (n / 10)
				put(pre)
				if (form == "tsvtable") put("id\ttext\n")
				if (form == "csvtable") put("id,text\n")
				if (form == "streamhead") put("doc\tseg\tkind\ttype\tstart\tend\ttext\tvalue\tunit\tmod\n")
			}
			n++
			if (form ~ /^stream/) {
				put("d\t" n "\tseg\tsent\t0\t" length($0) "\t" esc($0) "\t\t\t\n")
				if (index($0, "年") > 1) put("d\t" n "\tent\tDATE\t0\t2\tx\t2019-12-13\t\t\n")
			} else if (form == "tsvtable") {
				put(n "\t" esc($0) "\n")
			} else if (form == "csvtable") {
				s = $0; gsub(/"/, "\"\"", s); put(n ",\"" s "\"\n")
			} else {
				put($0 "\n")
			}
		}' "$f"
	done
}

case $h in
tsv)
	pieces streamhead "$(printf '\001')" stream
	printf '\005a\tb\r\nx\\ty\tz\\\\\r\n\\q\\\n1\n1\t2\t3\nlast\trow' > "$dir/nasty-escapes"
	printf '\375\357\273\277doc\ttext\n\377\300\257\355\240\200\364\220\200\200\t\346\227\n' > "$dir/nasty-utf8"
	;;
csv)
	pieces csvtable "$(printf '\001')" csv
	printf '\005a,b\r\n"x,""y""\r\nz",2\r\n"open\n' > "$dir/nasty-quotes"
	printf '\001a,b\r1,2\r3,4\n\377,\300\n' > "$dir/nasty-cr"
	;;
utf8)
	pieces lines "" page
	printf 'ok \200 \301\277 \340\200\200 \355\240\200 \364\220\200\200 \370\210\200\200\200 \346\227' > "$dir/nasty-classes"
	printf '\357\274\221\357\274\222 \343\200\200 e\314\201 \360\237\221\250\342\200\215\360\237\221\251' > "$dir/nasty-graphemes"
	;;
decimal)
	i=0
	for p in '147207000 18.5' '0.3333 3' '-12.50 .5' '3. -0' '99999999999999999999999999999 1' \
	         '0.000000000000000000000000001 -1000000000000' '+7 -7' '1e5 2' '12,345 1'; do
		i=$((i + 1)); printf '%s' "$p" > "$dir/num-$i"
	done
	;;
annotate|extract-numbers|tag-entities)
	# mode byte 0x10 is mode 0 (stream, header supplied): $(...) cannot carry a NUL byte
	pieces stream "$(printf '\020\020')" stream
	pieces lines "$(printf '\002\377')" lines
	pieces tsvtable "$(printf '\003\007')" tsv
	pieces csvtable "$(printf '\004\001')" csv
	printf '\000\000d\t1\tseg\tsent\t0\t9\t14720.7万元 约3万余人 2019年12月13日 13800138000\t\t\t\nd\t1\tent\tDATE\t12\t23\tx\t\t\t\nd\t1\tent\tPHONE\t-5\tzz\tx\t\t\t\n' > "$dir/nasty-prior"
	printf '\002\000%s\n' "$(printf '%0300d' 7)" "一二三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟两〇零" \
	       '1,234,567,890.123.456.789 ..... @@@@@@@@ http://a.b/c?d=e&f=g#h www.x.cn/a/b/c' > "$dir/nasty-numerals"
	;;
numeral)
	pieces lines "" page
	printf '%s\n' "$(printf '%0300d' 7)" "一二三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟两〇零" \
	       '1,234,567,890.123.456.789 ..... 十几万 二百余万 500多亿 十来个 三分之一 百分之五十 14720.7万元 -3.5' > "$dir/nasty-numerals"
	;;
model)
	printf 'TENERMDL\001\000\000\000' > "$dir/header-start"
	printf 'TENERMDL\002\000\000\000xxxx' > "$dir/version-2"
	printf 'G\000\021\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017\020\021' > "$dir/gen-all"
	printf 'G\003\002\015\015\177\200\377' > "$dir/gen-lexicon"
	;;
aggnum)
	printf '147207000\n18.5\n0.3333\n-1\n' > "$dir/sum"
	printf '9223372036854775807\n1\n-9223372036854775808\n-1\n0.000000000000000001\n99999999999999999999.5\n' > "$dir/edges"
	printf 'x\n1e5\n\n+\n-.\n.5\n3.\n1,000\n' > "$dir/junk"
	;;
segment|aggregate)
	pieces lines "" page
	pieces streamhead "" stream
	;;
*)
	echo "seeds.sh: no seeds for $h" >&2
	;;
esac
