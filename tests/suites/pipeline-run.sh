#!/bin/sh
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: the sh -c scripts in single quotes get their values as arguments.)
# The end-to-end run on data/sample: outputs and their agreement with the stream, the
# summary, awkward file names, exit statuses, a failing stage named, `make run`'s form.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
R=$P/run.sh

# Usage errors need no programs.
st=0; sh "$R" >/dev/null 2>"$T/err" || st=$?
check pipeline/run-usage-no-args "status $st, expected 2" [ "$st" -eq 2 ]
st=0; sh "$R" --bogus a b >/dev/null 2>"$T/err" || st=$?
check pipeline/run-usage-unknown-option "status $st, expected 2" [ "$st" -eq 2 ]
st=0; sh "$R" -j 0 a b >/dev/null 2>"$T/err" || st=$?
check pipeline/run-usage-bad-jobs "status $st, expected 2" [ "$st" -eq 2 ]
st=0; sh "$R" --help >"$T/help" 2>&1 || st=$?
check pipeline/run-help "status $st or no usage line" grep -q '^usage: run.sh' "$T/help"

if ! built; then
	skip pipeline/run "$missing is not built"
	exit 0
fi

# The sample run, as make runs it (INPUT OUTDIR JOBS), from the checkout.
st=0; (cd "$TOP" && sh pipelines/run.sh data/sample "$T/out" 1) >"$T/summary" 2>"$T/log" || st=$?
if [ "$st" -ne 0 ]; then
	fail pipeline/run-sample "status $st: $(tail -n 3 "$T/log" | tr '\n' '|')"
	exit 0
fi
ok pipeline/run-sample
o=$T/out
check pipeline/run-headers "a header is wrong" sh -c '
	[ "$(head -n 1 "$1/annotations.tsv")" = "$(printf "doc\tseg\tkind\ttype\tstart\tend\ttext\tvalue\tunit\tmod")" ] &&
	[ "$(head -n 1 "$1/entities.tsv")" = "$(printf "type\ttext\tmentions\tdocuments")" ] &&
	[ "$(head -n 1 "$1/numbers.tsv")" = "$(printf "type\tunit\tcount\tsum\tmin\tmax\tdocuments")" ]' - "$o"
docs=$(tail -n +2 "$o/annotations.tsv" | cut -f 1 | sort -u | wc -l)
check pipeline/run-all-documents "$docs documents in the stream, expected 5" [ "$docs" -eq 5 ]
# The summaries must account for every mention in the stream, no more, no less.
ents=$(awk -F '\t' 'NR > 1 && $3 == "ent"' "$o/annotations.tsv" | wc -l)
ment=$(awk -F '\t' 'NR > 1 { s += $3 } END { print s + 0 }' "$o/entities.tsv")
check pipeline/run-entities-add-up "entities.tsv counts $ment mentions, the stream has $ents" [ "$ents" -eq "$ment" ]
nums=$(awk -F '\t' 'NR > 1 && $3 == "num"' "$o/annotations.tsv" | wc -l)
numc=$(awk -F '\t' 'NR > 1 { s += $3 } END { print s + 0 }' "$o/numbers.tsv")
check pipeline/run-numbers-add-up "numbers.tsv counts $numc, the stream has $nums" [ "$nums" -eq "$numc" ]
check pipeline/run-summary "no document count in the summary" grep -q '^5 documents, ' "$T/summary"
check pipeline/run-log-timestamps "a log line without a timestamp" \
	sh -c '! grep -Ev "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z " "$1"' - "$T/log"
check pipeline/run-no-leftovers "scratch files left in OUTDIR or its set folder" only_set "$o"

# Awkward names: spaces, quotes, leading dashes, in the files and in the output folder.
mkdir -p "$T/in put"
i=0
for f in "$TOP"/data/sample/*.txt; do
	i=$((i + 1))
	case $i in
	1) n="-leading dash.txt" ;; 2) n="it's \"quoted\".txt" ;; 3) n='$(touch boom) *.txt' ;; *) n="plain $i.txt" ;;
	esac
	cp "$f" "$T/in put/$n"
done
st=0; (cd "$T" && sh "$R" -q "in put" "-out dir") >/dev/null 2>"$T/log2" || st=$?
if [ "$st" -eq 0 ] && [ -f "$T/-out dir/annotations.tsv" ] && [ ! -e "$T/boom" ] &&
	[ "$(tail -n +2 "$T/-out dir/annotations.tsv" | cut -f 1 | sort -u | wc -l)" -eq 5 ] &&
	grep -q "^in put/-leading dash.txt	" "$T/-out dir/annotations.tsv"; then
	ok pipeline/run-awkward-names
else
	fail pipeline/run-awkward-names "status $st: $(tail -n 2 "$T/log2" | tr '\n' '|')"
fi

# A stage that fails (status 3) fails the run with the stage named, and publishes nothing.
cp -RL "$o" "$T/before"
fake_bin "$T/fail"
printf '#!/bin/sh\ncat >/dev/null\necho "extract-numbers: simulated failure" >&2\nexit 3\n' | fake_prog "$T/fail" extract-numbers
st=0; BIN=$T/fail sh "$R" -q "$TOP/data/sample" "$o" 2>"$T/log3" || st=$?
if [ "$st" -eq 3 ] && grep -q 'stage extract-numbers failed with status 3' "$T/log3" && same_outputs "$T/before" "$o"; then
	ok pipeline/run-stage-failure-named
else
	fail pipeline/run-stage-failure-named "status $st: $(tail -n 2 "$T/log3" | tr '\n' '|')"
fi
# The same failure in parallel shards.
st=0; BIN=$T/fail sh "$R" -q -j 2 "$TOP/data/sample" "$o" 2>"$T/log4" || st=$?
if [ "$st" -eq 3 ] && grep -q 'stage extract-numbers failed' "$T/log4" && same_outputs "$T/before" "$o"; then
	ok pipeline/run-stage-failure-parallel
else
	fail pipeline/run-stage-failure-parallel "status $st: $(tail -n 2 "$T/log4" | tr '\n' '|')"
fi

# Bad data (status 1 from a stage): reported, the rest published, the run's status is 1.
fake_bin "$T/fail"
printf '#!/bin/sh\n"$REAL/tag-entities" "$@"\nst=$?\necho "tag-entities: x:1: simulated bad row" >&2\n[ $st -eq 0 ] && exit 1\nexit $st\n' | fake_prog "$T/fail" tag-entities
REAL=$BIN
export REAL
st=0; (cd "$TOP" && BIN=$T/fail sh "$R" -q data/sample "$T/bad") 2>"$T/log5" || st=$?
if [ "$st" -eq 1 ] && grep -q 'stage tag-entities reported bad data' "$T/log5" && same_outputs "$T/before" "$T/bad"; then
	ok pipeline/run-bad-data-status-1
else
	fail pipeline/run-bad-data-status-1 "status $st: $(tail -n 2 "$T/log5" | tr '\n' '|')"
fi

# The same in shards: the shard's status 1 makes the run's.
st=0; (cd "$TOP" && BIN=$T/fail sh "$R" -q -j 2 data/sample "$T/bad2") 2>"$T/log7" || st=$?
if [ "$st" -eq 1 ] && grep -q 'stage tag-entities reported bad data' "$T/log7" && same_outputs "$T/before" "$T/bad2"; then
	ok pipeline/run-bad-data-parallel
else
	fail pipeline/run-bad-data-parallel "status $st: $(tail -n 2 "$T/log7" | tr '\n' '|')"
fi

# A missing input must not publish empty results over good ones.
st=0; sh "$R" -q "$T/no such dir" "$o" 2>"$T/log6" || st=$?
if [ "$st" -eq 1 ] && same_outputs "$T/before" "$o"; then
	ok pipeline/run-missing-input
else
	fail pipeline/run-missing-input "status $st, or outputs changed"
fi

# An existing but empty input folder (an unmounted mount point) must not publish empty
# results over good ones either: status 1, nothing published; --allow-empty publishes them.
mkdir "$T/empty"
st=0; sh "$R" -q "$T/empty" "$o" 2>"$T/log8" || st=$?
if [ "$st" -eq 1 ] && same_outputs "$T/before" "$o" && grep -q 'no document' "$T/log8"; then
	ok pipeline/run-empty-input-refused
else
	fail pipeline/run-empty-input-refused "status $st, or outputs changed: $(tail -n 1 "$T/log8")"
fi
st=0; sh "$R" -q --allow-empty "$T/empty" "$T/allowed" 2>"$T/log9" || st=$?
check pipeline/run-empty-input-allowed "status $st, or not the empty outputs" sh -c '
	[ "$1" -eq 0 ] && [ "$(wc -l <"$2/annotations.tsv")" -eq 1 ] && [ "$(wc -l <"$2/entities.tsv")" -eq 1 ]' - "$st" "$T/allowed"

# Documents are a set: a file named twice (itself and through its folder) is one document,
# serially and in shards.
mkdir -p "$T/twice/d"
cp "$TOP/data/sample/"00[01]_*.txt "$T/twice/d/"
one=$(cd "$T/twice/d" && find . -type f | sort | sed -n '1s|^\./||p')
(cd "$T/twice" && sh "$R" -q d once) 2>"$T/log10"
for j in 1 2; do
	st=0; (cd "$T/twice" && sh "$R" -q -j $j d "d/$one" ./d/"$one" "twice$j") 2>>"$T/log10" || st=$?
	if [ "$st" -eq 0 ] && same_outputs "$T/twice/once" "$T/twice/twice$j" 2>"$T/why"; then
		ok "pipeline/run-named-twice-one-document-j$j"
	else
		fail "pipeline/run-named-twice-one-document-j$j" "status $st: $(cat "$T/why") $(tail -n 1 "$T/log10")"
	fi
done
