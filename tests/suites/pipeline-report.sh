#!/bin/sh
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: the sh -c scripts in single quotes get their values as arguments.)
# The HTML report: one well-formed self-contained page in Chinese whose charts are inline
# SVG; byline credits left out of the organisation chart; percents never added up; a
# hostile OUTDIR name is data, not code; a full disk is status 3 and publishes nothing; and
# headless Chromium (when it is installed) renders the page with every chart visible.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
if ! built; then skip pipeline/report "$missing is not built"; exit 0; fi
# The sample, and two pages whose source credits name 央视网 (a byline line and a dateline).
mkdir "$T/in"
cp "$TOP"/data/sample/*.txt "$T/in/"
printf '央视网消息：北京市今天召开新闻发布会，北京市政府发布了新的措施。\n\n来源：央视网\n' >"$T/in/cctv1.txt"
printf '国务院新闻办公室在北京举行发布会。2023年5月，上海市的增长率达到5.2%%。\n\n（来源：央视网）\n' >"$T/in/cctv2.txt"
(cd "$T" && sh "$P/run.sh" -q in "$T/out") 2>"$T/log" || { fail pipeline/report-setup "the run failed"; exit 0; }
if ! bash "$P/report.sh" "$T/out" 2>"$T/log"; then
	fail pipeline/report "$(tail -n 2 "$T/log" | tr '\n' '|')"
	exit 0
fi
ok pipeline/report
o=$T/out
page=$o/report.html
if command -v xmllint >/dev/null; then
	check pipeline/report-html-well-formed "$(xmllint --noout "$page" 2>&1 | head -n 2 | tr '\n' '|')" \
		xmllint --noout "$page"
else
	skip pipeline/report-html-well-formed "xmllint is not installed"
fi
# Self-contained: no image, script or style sheet is fetched, and nothing but the page was
# written beside the outputs.
check pipeline/report-self-contained "the page refers to other files: $(grep -o -E '(src|href)="[^"]*"' "$page" | head -n 3 | tr '\n' ' ')" \
	sh -c '! grep -q -E "(src|href)=\"" "$1"' - "$page"
check pipeline/report-one-file "files beside the outputs: $(find "$o/" -mindepth 1 | tr '\n' ' ')" \
	sh -c '[ "$(ls "$1" | grep -v -c -E "^(annotations|entities|numbers)\.tsv$|^report\.html$")" -eq 0 ]' - "$o"
for c in chart-PER chart-LOC chart-ORG chart-numbers chart-years; do
	check "pipeline/report-$c" "no SVG bars in $c" sh -c \
		'awk -v id="$2" '\''$0 == "<figure id=\"" id "\">" { on = 1 } on && /<rect / { n++ } on && /<\/figure>/ { on = 0 } END { exit !(n > 0) }'\'' "$1"' - "$page" "$c"
done
# One language: headings, table heads and notes carry no English words.
check pipeline/report-chinese "English in the page's own text: $(grep -E '<(h1|h2|th|figcaption|p)[ >]' "$page" | sed 's/<[^>]*>//g' | grep -o -E '[A-Za-z]{3,}' | head -n 3 | tr '\n' ' ')" \
	sh -c '! grep -E "<(h1|h2|th|figcaption|p)[ >]" "$1" | sed "s/<[^>]*>//g" | grep -q -E "[A-Za-z]{3,}"' - "$page"
# The byline and dateline credits are not news about 央视网; 北京市政府 is (a run of the two
# pages alone, so that no chart's top N leaves anything out).
mkdir "$T/cc"
cp "$T/in/cctv1.txt" "$T/in/cctv2.txt" "$T/cc/"
(cd "$T" && sh "$P/run.sh" -q cc "$T/ccout" && bash "$P/report.sh" "$T/ccout") 2>"$T/log" || fail pipeline/report-credit-run "$(tail -n 2 "$T/log" | tr '\n' '|')"
orgs=$(awk '/<figure id="chart-ORG">/ { on = 1 } on && /<\/figure>/ { on = 0 } on' "$T/ccout/report.html")
check pipeline/report-credit-left-out "央视网 counted in the organisation chart" sh -c '! printf "%s" "$1" | grep -q "央视网"' - "$orgs"
check pipeline/report-credit-real-org "北京市政府 missing from the organisation chart" sh -c 'printf "%s" "$1" | grep -q "北京市政府"' - "$orgs"
# Percents are never summed: the sum cell of a percent row is empty (—).
check pipeline/report-no-percent-sum "a sum of percents is shown" \
	grep -q '<tr><td>百分比</td><td>%</td><td>[0-9]*</td><td>—</td>' "$page"
# The most mentioned place is in the page's table.
top=$(awk -F '\t' 'NR > 1 && $1 == "LOC"' "$o/entities.tsv" | sort -t '	' -k3,3nr -k2,2 | sed -n 1p | cut -f 2)
check pipeline/report-html-top-place "the top place '$top' is not in the page" grep -q "<td>$top</td>" "$page"
# The dated mentions: 2023-05 is in the years chart.
check pipeline/report-years "2023 is not on the time axis" sh -c \
	'awk '\''/<figure id="chart-years">/ { on = 1 } on && />2023</ { f = 1 } on && /<\/figure>/ { on = 0 } END { exit !f }'\'' "$1"' - "$page"

# Issue 16 item 10: an OUTDIR name that would be code in a program's text stays a name.
d='o"; system("touch INJECTED"); x="'
mkdir "$T/inj"
if (cd "$T/inj" && sh "$P/run.sh" -q "$T/in/cctv1.txt" "$d" && bash "$P/report.sh" "$d") 2>"$T/log"; then
	check pipeline/report-no-injection "a file INJECTED was created" sh -c '! [ -e "$1/INJECTED" ] && ! [ -e "$1/$2/INJECTED" ]' - "$T/inj" "$d"
	check pipeline/report-odd-outdir "no report in the oddly named OUTDIR" test -s "$T/inj/$d/report.html"
else
	fail pipeline/report-odd-outdir "$(tail -n 2 "$T/log" | tr '\n' '|')"
fi

# A full disk (a file size limit, SIGXFSZ ignored: writes fail with EFBIG): status 3 and
# the previous page unchanged, no scratch folder left.
cp "$page" "$T/before.html"
st=0
(trap '' XFSZ; ulimit -f 8 && bash "$P/report.sh" "$o") 2>"$T/log" || st=$?
check pipeline/report-full-disk-status "status $st on a full disk, expected 3: $(tail -n 1 "$T/log")" [ "$st" -eq 3 ]
check pipeline/report-full-disk-kept "the previous page changed on a full disk" cmp -s "$page" "$T/before.html"
check pipeline/report-full-disk-clean "scratch folder left: $(find "$o/" -mindepth 1 -name '.work*' | tr '\n' ' ')" \
	sh -c '[ -z "$(find "$1/" -mindepth 1 -name ".work*")" ]' - "$o"

# Headless Chromium: the page as a browser shows it, each chart's bar colour present in the
# screenshot (people red, places blue, organisations orange, counts purple, dates green).
chrome=""
for c in chromium chromium-browser google-chrome; do
	command -v "$c" >/dev/null && { chrome=$c; break; }
done
if [ -z "$chrome" ]; then
	skip pipeline/report-chromium "no headless Chromium (Debian: apt-get install chromium)"
	exit 0
fi
if ! command -v python3 >/dev/null; then
	skip pipeline/report-chromium "python3 is not installed (the screenshot is decoded with it)"
	exit 0
fi
if ! timeout 60 "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$T/chrome" \
	--force-device-scale-factor=0.5 --window-size=900,3600 --screenshot="$T/shot.png" "file://$page" >"$T/chrome.log" 2>&1 || [ ! -s "$T/shot.png" ]; then
	skip pipeline/report-chromium "Chromium could not take a screenshot: $(tail -n 1 "$T/chrome.log")"
	exit 0
fi
# Pixels of each colour, counted by a PNG decoder of a few lines (zlib and the five filters).
python3 - "$T/shot.png" >"$T/colours" <<'EOF' || fail pipeline/report-chromium "cannot decode the screenshot"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
assert depth == 8 and ctype in (2, 6)
bpp = 3 if ctype == 2 else 4
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
want = {"c0504d": "PER", "3b6ea8": "LOC", "e07b39": "ORG", "7f60a8": "numbers", "5a9e5a": "years"}
count = dict.fromkeys(want.values(), 0)
i = 0
for y in range(h):
    f = raw[i]
    line = bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    for x in range(0, stride, bpp):
        k = "%02x%02x%02x" % (line[x], line[x + 1], line[x + 2])
        if k in want:
            count[want[k]] += 1
for k, v in count.items():
    print(k, v)
EOF
for c in PER LOC ORG numbers years; do
	n=$(awk -v c="$c" '$1 == c { print $2 }' "$T/colours")
	check "pipeline/report-chromium-$c" "the $c chart shows ${n:-no} bar pixels in the screenshot" [ "${n:-0}" -ge 100 ]
done
