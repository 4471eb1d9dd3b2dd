#!/bin/sh
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: the sh -c scripts in single quotes get their values as arguments.)
# Incremental runs give exactly what a full rerun gives: after documents are added (their
# partials merged into the previous totals), changed, removed, renamed, and after nothing
# changed; serially and with -j 2.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
R=$P/run.sh
if ! built; then skip pipeline/incremental "$missing is not built"; exit 0; fi

corpus "$T/gen" 40
mkdir "$T/in"
# step NAME JOBS: an incremental run and a full run over the same inputs, compared.
step() {
	if (cd "$T" && sh "$R" -q -j "$2" --state state in inc) 2>"$T/log" &&
		(cd "$T" && sh "$R" -q in full) 2>>"$T/log" &&
		same_outputs "$T/full" "$T/inc" 2>"$T/why"; then
		ok "pipeline/incremental-$1"
	else
		fail "pipeline/incremental-$1" "$(cat "$T/why" 2>/dev/null) $(grep -v ' published ' "$T/log" | tail -n 2 | tr '\n' '|')"
	fi
}
for f in "$T"/gen/000[0-2]*.txt; do cp "$f" "$T/in/"; done
step first-run 1
n=$(find "$T/in" -type f | wc -l)
check pipeline/incremental-counts "$(grep incremental "$T/log" | head -n 1)" \
	grep -q " $n new, 0 changed, 0 unchanged, 0 gone" "$T/log"
for f in "$T"/gen/000[3-4]*.txt "$T"/gen/-*; do cp "$f" "$T/in/"; done
step added 2
check pipeline/incremental-merged-into-totals "the additions were not merged into the previous totals" \
	grep -q 'into the previous totals' "$T/log"
cat "$T/gen/00040.txt" >>"$T/in/00001.txt"
step changed 1
rm "$T/in/00002.txt" "$T/in/-00014 'quoted' \"name\".txt"
step removed 2
mv "$T/in/00003.txt" "$T/in/00003 renamed.txt"
step renamed 1
step unchanged 1
check pipeline/incremental-nothing-redone "an unchanged document was annotated again" \
	grep -q ' 0 new, 0 changed, ' "$T/log"
# Parts of documents that are gone do not pile up in the state.
parts=$(find "$T/state/parts" -type f | sed 's/\.tsv.*//' | sort -u | wc -l)
docs=$(find "$T/in" -type f | wc -l)
check pipeline/incremental-state-pruned "$parts parts kept for $docs documents (+1 totals)" [ "$parts" -eq $((docs + 1)) ]
# Two runs on one state: the second is refused while the first holds it.
fake_bin "$T/slow"
printf '#!/bin/sh\nsleep 2\nexec "$REAL/segment" "$@"\n' | fake_prog "$T/slow" segment
REAL=$BIN
export REAL
echo "changed" >>"$T/in/00001.txt"
(cd "$T" && BIN=$T/slow sh "$R" -q --state state in inc) 2>/dev/null &
first=$!
sleep 1
st=0; (cd "$T" && sh "$R" -q --state state in inc2) 2>"$T/log" || st=$?
wait "$first"
check pipeline/incremental-state-locked "second run on the state: status $st" \
	sh -c '[ "$1" -eq 3 ] && grep -q "in use by another run" "$2"' - "$st" "$T/log"
