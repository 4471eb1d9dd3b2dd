#!/bin/bash
# usage: incremental.sh [annotate-shards OPTION]... LIST0 STATE WORK
# Prepare an incremental run: annotate only the documents of LIST0 that are new or changed
# since the state STATE was last committed, or whose annotation reported a failure, and list
# every current document's part.
#   STATE/manifest     path, signature, part id of each document (NUL-separated triples),
#                      after a first triple "", "totals", ID naming the totals' part; the
#                      signature of a document whose shard reported bad data starts with "!"
#                      so that it never matches and the document is annotated again
#   STATE/parts/ID.*   each document's stream (ID.tsv); the totals' partial summaries
#                      (ID.tsv.ent, .num)
# New documents are annotated in shards of many documents, as a plain run does (one GNU
# parallel job per document cost about 38 ms each), and each shard's stream is cut into its
# documents' parts by the doc column. A shard whose doc column cannot be matched to its
# documents (a name written otherwise than predicted) is done again one document per shard.
# With --table a document is a table file and each is its own shard.
# Writes WORK/shards0 (every document's part, in LIST0 order), WORK/partials0 (when documents
# were only added: the previous totals and the new shards, whose partial states are merged;
# otherwise empty: the totals are computed from the whole stream), WORK/totals-id and
# WORK/manifest. run.sh moves the new totals and the manifest into STATE once the outputs are
# published: until then the old manifest stands, so a killed run leaves a state that is
# still whole.
# A document is changed when its size, modification time (ns) or inode differ.
# Exit status as annotate-shards.sh.
. "$(dirname "$0")/lib.sh"

opts=() jobs=1 table=0
while [ $# -gt 3 ]; do
	case $1 in
	--transfer | --pipe | --csv) opts+=("$1"); shift ;;
	-j | --jobs) jobs=${2:?}; opts+=("$1" "$2"); shift 2 ;;
	--table) table=1; opts+=("$1" "${2:?}"); shift 2 ;;
	-*) opts+=("$1" "${2:?}"); shift 2 ;;
	*) usage_error "usage: incremental.sh [OPTION]... LIST0 STATE WORK" ;;
	esac
done
[ $# -eq 3 ] || usage_error "usage: incremental.sh [OPTION]... LIST0 STATE WORK"
list=$1 state=$2 work=$3
mkdir -p "$state/parts"

declare -A old_sig=() old_id=()
old_totals=""
if [ -f "$state/manifest" ]; then
	while IFS= read -r -d '' p && IFS= read -r -d '' s && IFS= read -r -d '' i; do
		if [ -z "$p" ]; then
			old_totals=$i
		else
			old_sig[$p]=$s
			old_id[$p]=$i
		fi
	done <"$state/manifest"
fi

files=() sigs=()
mapfile -d '' files <"$list"
if [ ${#files[@]} -gt 0 ]; then
	xargs -0 stat --printf '%s:%.9Y:%i\0' -- <"$list" >"$work/sigs0" ||
		die "$E_SYS" "cannot read the inputs' sizes and times"
	mapfile -d '' sigs <"$work/sigs0"
fi

# Parts are named by run and number, never reused: a part the committed manifest names is
# never overwritten.
stamp=$(date -u +%Y%m%dT%H%M%S).$$
ids=() todo=() changed=0 kept=0 fresh=0 retry=0
for n in "${!files[@]}"; do
	p=${files[$n]}
	if [ -n "${old_sig[$p]+set}" ] && [ "${old_sig[$p]}" = "${sigs[$n]}" ] && [ -f "$state/parts/${old_id[$p]}.tsv" ]; then
		ids[n]=${old_id[$p]}
		kept=$((kept + 1))
	else
		ids[n]=$stamp.$n
		todo+=("$n")
		printf '%s\0' "$p"
		changed=$((changed + 1))
		if [ -z "${old_sig[$p]+set}" ]; then
			fresh=$((fresh + 1))
		else
			case ${old_sig[$p]} in !*) retry=$((retry + 1)) ;; esac
		fi
	fi
done >"$work/changed0"
gone=$((${#old_sig[@]} - kept - changed + fresh))
log "$fresh new, $((changed - fresh - retry)) changed, $retry failed last time, $kept unchanged, $gone gone"

# stream_name PATH: $sname is PATH as the doc column shows it (the stream's escapes); set,
# not printed: a process per document would cost what batching saves.
stream_name() {
	sname=${1//\\/\\\\}
	sname=${sname//$'\t'/\\t}
	sname=${sname//$'\n'/\\n}
	sname=${sname//$'\r'/\\r}
}
# job_status DIR: "SEQ STATUS" per job of the shards in DIR (GNU parallel's job log, as
# annotate-shards.sh leaves it: f.log, with the columns Seq ... Exitval Signal).
job_status() {
	awk -F '\t' '$1 != "Seq" { print $1, ($7 == 0 && $8 == 0) ? 0 : ($7 == 1 && $8 == 0) ? 1 : 3 }' <"$1/f.log"
}

st=0
failed=() partials=()
if [ "$changed" -gt 0 ]; then
	batch=1
	[ "$table" -eq 1 ] || batch=$(((changed + 4 * jobs - 1) / (4 * jobs)))
	mkdir "$work/new"
	bash "$PIPELINES/annotate-shards.sh" "${opts[@]}" --batch "$batch" "$work/changed0" "$work/new" || st=$?
	[ "$st" -le 1 ] || exit "$st"
	mapfile -d '' new <"$work/new/shards0"
	nshards=$(((changed + batch - 1) / batch))
	[ ${#new[@]} -eq "$nshards" ] || die "$E_SYS" "expected $nshards shards, got ${#new[@]}"
	declare -A bad=()
	while read -r seq s; do [ "$s" -eq 0 ] || bad[$seq]=1; done < <(job_status "$work/new")
	again=()
	for k in "${!new[@]}"; do
		shard=${new[k]}
		members=("${todo[@]:k*batch:batch}")
		if [ "$batch" -eq 1 ]; then
			mv -f -- "$shard" "$state/parts/${ids[members[0]]}.tsv"
		else
			for n in "${members[@]}"; do
				stream_name "${files[n]}"
				printf '%s\t%s\n' "${ids[n]}" "$sname"
			done >"$work/new/map"
			# Each document's rows, in order, into its part; a document without rows gets
			# the header alone. Status 2: a doc value that is not the next document's.
			if ! PARTS=$state/parts HEAD=$STREAM_HEAD awk -F '\t' '
				BEGIN { dir = ENVIRON["PARTS"]; head = ENVIRON["HEAD"] }
				NR == FNR { id[++n] = $1; name[n] = substr($0, length($1) + 2); next }
				FNR == 1 { j = 0; next }
				{
					while (j == 0 || $1 != name[j]) {
						if (j > 0) close(f)
						if (++j > n) exit 2
						f = dir "/" id[j] ".tsv"
						print head > f
					}
					print > f
				}
				END {
					if (j > n) exit 2
					if (j > 0) close(f)
					for (j++; j <= n; j++) { f = dir "/" id[j] ".tsv"; print head > f; close(f) }
				}' "$work/new/map" "$shard"; then
				again+=("${members[@]}")
				continue
			fi
		fi
		partials+=("$shard")
		[ -z "${bad[${shard##*/}]+set}" ] || failed+=("${members[@]}")
	done
	if [ ${#again[@]} -gt 0 ]; then
		log "${#again[@]} document(s) named in the stream otherwise than expected: annotated again one by one"
		for n in "${again[@]}"; do printf '%s\0' "${files[n]}"; done >"$work/again0"
		mkdir "$work/again"
		st2=0
		bash "$PIPELINES/annotate-shards.sh" "${opts[@]}" --batch 1 "$work/again0" "$work/again" || st2=$?
		[ "$st2" -le 1 ] || exit "$st2"
		[ "$st2" -le "$st" ] || st=$st2
		mapfile -d '' new <"$work/again/shards0"
		[ ${#new[@]} -eq ${#again[@]} ] || die "$E_SYS" "expected ${#again[@]} shards, got ${#new[@]}"
		bad=()
		while read -r seq s; do [ "$s" -eq 0 ] || bad[$seq]=1; done < <(job_status "$work/again")
		for k in "${!new[@]}"; do
			n=${again[k]}
			mv -f -- "${new[k]}" "$state/parts/${ids[n]}.tsv"
			partials+=("${new[k]}")
			[ -z "${bad[${new[k]##*/}]+set}" ] || failed+=("$n")
		done
	fi
fi
# A document whose shard reported bad data is done again next time (a file that could not be
# read may be readable then, with its size, time and inode unchanged).
declare -A retry_next=()
for n in "${failed[@]}"; do retry_next[$n]=1; done

for n in "${!files[@]}"; do
	printf '%s\0' "$state/parts/${ids[n]}.tsv"
done >"$work/shards0"
: >"$work/partials0"
if [ -n "$old_totals" ] && [ "$changed" -eq "$fresh" ] && [ "$gone" -eq 0 ] &&
	[ -f "$state/parts/$old_totals.tsv.ent" ] && [ -f "$state/parts/$old_totals.tsv.num" ]; then
	# Only additions: what was counted before still holds, so the new shards' partial states
	# are merged into the previous totals instead of summing the whole stream again.
	log "merging $fresh new document(s) into the previous totals"
	printf '%s\0' "$state/parts/$old_totals.tsv" "${partials[@]}" >"$work/partials0"
fi
printf '%s\n' "$stamp.totals" >"$work/totals-id"
{
	printf '\0totals\0%s\0' "$stamp.totals"
	for n in "${!files[@]}"; do
		s=${sigs[n]}
		[ -z "${retry_next[$n]+set}" ] || s=!$s
		printf '%s\0%s\0%s\0' "${files[n]}" "$s" "${ids[n]}"
	done
} >"$work/manifest"
exit "$st"
