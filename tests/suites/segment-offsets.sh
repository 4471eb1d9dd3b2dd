#!/bin/sh
# Every seg row's start/end cut the source bytes that hold its text: decoding
# source[start:end), normalising (NFKC) and dropping line breaks and white space gives the
# text column (white space dropped too). Run on the sample pages, on a CRLF/BOM/invalid-byte
# file, and on a GBK file (offsets in the GBK bytes).
set -u
: "${BIN:?}" "${TOP:?}"
name=segment-offsets
if ! command -v python3 >/dev/null 2>&1; then echo "skip $name: python3 not installed"; exit 0; fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/sego.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
check() {   # check ENCODING FILE [segment options]
	enc=$1 file=$2; shift 2
	"$BIN/segment" "$@" "$file" > "$dir/out.tsv" 2>/dev/null
	python3 - "$dir/out.tsv" "$file" "$enc" <<'PY'
import sys, unicodedata
out, src, enc = sys.argv[1], open(sys.argv[2], 'rb').read(), sys.argv[3]
def norm(s): return ''.join(unicodedata.normalize('NFKC', s).split())
rows = bad = 0
for line in open(out, encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[0] == 'doc': continue
    rows += 1
    s, e = int(f[4]), int(f[5])
    piece = src[s:e].decode(enc, errors='replace')
    text = f[6].replace('\\t', '\t').replace('\\n', '\n').replace('\\r', '\r').replace('\\\\', '\\')
    if norm(piece) != norm(text):
        bad += 1
        if bad == 1: print('first mismatch at %d-%d: %r vs %r' % (s, e, piece[:30], text[:30]))
print('%d rows, %d mismatches' % (rows, bad))
sys.exit(1 if bad or rows == 0 else 0)
PY
}
for f in "$TOP"/data/sample/*.txt; do
	b=$(basename "$f")
	if r=$(check utf-8 "$f"); then echo "ok $name/$b: $r"; else echo "FAIL $name/$b: $r"; fi
done
printf '\357\273\277标题\r\n\r\n第一句。第二\r\n\r\n句被截断了。坏\377字节。\r\nEnd. Next line\r' > "$dir/mixed.txt"
if r=$(check utf-8 "$dir/mixed.txt"); then echo "ok $name/bom-crlf-invalid: $r"; else echo "FAIL $name/bom-crlf-invalid: $r"; fi
printf '\324\332\261\261\276\251\241\243\316\322\303\307\241\243\r\n\r\nabc\326\320\316\304\241\243\n' > "$dir/gbk.txt"
if r=$(check gbk "$dir/gbk.txt" --encoding=GBK); then echo "ok $name/gbk: $r"; else echo "FAIL $name/gbk: $r"; fi
