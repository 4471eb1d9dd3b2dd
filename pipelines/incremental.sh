#!/bin/bash
# usage: incremental.sh [annotate-shards OPTION]... LIST0 STATE WORK
# Prepare an incremental run: annotate only the documents of LIST0 that are new or changed
# since the state STATE was last committed, and list every current document's shard.
#   STATE/manifest     path, signature, part id of each document (NUL-separated triples),
#                      after a first triple "", "totals", ID naming the totals' part
#   STATE/parts/ID.*   each document's stream (ID.tsv) and partial summaries (ID.tsv.ent,
#                      .num); the totals are the partial summaries of all documents
# Writes WORK/shards0 (every document's part, in LIST0 order), WORK/partials0 (the partial
# states to merge: when documents were only added, the previous totals and the new parts;
# otherwise every part), WORK/totals-id and WORK/manifest. run.sh moves the new totals and
# the manifest into STATE once the outputs are published: until then the old manifest
# stands, so a killed run leaves a state that is still whole.
# A document is changed when its size, modification time (ns) or inode differ.
# Exit status as annotate-shards.sh.
. "$(dirname "$0")/lib.sh"

opts=()
while [ $# -gt 3 ]; do
	case $1 in
	--transfer | --pipe | --csv) opts+=("$1"); shift ;;
	-*) opts+=("$1" "${2:?}"); shift 2 ;;
	*) usage_error "usage: incremental.sh [OPTION]... LIST0 STATE WORK" ;;
	esac
done
[ $# -eq 3 ] || usage_error "usage: incremental.sh [OPTION]... LIST0 STATE WORK"
list=$1 state=$2 work=$3
mkdir -p "$state/parts" "$work/new"

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
ids=() changed=0 kept=0 fresh=0
for n in "${!files[@]}"; do
	p=${files[$n]}
	if [ -n "${old_sig[$p]+set}" ] && [ "${old_sig[$p]}" = "${sigs[$n]}" ] && [ -f "$state/parts/${old_id[$p]}.tsv" ]; then
		ids[n]=${old_id[$p]}
		kept=$((kept + 1))
	else
		ids[n]=$stamp.$n
		printf '%s\0' "$p"
		changed=$((changed + 1))
		[ -n "${old_sig[$p]+set}" ] || fresh=$((fresh + 1))
	fi
done >"$work/changed0"
log "$fresh new, $((changed - fresh)) changed, $kept unchanged, $((${#old_sig[@]} - kept - changed + fresh)) gone"

st=0
if [ "$changed" -gt 0 ]; then
	bash "$PIPELINES/annotate-shards.sh" "${opts[@]}" --batch 1 "$work/changed0" "$work/new" || st=$?
	[ "$st" -le 1 ] || exit "$st"
	mapfile -d '' new <"$work/new/shards0"
	[ ${#new[@]} -eq "$changed" ] || die "$E_SYS" "expected $changed shards, got ${#new[@]}"
	k=0
	for n in "${!files[@]}"; do
		case ${ids[n]} in "$stamp".*) ;; *) continue ;; esac
		for ext in "" .ent .num; do
			mv -f -- "${new[k]}$ext" "$state/parts/${ids[n]}.tsv$ext"
		done
		k=$((k + 1))
	done
fi

for n in "${!files[@]}"; do
	printf '%s\0' "$state/parts/${ids[n]}.tsv"
done >"$work/shards0"
gone=$((${#old_sig[@]} - kept - changed + fresh))
if [ -n "$old_totals" ] && [ "$changed" -eq "$fresh" ] && [ "$gone" -eq 0 ] &&
	[ -f "$state/parts/$old_totals.tsv.ent" ] && [ -f "$state/parts/$old_totals.tsv.num" ]; then
	# Only additions: what was counted before still holds, so the new parts are merged into
	# the previous totals instead of merging every part again.
	log "merging $fresh new part(s) into the previous totals"
	{
		printf '%s\0' "$state/parts/$old_totals.tsv"
		for n in "${!files[@]}"; do
			case ${ids[n]} in "$stamp".*) printf '%s\0' "$state/parts/${ids[n]}.tsv" ;; esac
		done
	} >"$work/partials0"
else
	cp -- "$work/shards0" "$work/partials0"
fi
printf '%s\n' "$stamp.totals" >"$work/totals-id"
{
	printf '\0totals\0%s\0' "$stamp.totals"
	for n in "${!files[@]}"; do
		printf '%s\0%s\0%s\0' "${files[n]}" "${sigs[n]}" "${ids[n]}"
	done
} >"$work/manifest"
exit "$st"
