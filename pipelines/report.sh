#!/bin/bash
# usage: report.sh [--top N] OUTDIR
# A page on a run's outputs for people: OUTDIR/report.html, one self-contained file (charts
# as inline SVG, no images beside it), all in Chinese:
#   - the N (default 15) people, places and organisations mentioned most, counted in titles,
#     sentences and captions only, so that the source credit of a byline or a page footer
#     (来源：央视网) is not counted as news about that organisation;
#   - number mentions per type and unit (a count of mentions; values of different kinds,
#     percents, ordinals, years, are never added together);
#   - mentions over time, from the DATE entities' normalised values;
#   - the tables behind them.
# Data only ever reaches awk as input, never as program text. The page is written beside
# its target, checked to be whole and renamed into place: a full disk is status 3 and
# leaves the previous page as it was.
. "$(dirname "$0")/lib.sh"
case ${1:-} in -h | --help)
	sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"
	exit 0
	;;
esac
top=15
if [ "${1:-}" = --top ]; then
	top=${2:?}
	shift 2
fi
[ $# -eq 1 ] || usage_error "usage: report.sh [--top N] OUTDIR"
[[ $top =~ ^[1-9][0-9]{0,3}$ ]] || usage_error "--top needs a whole number from 1 to 9999"
out=$(dashsafe "$1")
for f in annotations entities numbers; do
	[ -r "$out/$f.tsv" ] || die "$E_SYS" "no $(esc "$out")/$f.tsv: run run.sh first"
done
svg=$PIPELINES/report-svg.awk
[ -r "$svg" ] || die "$E_SYS" "$svg is missing"

work=$(make_work "$out") || die "$E_SYS" "cannot create a scratch folder in $(esc "$out")"
trap 'rm -rf -- "$work"' EXIT
failed() { die "$E_SYS" "cannot write the report in $(esc "$out") ($1); the previous report is unchanged"; }

# Names and colours of the number and entity types, and which values may be added up
# (awk functions, put in front of the programs that need them).
types='
function zh(t) {
	return t == "count" ? "计数" : t == "money" ? "金额" : t == "percent" ? "百分比" : t == "measure" ? "度量" : t == "duration" ? "时长" : t == "ordinal" ? "序数" : t == "fraction" ? "分数" : t == "score" ? "得分" : t == "other" ? "其他" : t == "PER" ? "人物" : t == "LOC" ? "地点" : t == "ORG" ? "机构" : t == "DATE" ? "日期" : t == "TIME" ? "时间" : t == "URL" ? "网址" : t == "PHONE" ? "电话" : t == "EMAIL" ? "电子邮箱" : t
}
function colour(t) {
	return t == "count" ? "#7f60a8" : t == "money" ? "#d4a017" : t == "percent" ? "#5a9e5a" : t == "measure" ? "#2f8f9d" : t == "duration" ? "#8c6d46" : t == "ordinal" ? "#9e9e9e" : t == "fraction" ? "#b5651d" : t == "score" ? "#c2185b" : "#607d8b"
}
function additive(t) { return t == "count" || t == "money" || t == "measure" || t == "duration" }
'

# One pass over the stream. facts: S docs segs ents nums left-out; E type text mentions
# (people, places, organisations in title, sent and caption segments); Y year mentions;
# M month mentions; U mentions without a year. The seg row comes before the rows that
# annotate it, so the current segment's type is known for every entity.
awk -F '\t' '
	NR == 1 { next }
	# A news agency or site opening a sentence as its source: 央视网消息：, 新华社北京3月4日电.
	function dateline(   n, r, p) {
		if ($4 != "ORG" || $5 != 0 || index(stext, $7) != 1) return 0
		n = length($7)
		r = substr(stext, n + 1, 6)
		if (index(r, "消息") == 1 || index(r, "讯") == 1 || index(r, "电") == 1) return 1
		p = index(stext, "日电")
		return p > 0 && p <= n + 40
	}
	$1 != doc { docs++; doc = $1 }
	$3 == "seg" { segs++; stype = $4; stext = $7; next }
	$3 == "num" { nums++; next }
	$3 != "ent" { next }
	{ ents++ }
	$4 == "PER" || $4 == "LOC" || $4 == "ORG" {
		if ((stype == "title" || stype == "sent" || stype == "caption") && !dateline()) c[$4 "\t" $7]++
		else left++
	}
	$4 == "DATE" {
		if ($8 ~ /^[0-9][0-9][0-9][0-9]/) {
			y[substr($8, 1, 4)]++
			if ($8 ~ /^[0-9][0-9][0-9][0-9]-[01][0-9]/) m[substr($8, 1, 7)]++
		} else undated++
	}
	END {
		printf "S\t%d\t%d\t%d\t%d\t%d\t%d\n", docs, segs, ents, nums, left, undated
		for (k in c) print "E\t" k "\t" c[k]
		for (k in y) print "Y\t" k "\t" y[k]
		for (k in m) print "M\t" k "\t" m[k]
	}' <"$out/annotations.tsv" >"$work/facts.tsv" || failed "reading annotations.tsv"
read -r _ docs segs ents nums left undated < <(grep '^S' "$work/facts.tsv") || failed "no facts"

# The chart input for report-svg.awk, one chart after another.
{
	# People, places, organisations: the top N of each.
	for t in PER:人物:#c0504d LOC:地点:#3b6ea8 ORG:机构:#e07b39; do
		IFS=: read -r code name colour <<<"$t"
		printf 'chart\thbar\tchart-%s\t提及最多的%s\n' "$code" "$name"
		awk -F '\t' -v t="$code" '$1 == "E" && $2 == t { print $4 "\t" $3 }' <"$work/facts.tsv" |
			sort -t "$TAB" -k1,1nr -k2,2 | first "$top" |
			awk -F '\t' -v c="$colour" '{ print "row\t" $2 "\t" $1 "\t" c }'
		printf 'end\n'
	done
	# Numbers: mentions per unit, grouped by type, types in order of their mentions; at most
	# N units per type, the rest as 其他单位 (mentions add up; values of a type would not).
	printf 'chart\thbar\tchart-numbers\t数字的提及次数，按类型和单位\n'
	awk -F '\t' 'NR > 1 { print $1 "\t" $2 "\t" $3 }' <"$out/numbers.tsv" |
		sort -t "$TAB" -k1,1 -k3,3nr -k2,2 |
		awk -F '\t' -v n="$top" "$types"'
			{
				if (!($1 in tot)) order[++nt] = $1
				tot[$1] += $3
				k = ++seen[$1]
				if (k <= n) { u[$1, k] = $2; v[$1, k] = $3 } else rest[$1] += $3
			}
			END {
				# Types by mentions, most first (insertion sort: there are a handful).
				for (i = 2; i <= nt; i++)
					for (j = i; j > 1 && (tot[order[j]] > tot[order[j - 1]] || (tot[order[j]] == tot[order[j - 1]] && order[j] < order[j - 1])); j--) {
						t = order[j]; order[j] = order[j - 1]; order[j - 1] = t
					}
				for (i = 1; i <= nt; i++) {
					t = order[i]
					print "head\t" zh(t) "（" tot[t] " 次）"
					for (k = 1; k <= n && (t, k) in u; k++)
						print "row\t" (u[t, k] == "" ? "（无单位）" : u[t, k]) "\t" v[t, k] "\t" colour(t)
					if (rest[t]) print "row\t其他单位\t" rest[t] "\t" colour(t)
				}
			}'
	printf 'end\n'
	# Time: mentions per year (per decade when the years span more than 40), and per month
	# of the year mentioned most when it has at least half of the dated mentions.
	awk -F '\t' -v undated="$undated" '
		$1 == "Y" { y[$2] = $3; if (lo == "" || $2 < lo) lo = $2; if ($2 > hi) hi = $2; all += $3; if ($3 > best) { best = $3; by = $2 } }
		$1 == "M" { m[$2] = $3 }
		END {
			if (all == 0) { print "chart\tvbar\tchart-years\t按年份的日期提及次数"; print "end"; exit }
			step = hi - lo > 40 ? 10 : 1
			print "chart\tvbar\tchart-years\t" (step == 10 ? "按年代" : "按年份") "的日期提及次数"
			for (k = int(lo / step) * step; k <= hi + 0; k += step) {
				s = 0
				for (j = k; j < k + step; j++) s += y[j ""]
				print "row\t" (step == 10 ? k "年代" : k) "\t" s "\t#5a9e5a"
			}
			print "note\t共 " all " 次提及带年份" (undated ? "；另有 " undated " 次没有年份（如“5月30日”），不计入。" : "。")
			print "end"
			if (best * 2 < all) exit
			print "chart\tvbar\tchart-months\t" by "年各月的日期提及次数"
			for (k = 1; k <= 12; k++) print "row\t" k "月\t" (m[by "-" sprintf("%02d", k)] + 0) "\t#5a9e5a"
			print "note\t" by "年的日期提及中带月份的部分。"
			print "end"
		}' <"$work/facts.tsv"
} >"$work/charts.tsv" || failed "charts"
awk -f "$PIPELINES/unescape.awk" -f "$svg" <"$work/charts.tsv" >"$work/charts.html" || failed "drawing the charts"

# figure NAME: the SVG of chart NAME, from <figure id="NAME"> to its </figure>.
figure() {
	awk -v id="$1" '$0 == "<figure id=\"" id "\">" { on = 1 } on { print } on && $0 == "</figure>" { exit }' <"$work/charts.html"
}
# rows COLS: the stream's TSV body as table rows, escapes undone and text escaped for HTML;
# type codes in Chinese; a sum only where adding values means something (counts, money,
# measures, durations: not percents, ordinals, scores, years or ages).
rows() {
	awk -F '\t' -v cols="$1" "$UNESC_AWK$types"'
		function h(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
		{
			printf "<tr><td>%s</td>", h(zh($1))
			for (i = 2; i <= cols; i++) {
				f = unesc($i, 1)
				if (cols == 7 && i == 2 && f == "") f = "（无单位）"
				if (cols == 7 && i == 4 && !additive($1)) f = "—"
				printf "<td>%s</td>", h(f)
			}
			print "</tr>"
		}'
}
{
	cat <<'EOF'
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
<head>
<meta charset="utf-8"/>
<title>新闻事实报告</title>
<style>
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; margin: 2em; color: #222; }
figure { margin: 0 0 1.5em 0; }
figcaption, .empty { color: #555; font-size: 90%; }
svg text { fill: #222; font-family: inherit; }
table { border-collapse: collapse; margin-bottom: 2em; }
td, th { border: 1px solid #ccc; padding: 2px 8px; }
td:nth-child(n+3) { text-align: right; }
</style>
</head>
<body>
<h1>新闻事实报告</h1>
EOF
	printf '<p>%d 篇文档，%d 个片段，%d 次实体提及，%d 次数字提及。</p>\n' "$docs" "$segs" "$ents" "$nums"
	printf '<h2>提及最多的人物</h2>\n'
	figure chart-PER
	printf '<h2>提及最多的地点</h2>\n'
	figure chart-LOC
	printf '<h2>提及最多的机构</h2>\n'
	figure chart-ORG
	printf '<p class="empty">人物、地点和机构只计标题、正文句子和图片说明中的提及；署名、来源和页面栏目中的 %d 次（如“来源：央视网”）不计入。</p>\n' "$left"
	printf '<h2>数字：按类型和单位的提及次数</h2>\n'
	figure chart-numbers
	printf '<p class="empty">条形长度是提及次数。不同类型的数值（百分比、序数、年份等）不相加；计数、金额、度量和时长的总和见下表。</p>\n'
	printf '<h2>日期提及随时间的分布</h2>\n'
	figure chart-years
	figure chart-months
	cat <<'EOF'
<h2>实体（提及最多的前 100 个）</h2>
<table>
<tr><th>类型</th><th>文本</th><th>提及次数</th><th>文档数</th></tr>
EOF
	tail -n +2 "$out/entities.tsv" | sort -t "$TAB" -k3,3nr -k1,2 | first 100 | rows 4
	cat <<'EOF'
</table>
<h2>数字（按类型和单位）</h2>
<table>
<tr><th>类型</th><th>单位</th><th>次数</th><th>总和</th><th>最小</th><th>最大</th><th>文档数</th></tr>
EOF
	tail -n +2 "$out/numbers.tsv" | rows 7
	cat <<'EOF'
</table>
</body>
</html>
EOF
} >"$work/report.html" || failed "writing the page"
# Whole, or not published: a write that failed without an error status shows as a
# missing end.
[ "$(tail -c 8 "$work/report.html")" = "</html>" ] || failed "the page is incomplete"
sync -- "$work/report.html" 2>/dev/null || failed "syncing the page"
publish "$work/report.html" "$out/report.html" || failed "renaming the page into place"
log "wrote $(esc "$out")/report.html"
