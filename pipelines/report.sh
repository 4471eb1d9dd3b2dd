#!/bin/bash
# usage: report.sh [--top N] OUTDIR
# An HTML page on a run's outputs: OUTDIR/report.html with two charts drawn by gnuplot,
# report-entities.png (the N most mentioned places and organisations, default 15) and
# report-numbers.png (number totals per type and unit), and the tables behind them. Labels
# are Chinese, so the charts use a CJK font (Noto Sans CJK, Debian's fonts-noto-cjk);
# without it they would be drawn as boxes. Every file is written beside its target and
# renamed into place, the page last.
. "$(dirname "$0")/lib.sh"
top=15
if [ "${1:-}" = --top ]; then
	top=${2:?}
	shift 2
fi
[ $# -eq 1 ] || usage_error "usage: report.sh [--top N] OUTDIR"
[[ $top =~ ^[1-9][0-9]*$ ]] || usage_error "--top needs a positive whole number"
out=$(dashsafe "$1")
command -v gnuplot >/dev/null || die "$E_SYS" "gnuplot is not installed (Debian: apt-get install gnuplot-nox)"
for f in annotations entities numbers; do
	[ -r "$out/$f.tsv" ] || die "$E_SYS" "no $out/$f.tsv: run run.sh first"
done
font=${REPORT_FONT:-Noto Sans CJK SC}
if command -v fc-list >/dev/null && ! fc-list "$font" | grep -q .; then
	log "warning: font '$font' not found; Chinese labels may be drawn as boxes (Debian: apt-get install fonts-noto-cjk)"
fi

work=$(make_work "$out") || die "$E_SYS" "cannot create a scratch folder in $out"
trap 'rm -rf -- "$work"' EXIT

# Chart data, TSV: label, type, value. The stream's escapes are undone for display.
unesc='function unesc(s) { gsub(/\\t/, " ", s); gsub(/\\n/, " ", s); gsub(/\\r/, " ", s); gsub(/\\\\/, "\\", s); return s }'
awk -F '\t' "$unesc"' NR > 1 && ($1 == "LOC" || $1 == "ORG") { print unesc($2) "\t" $1 "\t" $3 }' <"$out/entities.tsv" |
	sort -t "$TAB" -k3,3nr -k1,1 | first "$top" >"$work/entities.dat"
# The units mentioned most, and the first unit of every type even when it is rare (one
# money amount among hundreds of counts is still the one a reader looks for).
awk -F '\t' "$unesc"' NR > 1 && $4 + 0 > 0 { print (unesc($2) == "" ? "(无单位)" : unesc($2)) " · " $1 "\t" $1 "\t" $4 "\t" $3 }' <"$out/numbers.tsv" |
	sort -t "$TAB" -k4,4nr -k1,1 |
	awk -F '\t' -v n="$top" '{ row[NR] = $0; if (!($2 in seen)) { seen[$2] = 1; must[NR] = 1; m++ } }
		END { for (i = 1; i <= NR; i++) if (must[i] || (i <= NR && kept < n - m)) { print row[i]; if (!must[i]) kept++ } }' |
	sort -t "$TAB" -k4,4nr -k1,1 >"$work/numbers.dat"

# One gnuplot run per chart; horizontal bars, the largest on top, labels in the CJK font.
chart() {
	local data=$1 png=$2 title=$3 xlabel=$4 base=$5 extra=$6
	local n
	n=$(wc -l <"$data")
	[ "$n" -gt 0 ] || { printf '%s\tnone\t0\n' "(无数据)" >"$data" && n=1; }
	gnuplot <<EOF
set terminal pngcairo size 960,$((140 + 28 * n)) font "$font,11" noenhanced
set output "$png"
set datafile separator "\t"
set title "$title" font "$font,15"
set xlabel "$xlabel"
set style fill solid 0.85 border -1
set yrange [$n - 0.3:-0.7]
set ytics nomirror scale 0
set grid xtics
set key bottom right
set linetype 1 lc rgb "#3b6ea8"
set linetype 2 lc rgb "#e07b39"
set linetype 3 lc rgb "#5a9e5a"
$extra
plot "$data" using 3:0:($base):3:(\$0 - 0.38):(\$0 + 0.38):(strcol(2) eq "ORG" || strcol(2) eq "money" ? 2 : strcol(2) eq "percent" ? 3 : 1):ytic(1) \
	with boxxyerror lc variable notitle
EOF
}
chart "$work/entities.dat" "$work/report-entities.png" "提及最多的地点（蓝）和机构（橙）" "提及次数" 0 "set xrange [0:*]" ||
	die "$E_SYS" "gnuplot failed on the entity chart"
# Sums span from a few to billions: a logarithmic axis keeps every bar readable, its bars
# starting at 1 since 0 has no place on it.
chart "$work/numbers.dat" "$work/report-numbers.png" "数量总和：提及最多的单位，每种类型至少一个（金额橙色，百分比绿色）" "总和（对数刻度）" 1 \
	"set logscale x 10; set xrange [1:*]" || die "$E_SYS" "gnuplot failed on the number chart"

# html_rows FILE COLS: table rows of a TSV's body, text escaped for HTML.
html_rows() {
	awk -F '\t' -v cols="$2" "$unesc"' function h(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
		NR > 1 { printf "<tr>"; for (i = 1; i <= cols; i++) printf "<td>%s</td>", h(unesc($i)); print "</tr>" }' <"$1"
}
summary=$(bash "$PIPELINES/summary.sh" "$out" | first 1 | sed 's/&/\&amp;/g; s/</\&lt;/g')
{
	cat <<EOF
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh">
<head>
<meta charset="utf-8"/>
<title>新闻事实报告</title>
<style>
body { font-family: "Noto Sans CJK SC", sans-serif; margin: 2em; }
table { border-collapse: collapse; margin-bottom: 2em; }
td, th { border: 1px solid #ccc; padding: 2px 8px; }
td:nth-child(n+3) { text-align: right; }
</style>
</head>
<body>
<h1>新闻事实报告</h1>
<p>${summary}</p>
<h2>提及最多的地点和机构</h2>
<p><img src="report-entities.png" alt="提及最多的地点和机构"/></p>
<h2>数量总和</h2>
<p><img src="report-numbers.png" alt="按单位的数量总和"/></p>
<h2>实体（前 100）</h2>
<table>
<tr><th>type</th><th>text</th><th>mentions</th><th>documents</th></tr>
EOF
	{
		head -n 1 "$out/entities.tsv"
		tail -n +2 "$out/entities.tsv" | sort -t "$TAB" -k3,3nr -k1,2 | first 100
	} >"$work/top-entities.tsv"
	html_rows "$work/top-entities.tsv" 4
	cat <<EOF
</table>
<h2>数量（按类型和单位）</h2>
<table>
<tr><th>type</th><th>unit</th><th>count</th><th>sum</th><th>min</th><th>max</th><th>documents</th></tr>
EOF
	html_rows "$out/numbers.tsv" 7
	cat <<EOF
</table>
</body>
</html>
EOF
} >"$work/report.html"

for f in report-entities.png report-numbers.png report.html; do
	publish "$work/$f" "$out/$f" || die "$E_SYS" "cannot publish $out/$f"
done
log "report: $out/report.html"
