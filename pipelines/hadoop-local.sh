#!/bin/bash
# usage: hadoop-local.sh INPUT... OUTDIR
# The Hadoop Streaming job run on this machine, as map | sort | reduce, for testing it
# and for small corpora: the documents of INPUT become a document table, the mapper
# annotates and summarises it, sort stands for the shuffle (byte order on the whole line,
# which groups by the key), the reducer merges. Writes OUTDIR/entities.tsv and
# OUTDIR/numbers.tsv, which are run.sh's summaries of the same documents.
. "$(dirname "$0")/lib.sh"
[ $# -ge 2 ] || usage_error "usage: hadoop-local.sh INPUT... OUTDIR"
out=$(dashsafe "${*: -1}")
mkdir -p -- "$out" || die "$E_SYS" "cannot create $out"
work=$(make_work "$out") || die "$E_SYS" "cannot create a scratch folder in $out"
trap 'rm -rf -- "$work"' EXIT

bash "$PIPELINES/files-to-table.sh" "${@:1:$#-1}" >"$work/table" || die "$E_SYS" "reading the inputs failed"
set +e
bash "$PIPELINES/hadoop-mapper.sh" <"$work/table" | sort | bash "$PIPELINES/hadoop-reducer.sh" >"$work/result"
st=("${PIPESTATUS[@]}")
set -e
[ "$(verdict "map shuffle reduce" "${st[@]}")" -eq 0 ] || die "$E_SYS" "the job failed"
# The job's result, split by tag under the published headers.
{ printf '%s\n' "$ENT_HEAD"; sed -n 's/^E\t//p' "$work/result"; } >"$work/entities.tsv"
{ printf '%s\n' "$NUM_HEAD"; sed -n 's/^N\t//p' "$work/result"; } >"$work/numbers.tsv"
publish "$work/entities.tsv" "$out/entities.tsv"
publish "$work/numbers.tsv" "$out/numbers.tsv"
log "map | sort | reduce: $out/entities.tsv, $out/numbers.tsv"
