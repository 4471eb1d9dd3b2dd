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
	grep -q " $n new, 0 changed, 0 failed last time, 0 unchanged, 0 gone" "$T/log"
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

# A document whose annotation reported a failure is annotated again on the next run, even
# though its size, time and inode are unchanged (a file unreadable for a while, then made
# readable with chmod; here a stage that loses the document's rows and says status 1).
mkdir -p "$T/retry"
cp "$TOP"/data/sample/00[0-2]_*.txt "$T/retry/"
fake_bin "$T/flaky"
fake_prog "$T/flaky" segment <<'FAKE'
#!/bin/sh
# While $FLAKY exists, the first sample page cannot be read: its rows are lost, status 1.
[ -e "$FLAKY" ] || exec "$REAL/segment" "$@"
"$REAL/segment" "$@" >"$FLAKY.out" || exit $?
grep -v '^retry/000_' "$FLAKY.out"
if grep -q '^retry/000_' "$FLAKY.out"; then echo "segment: retry/000_...: simulated read error" >&2; exit 1; fi
FAKE
touch "$T/flaky-on"
st1=0; (cd "$T" && FLAKY=$T/flaky-on BIN=$T/flaky sh "$R" -q --state st-retry retry retry-inc) 2>"$T/log" || st1=$?
rm -f "$T/flaky-on"
st2=0; (cd "$T" && FLAKY=$T/flaky-on BIN=$T/flaky sh "$R" -q --state st-retry retry retry-inc) 2>"$T/log2" || st2=$?
(cd "$T" && sh "$R" -q retry retry-full) 2>/dev/null
check pipeline/incremental-retry-failed "statuses $st1, $st2: $(cat "$T/why" 2>/dev/null) $(grep incremental: "$T/log2" | head -n 1)" sh -c '
	[ "$1" -eq 1 ] && [ "$2" -eq 0 ] && grep -q " 1 failed last time" "$4" &&
	cd "$3" && for f in annotations.tsv entities.tsv numbers.tsv; do cmp -s retry-full/$f retry-inc/$f || exit 1; done' - "$st1" "$st2" "$T" "$T/log2"

# Documents are a set: a file named twice in an earlier run is counted once later too.
mkdir -p "$T/twice/d"
cp "$TOP"/data/sample/00[01]_*.txt "$T/twice/d/"
one=$(cd "$T/twice/d" && find . -type f | sort | sed -n '1s|^\./||p')
(cd "$T/twice" && sh "$R" -q --state st d "d/$one" inc && sh "$R" -q --state st d inc && sh "$R" -q d full) 2>"$T/log"
check pipeline/incremental-named-twice "$(same_outputs "$T/twice/full" "$T/twice/inc" 2>&1)" same_outputs "$T/twice/full" "$T/twice/inc"

# New documents are annotated in shards of many, as a plain run does, not one job each: 40
# new documents with -j 1 are at most 4 shards (one segment each), and still the full run's.
fake_bin "$T/count"
printf '#!/bin/sh\necho x >>"$COUNT"\nexec "$REAL/segment" "$@"\n' | fake_prog "$T/count" segment
mkdir -p "$T/many"
cp "$T"/gen/*.txt "$T/many/"
(cd "$T" && COUNT=$T/count.log BIN=$T/count sh "$R" -q --state st-many many many-inc && sh "$R" -q many many-full) 2>"$T/log"
n=$(wc -l <"$T/count.log")
check pipeline/incremental-batched "$n segment runs for $(find "$T/many" -type f | wc -l) documents, or outputs differ: $(same_outputs "$T/many-full" "$T/many-inc" 2>&1)" sh -c '
	[ "$1" -le 4 ] && cd "$2" && for f in annotations.tsv entities.tsv numbers.tsv; do cmp -s many-full/$f many-inc/$f || exit 1; done' - "$n" "$T"
# A name the doc column may write otherwise than the path (an invalid byte, a control
# character): the shard's documents are done again one by one, and the outputs still agree.
cp "$T/gen/00001.txt" "$T/many/$(printf 'odd\377name.txt')"
cp "$T/gen/00002.txt" "$T/many/$(printf 'odd\033name.txt')"
cp "$T/gen/00003.txt" "$T/many/$(printf 'tab\tnew\nline back\\slash.txt')"
(cd "$T" && sh "$R" -q --state st-many many many-inc; sh "$R" -q many many-full) 2>"$T/log"
check pipeline/incremental-odd-names "$(same_outputs "$T/many-full" "$T/many-inc" 2>&1)" same_outputs "$T/many-full" "$T/many-inc"

# An empty input folder (an unmounted mount point) leaves the state and the outputs alone:
# status 1, nothing published, no part deleted.
mkdir "$T/empty"
cp "$T/state/manifest" "$T/manifest.before"
cp -RL "$T/inc" "$T/inc.before"
parts_before=$(find "$T/state/parts" -type f | wc -l)
st=0; (cd "$T" && sh "$R" -q --state state empty inc) 2>"$T/log" || st=$?
parts_after=$(find "$T/state/parts" -type f | wc -l)
check pipeline/incremental-empty-input-refused "status $st, parts $parts_before -> $parts_after: $(tail -n 1 "$T/log")" sh -c '
	[ "$1" -eq 1 ] && [ "$2" -eq "$3" ] && cmp -s "$4/manifest.before" "$4/state/manifest"' - "$st" "$parts_before" "$parts_after" "$T"
check pipeline/incremental-empty-input-outputs-kept "the outputs changed" same_outputs "$T/inc.before" "$T/inc"
