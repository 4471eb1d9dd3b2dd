# report-svg.awk: bar charts as inline SVG, for report.sh. Works with mawk and gawk under
# LC_ALL=C (strings are bytes; widths are estimated from UTF-8 lead bytes).
# Input, TAB-separated, one chart after another:
#   chart  hbar|vbar  NAME  DESCRIPTION   starts a chart (NAME: an id; DESCRIPTION: alt text)
#   head   LABEL                          a group heading between bars (hbar)
#   row    LABEL  VALUE  COLOR            one bar (VALUE a non-negative number)
#   note   TEXT                           a line under the chart
#   end                                   draws the chart
# Labels are text as in the stream (unescape.awk, given first with -f, undoes its escapes) and are
# escaped for XML; colours are #rrggbb. Output: one <figure> per chart, well-formed XHTML.
BEGIN { FS = "\t"; FONT = 13 }

function xml(s) {
	gsub(/&/, "\\&amp;", s)
	gsub(/</, "\\&lt;", s)
	gsub(/>/, "\\&gt;", s)
	gsub(/"/, "\\&quot;", s)
	return s
}
# Width of s in em: ASCII about 0.6, a character of three or four bytes (CJK) 1; continuation
# bytes count nothing.
function emw(s,   i, n, c, w) {
	w = 0
	n = length(s)
	for (i = 1; i <= n; i++) {
		c = substr(s, i, 1)
		if (c < "\200") w += 0.6
		else if (c >= "\340") w += 1
		else if (c >= "\300") w += 0.6
	}
	return w
}
# s cut to at most max em, at a character boundary, with an ellipsis when cut.
function fit(s, max,   i, n, c, w, k) {
	if (emw(s) <= max) return s
	w = 0
	n = length(s)
	for (i = 1; i <= n; i++) {
		c = substr(s, i, 1)
		if (c < "\200" || c >= "\300") {
			k = c < "\200" ? 0.6 : c >= "\340" ? 1 : 0.6
			if (w + k > max - 1) break
			w += k
		}
	}
	return substr(s, 1, i - 1) "…"
}
function num(v) {
	return v == int(v) ? sprintf("%d", v) : sprintf("%.2f", v)
}

$1 == "chart" { kind = $2; name = $3; desc = $4; n = 0; nnote = 0; next }
$1 == "head" { n++; lab[n] = unesc($2, 1); val[n] = ""; col[n] = ""; next }
$1 == "row" { n++; lab[n] = unesc($2, 1); val[n] = $3 + 0; col[n] = $4; next }
$1 == "note" { notes[++nnote] = $2; next }
$1 == "end" {
	printf "<figure id=\"%s\">\n", name
	if (n == 0) print "<p class=\"empty\">（无数据）</p>"
	else if (kind == "hbar") hbar()
	else vbar()
	for (i = 1; i <= nnote; i++) printf "<figcaption>%s</figcaption>\n", xml(unesc(notes[i], 1))
	print "</figure>"
	next
}

function hbar(   i, max, lw, w, rowh, top, y, bw, h, area, x0) {
	max = 0
	lw = 4
	for (i = 1; i <= n; i++) {
		lab[i] = fit(lab[i], 18)
		if (val[i] != "" && val[i] > max) max = val[i]
		if (emw(lab[i]) > lw) lw = emw(lab[i])
	}
	if (max <= 0) max = 1
	rowh = 24
	w = 760
	x0 = int(lw * FONT) + 16
	area = w - x0 - 70
	h = n * rowh + 10
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-size=\"%d\">\n", w, h, w, h, FONT
	printf "<title>%s</title>\n", xml(desc)
	printf "<line x1=\"%d\" y1=\"2\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", x0, x0, h - 4
	for (i = 1; i <= n; i++) {
		y = (i - 1) * rowh + 4
		if (val[i] == "") {
			printf "<text x=\"4\" y=\"%d\" font-weight=\"bold\">%s</text>\n", y + 16, xml(lab[i])
			continue
		}
		bw = val[i] / max * area
		if (bw < 1 && val[i] > 0) bw = 1
		printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", x0 - 6, y + 16, xml(lab[i])
		printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", x0, y + 2, bw, rowh - 6, col[i]
		printf "<text x=\"%.1f\" y=\"%d\">%s</text>\n", x0 + bw + 5, y + 16, num(val[i])
	}
	print "</svg>"
}

# Columns along a time axis: labels under every k-th column so that they do not overlap.
function vbar(   i, max, w, h, x0, base, area, cw, bh, every, lw, x) {
	max = 0
	lw = 1
	for (i = 1; i <= n; i++) {
		if (val[i] > max) max = val[i]
		if (emw(lab[i]) > lw) lw = emw(lab[i])
	}
	if (max <= 0) max = 1
	x0 = 40
	cw = int(700 / n)
	if (cw > 48) cw = 48
	if (cw < 4) cw = 4
	w = x0 + n * cw + 20
	if (w < 300) w = 300
	area = 200
	base = area + 24
	h = base + 26
	every = int((lw * FONT + 8) / cw) + 1
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-size=\"%d\">\n", w, h, w, h, FONT
	printf "<title>%s</title>\n", xml(desc)
	printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", x0, base, w - 10, base
	printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", x0 - 4, base - area + 4, num(max)
	printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n", x0 - 4, base + 4
	for (i = 1; i <= n; i++) {
		x = x0 + (i - 1) * cw
		bh = val[i] / max * area
		if (bh < 1 && val[i] > 0) bh = 1
		printf "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>\n", x + 1, base - bh, cw - 2, bh, col[i]
		if (n <= 24 && val[i] > 0)
			printf "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\">%s</text>\n", x + cw / 2, base - bh - 3, num(val[i])
		if ((i - 1) % every == 0)
			printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + cw / 2, base + 18, xml(lab[i])
	}
	print "</svg>"
}
