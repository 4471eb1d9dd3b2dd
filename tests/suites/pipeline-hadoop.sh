#!/bin/sh
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: the sh -c scripts in single quotes get their values as arguments.)
# The Hadoop Streaming job simulated as map | sort | reduce gives run.sh's totals, on
# data/sample and on a generated corpus; several mappers (the table split in pieces, as
# Hadoop splits its input) give the same totals as one.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
if ! built; then skip pipeline/hadoop "$missing is not built"; exit 0; fi
corpus "$T/corpus" 60
for set in sample corpus; do
	if [ $set = sample ]; then in=$TOP/data/sample; else in=$T/corpus; fi
	if sh "$P/run.sh" -q "$in" "$T/run-$set" 2>"$T/log" && bash "$P/hadoop-local.sh" "$in" "$T/mr-$set" 2>>"$T/log" &&
		cmp -s "$T/run-$set/entities.tsv" "$T/mr-$set/entities.tsv" && cmp -s "$T/run-$set/numbers.tsv" "$T/mr-$set/numbers.tsv"; then
		ok "pipeline/hadoop-local-$set"
	else
		fail "pipeline/hadoop-local-$set" "totals differ: $(diff "$T/run-$set/numbers.tsv" "$T/mr-$set/numbers.tsv" 2>&1 | head -n 3 | tr '\n' '|') $(tail -n 1 "$T/log")"
	fi
done
# Four mappers on four splits of the table, one shuffle, one reducer.
bash "$P/files-to-table.sh" "$T/corpus" >"$T/table" 2>"$T/log"
split -n l/4 "$T/table" "$T/split."
for s in "$T"/split.*; do bash "$P/hadoop-mapper.sh" <"$s"; done 2>>"$T/log" | sort | bash "$P/hadoop-reducer.sh" >"$T/result" 2>>"$T/log"
{ printf 'type\ttext\tmentions\tdocuments\n'; sed -n 's/^E\t//p' "$T/result"; } >"$T/entities.tsv"
{ printf 'type\tunit\tcount\tsum\tmin\tmax\tdocuments\n'; sed -n 's/^N\t//p' "$T/result"; } >"$T/numbers.tsv"
if cmp -s "$T/entities.tsv" "$T/run-corpus/entities.tsv" && cmp -s "$T/numbers.tsv" "$T/run-corpus/numbers.tsv"; then
	ok pipeline/hadoop-four-mappers
else
	fail pipeline/hadoop-four-mappers "totals differ from run.sh's: $(diff "$T/numbers.tsv" "$T/run-corpus/numbers.tsv" | head -n 3 | tr '\n' '|')"
fi
# The mapper's lines are tagged partial states keyed by their first three fields.
check pipeline/hadoop-mapper-format "a mapper line is not E/N, key, state" \
	awk -F '\t' '($1 != "E" && $1 != "N") || NF < 5 { exit 1 }' "$T/result"
