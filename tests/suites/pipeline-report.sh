#!/bin/sh
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: the sh -c scripts in single quotes get their values as arguments.)
# The HTML report: the page is well-formed and names its charts, the charts are PNG images
# of a sensible size, and the CJK font their labels need is installed.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
if ! built; then skip pipeline/report "$missing is not built"; exit 0; fi
if ! command -v gnuplot >/dev/null; then skip pipeline/report "gnuplot is not installed"; exit 0; fi
(cd "$TOP" && sh "$P/run.sh" -q data/sample "$T/out") 2>"$T/log" || { fail pipeline/report-setup "the run failed"; exit 0; }
if ! bash "$P/report.sh" "$T/out" 2>"$T/log"; then
	fail pipeline/report "$(tail -n 2 "$T/log" | tr '\n' '|')"
	exit 0
fi
ok pipeline/report
o=$T/out
# PNG: the signature, then an IHDR chunk; width and height from it.
png_ok() {
	[ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = 89504e470d0a1a0a ] &&
		[ "$(dd if="$1" bs=1 skip=12 count=4 2>/dev/null)" = IHDR ] &&
		w=$(od -An -tu1 -j16 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }') &&
		h=$(od -An -tu1 -j20 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }') &&
		[ "$w" -ge 400 ] && [ "$h" -ge 200 ]
}
for c in report-entities report-numbers; do
	check "pipeline/report-$c-png" "$c.png is missing or not a PNG image of a sensible size" png_ok "$o/$c.png"
done
if command -v xmllint >/dev/null; then
	check pipeline/report-html-well-formed "$(xmllint --noout "$o/report.html" 2>&1 | head -n 2 | tr '\n' '|')" \
		xmllint --noout "$o/report.html"
else
	skip pipeline/report-html-well-formed "xmllint is not installed"
fi
check pipeline/report-html-charts "the page does not show both charts" sh -c \
	'grep -q "src=\"report-entities.png\"" "$1" && grep -q "src=\"report-numbers.png\"" "$1"' - "$o/report.html"
# The most mentioned place is in the page's table.
top=$(awk -F '\t' 'NR > 1 && $1 == "LOC"' "$o/entities.tsv" | sort -t '	' -k3,3nr -k2,2 | sed -n 1p | cut -f 2)
check pipeline/report-html-top-place "the top place '$top' is not in the page" grep -q "<td>$top</td>" "$o/report.html"
if command -v fc-list >/dev/null; then
	check pipeline/report-cjk-font "no Noto Sans CJK font: labels would be boxes (install fonts-noto-cjk)" \
		sh -c 'fc-list "Noto Sans CJK SC" | grep -q .'
else
	skip pipeline/report-cjk-font "fc-list is not installed"
fi
