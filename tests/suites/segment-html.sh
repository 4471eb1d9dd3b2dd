#!/bin/sh
# segment's HTML input on real pages: each gold-dev page (read in place from ../shared; the
# suite skips when it is absent) is wrapped as a web page would carry it (a head with a
# script, navigation, a header, one <p> per line with & < > and some characters written as
# entities and character references, a footer) and must segment like its text dump (the
# lines with a blank line between them): same kinds, types and texts. And every row's
# start/end must cut the HTML bytes that hold its text: the slice, with its tags removed
# and its references decoded, is the text (white space aside: a segment glued across
# lines, such as vertical labels, spans the markup between them).
set -u
: "${BIN:?}" "${TOP:?}"
name=segment-html
pages=$TOP/../shared/gold-dev/pages
if [ ! -d "$pages" ]; then echo "skip $name: ../shared/gold-dev is absent"; exit 0; fi
if [ ! -x "$BIN/segment" ]; then echo "skip $name: segment is not built"; exit 0; fi
if ! command -v python3 >/dev/null 2>&1; then echo "skip $name: python3 not installed"; exit 0; fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/segh.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
for page in "$pages"/*.txt; do
	[ -f "$page" ] || continue
	id=$(basename "$page" .txt)
	# The text dump: the page's non-blank lines, a blank line between them, no BOM.
	LC_ALL=C awk '{ sub(/^\357\273\277/, ""); sub(/\r$/, "") } /[^ \t]/ { printf "%s%s\n", (n++ ? "\n" : ""), $0 }' "$page" >"$dir/$id.txt"
	# The page: the same lines as paragraphs, markup escaped, and the ideographic comma
	# and full stop as references.
	LC_ALL=C awk 'BEGIN {
			print "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>页面标题</title>"
			print "<script>var s = \"<p>脚本</p>\";</script><style>p { margin: 0 }</style></head><body>"
			print "<header><div>网站名称</div></header><nav><ul><li><a href=\"/\">首页</a></li><li>新闻</li></ul></nav>"
		}
		{ sub(/^\357\273\277/, ""); sub(/\r$/, "") }
		/[^ \t]/ {
			gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); gsub(/>/, "\\&gt;")
			gsub(/\343\200\201/, "\\&#12289;"); gsub(/\343\200\202/, "\\&#x3002;")
			print "<p>" $0 "</p>"
		}
		END { print "<footer><p>版权所有 网站名称</p></footer></body></html>" }' "$page" >"$dir/$id.html"
	"$BIN/segment" --normalize=none "$dir/$id.txt" | cut -f 3,4,7 >"$dir/$id.want"
	"$BIN/segment" --normalize=none "$dir/$id.html" >"$dir/$id.out"
	cut -f 3,4,7 "$dir/$id.out" >"$dir/$id.got"
	if cmp -s "$dir/$id.want" "$dir/$id.got"; then
		echo "ok $name/$id-like-text"
	else
		echo "FAIL $name/$id-like-text: $(diff "$dir/$id.want" "$dir/$id.got" | head -n 4 | tr '\n' '|')"
	fi
	python3 - "$dir/$id.out" "$dir/$id.html" <<'PY' && echo "ok $name/$id-offsets" || echo "FAIL $name/$id-offsets: see above"
import html, re, sys
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")[1:-1]
src = open(sys.argv[2], "rb").read()
bad = 0
for r in rows:
    f = r.split("\t")
    s, e, text = int(f[4]), int(f[5]), f[6].replace("\\t", "\t").replace("\\\\", "\\")
    got = html.unescape(re.sub(r"<[^>]*>", "", src[s:e].decode("utf-8")))
    if "".join(got.split()) != "".join(text.split()):
        bad += 1
        if bad <= 2:
            print("offsets %d..%d hold %r, text is %r" % (s, e, got[:60], text[:60]), file=sys.stderr)
sys.exit(1 if bad or not rows else 0)
PY
done
