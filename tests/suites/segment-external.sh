#!/bin/sh
# segment on material from outside the project, when ../shared/external is there:
# pySBD's Chinese sentence cases, and SIGHAN 2005 news text in GBK and CP950 (Big5) beside
# their UTF-8 twins: --encoding must give the same segments as the UTF-8 file, and the
# legacy file read as UTF-8 must be reported, not passed on silently.
set -u
: "${BIN:?}" "${TOP:?}"
name=segment-external
ext=$TOP/../shared/external
seg=$BIN/segment
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sege.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ ! -f "$ext/pysbd/cases.tsv" ] || ! command -v python3 >/dev/null 2>&1; then
	echo "skip $name/pysbd: ../shared/external/pysbd or python3 is absent"
else
	python3 - "$ext/pysbd/cases.tsv" "$seg" <<'PY'
import json, subprocess, sys
rows = open(sys.argv[1], encoding='utf-8').read().splitlines()[1:]
for row in rows:
    case, text, want, _ = row.split('\t')
    out = subprocess.run([sys.argv[2]], input=text.encode(), capture_output=True).stdout.decode()
    got = [l.split('\t')[6] for l in out.splitlines()[1:]]
    import unicodedata
    want = [unicodedata.normalize('NFKC', s) for s in json.loads(want)]
    if got == want:
        print('ok segment-external/pysbd/%s' % case)
    else:
        print('FAIL segment-external/pysbd/%s: got %s' % (case, json.dumps(got, ensure_ascii=False)))
PY
fi

twin() {   # twin NAME ENCODING: same segments from the legacy file and from the UTF-8 one
	legacy=$ext/sighan2005/$1.txt utf=$ext/sighan2005/$1.utf8
	if [ ! -f "$legacy" ] || [ ! -f "$utf" ]; then
		echo "skip $name/$1: ../shared/external/sighan2005 is absent"; return
	fi
	"$seg" --encoding="$2" --doc-id=x - < "$legacy" | cut -f2,4,7,8 > "$tmp/a" || {
		echo "FAIL $name/$1: segment --encoding=$2 failed"; return; }
	"$seg" --doc-id=x - < "$utf" | cut -f2,4,7,8 > "$tmp/b"
	if cmp -s "$tmp/a" "$tmp/b" && [ "$(wc -l < "$tmp/a")" -gt 1000 ]; then
		echo "ok $name/$1: $2 gives the segments of the UTF-8 twin ($(wc -l < "$tmp/a") rows)"
	else
		echo "FAIL $name/$1: $2 and UTF-8 differ: $(diff "$tmp/a" "$tmp/b" | head -n 3 | tr '\n' '|')"
	fi
}
twin pku_test GBK
twin msr_test GB18030
twin as_test CP950

if [ -f "$ext/sighan2005/pku_test.txt" ]; then
	"$seg" --encoding=UTF-8 "$ext/sighan2005/pku_test.txt" > /dev/null 2> "$tmp/err"
	st=$?
	if [ $st -eq 1 ] && grep -q 'pku_test.txt:1: .*invalid UTF-8 sequences replaced by U+FFFD' "$tmp/err"; then
		echo "ok $name/gbk-as-utf8: reported ($(cut -c1-60 "$tmp/err" | head -n 1)...)"
	else
		echo "FAIL $name/gbk-as-utf8: status $st, stderr: $(head -c 200 "$tmp/err")"
	fi
fi
