#!/bin/sh
# The whole chain on a real corpus at scale: the 37 MB CCTV news text of ../shared/external
# (never copied into the project). Checks that every stage exits 0, that the stream is well
# formed (ten fields a row, segments in order), that no segment exceeds the length bound, and
# that a second run gives the same bytes. Skips when the corpus or a program is absent.
set -u
: "${BIN:?}" "${TOP:?}"
corpus=$TOP/../shared/external/news/xwlb_2022-2026.txt.xz
name=suites/news-corpus
for p in segment tag-entities extract-numbers aggregate; do
	[ -x "$BIN/$p" ] || { echo "skip $name: $p is not built"; exit 0; }
done
[ -f "$corpus" ] || { echo "skip $name: $corpus is absent (a clone without ../shared)"; exit 0; }
command -v xz >/dev/null 2>&1 || { echo "skip $name: xz is not installed"; exit 0; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/news.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

xz -dc "$corpus" > "$tmp/news.txt"
run() {
	"$BIN/segment" "$tmp/news.txt" 2>"$tmp/err1" | "$BIN/tag-entities" 2>"$tmp/err2" |
		"$BIN/extract-numbers" 2>"$tmp/err3" > "$1"
	echo $? > "$tmp/rc"
}
run "$tmp/a.tsv"
if [ "$(cat "$tmp/rc")" = 0 ] && [ ! -s "$tmp/err1" ] && [ ! -s "$tmp/err2" ] && [ ! -s "$tmp/err3" ]; then
	echo "ok $name: the chain runs clean on 37 MB of news"
else
	echo "FAIL $name: the chain failed or complained: $(cat "$tmp/err1" "$tmp/err2" "$tmp/err3" | head -n 3 | tr '\n' '|')"
fi
bad=$(awk -F'\t' 'NF != 10 { n++ } END { print n + 0 }' "$tmp/a.tsv")
if [ "$bad" = 0 ]; then echo "ok $name: every row has ten fields"; else echo "FAIL $name: $bad rows without ten fields"; fi
# segments numbered 1, 2, 3... within the document; mentions inside their segment
awk -F'\t' 'NR > 1 && $3 == "seg" { if ($2 != last + 1) { print "segment " $2 " after " last; exit 1 } last = $2; len = $6 - $5 }
            NR > 1 && $3 != "seg" && ($2 != last || $5 > $6) { print "row outside its segment at line " NR; exit 1 }' \
	"$tmp/a.tsv" > "$tmp/order" 2>&1 &&
	echo "ok $name: segments in order, mentions within them" ||
	echo "FAIL $name: $(head -n 1 "$tmp/order")"
long=$(LC_ALL=C awk -F'\t' '$3 == "seg" && length($7) > 2000 * 3 { n++ } END { print n + 0 }' "$tmp/a.tsv")
[ "$long" = 0 ] && echo "ok $name: no segment over the length bound" || echo "FAIL $name: $long segments over 2000 characters"
n=$(awk -F'\t' '$3 == "num"' "$tmp/a.tsv" | wc -l)
e=$(awk -F'\t' '$3 == "ent"' "$tmp/a.tsv" | wc -l)
[ "$n" -gt 100000 ] && [ "$e" -gt 100000 ] && echo "ok $name: $n numbers and $e entities found" ||
	echo "FAIL $name: too few mentions ($n numbers, $e entities) for 37 MB of news"
run "$tmp/b.tsv"
cmp -s "$tmp/a.tsv" "$tmp/b.tsv" && echo "ok $name: a second run gives the same bytes" ||
	echo "FAIL $name: two runs differ"
"$BIN/aggregate" --where kind=num -g unit count sum:value < "$tmp/a.tsv" > "$tmp/agg" 2>"$tmp/aerr" &&
	[ -s "$tmp/agg" ] && echo "ok $name: aggregate sums the numbers" ||
	echo "FAIL $name: aggregate failed: $(head -n 2 "$tmp/aerr" | tr '\n' '|')"
