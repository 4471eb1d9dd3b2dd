#!/bin/bash
# The end-to-end run: annotate documents (segment | tag-entities | extract-numbers), summarise
# them, publish the results atomically in OUTDIR and print a short summary.
# `sh run.sh` (as make runs it) is handed over to bash, which the scripts here are written for.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi

usage() {
	cat <<'EOF'
usage: run.sh [OPTION]... INPUT... OUTDIR
       run.sh INPUT OUTDIR JOBS        (the form `make run` uses)
Annotate the documents of INPUT (files, or folders read recursively in path order) and write
  OUTDIR/annotations.tsv   the whole stream
  OUTDIR/entities.tsv      type, text, mentions, documents
  OUTDIR/numbers.tsv       type, unit, count, sum, min, max, documents
published as one set (OUTDIR is a link switched to each run's folder in one rename);
a summary goes to stdout.
  -j, --jobs N       run N shards at a time with GNU parallel; output is the serial run's
  --batch N          documents per shard (default: enough for 4 shards per job slot,
                     which balances the load without starting programs for every file)
  --hosts FILE       spread the shards over the hosts of this GNU parallel sshloginfile
  --transfer         with --hosts: copy each input to its host (no shared file system)
  --dask ADDR        run the shards on the Dask scheduler at ADDR (tcp://HOST:PORT)
  --progress         log shards done of all, documents per second and an ETA (every
                     PROGRESS_SECS seconds, default 10; a serial run goes in shards for it)
  --table ID,TEXT    inputs are headed TSV tables, one document per row (columns ID, TEXT)
  --csv              with --table: the tables are CSV
  --pipe             with --table: split each table into blocks of rows (--block SIZE, 1M)
  --state DIR        incremental: annotate only documents new or changed since the last
                     successful run with this DIR (or that failed then), reuse the rest
  --allow-empty      publish even when the inputs hold no document (by default that is
                     refused: an empty or unmounted folder must not replace good results)
  -q, --quiet        no summary on stdout
  -h, --help         this text
Environment: BIN, the folder of the programs (default: the checkout's bin/).
Exit status: 0 done; 1 bad data (reported; the rest was processed and published); 2 usage;
3 failure (nothing published, previous outputs left as they were).
EOF
}

. "$(dirname "$0")/lib.sh"
stamped "$@"
dask="" progress=0

jobs=1 batch="" state="" quiet=0 allow_empty=0 shard_opts=() table_opts=() table=0 pipe=0 csv=0 hosts=""
while [ $# -gt 0 ]; do
	case $1 in
	-h | --help) usage; exit 0 ;;
	-j | --jobs | --batch | --hosts | --table | --block | --state | --dask)
		[ $# -ge 2 ] || usage_error "$1 needs an argument"
		case $1 in
		--dask) dask=$2 ;;
		-j | --jobs) jobs=$2 ;;
		--batch) batch=$2 ;;
		--state) state=$2 ;;
		*)
			shard_opts+=("$1" "$2")
			case $1 in --table) table=1 table_opts+=("$1" "$2") ;; --hosts) hosts=$2 ;; esac
			;;
		esac
		shift 2
		;;
	-j[0-9]*) jobs=${1#-j}; shift ;;
	--transfer) shard_opts+=("$1"); shift ;;
	--progress) progress=${PROGRESS_SECS:-10}; shift ;;
	--pipe) pipe=1; shard_opts+=("$1"); shift ;;
	--csv) csv=1; shard_opts+=("$1"); table_opts+=("$1"); shift ;;
	-q | --quiet) quiet=1; shift ;;
	--allow-empty) allow_empty=1; shift ;;
	--) shift; break ;;
	-?*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
# make's form: exactly INPUT OUTDIR JOBS with a bare number last.
if [ $# -eq 3 ] && [[ $3 =~ ^[0-9]+$ ]]; then
	jobs=$3
	set -- "$1" "$2"
fi
[ $# -ge 2 ] || usage_error "give at least one INPUT and the OUTDIR"
[[ $jobs =~ ^[1-9][0-9]*$ ]] || usage_error "-j needs a positive whole number, got '$jobs'"
[ -z "$batch" ] || [[ $batch =~ ^[1-9][0-9]*$ ]] || usage_error "--batch needs a positive whole number, got '$batch'"
[ "$csv" -eq 0 ] || [ "$table" -eq 1 ] || usage_error "--csv goes with --table"
[ "$pipe" -eq 0 ] || { [ "$table" -eq 1 ] && [ "$csv" -eq 0 ]; } || usage_error "--pipe splits TSV tables: give --table ID,TEXT (and no --csv)"
[ "$pipe" -eq 0 ] || [ -z "$state" ] || usage_error "--pipe and --state do not go together (the state follows whole files)"
[ -z "$hosts" ] || [ -r "$hosts" ] || usage_error "cannot read the host list '$hosts'"
[ -z "$hosts" ] || grep -qv '^[[:space:]]*\(#\|$\)' "$hosts" ||
	usage_error "the host list '$hosts' names no host (only blank or # lines)"
[ -z "$dask" ] || [[ $dask =~ ^tcp://[^/]+:[0-9]+$ ]] || usage_error "--dask needs tcp://HOST:PORT, got '$dask'"
[ -z "$dask" ] || { [ -z "$hosts" ] && [ "$pipe" -eq 0 ] && [ -z "$state" ]; } ||
	usage_error "--dask goes without --hosts, --pipe and --state"
[[ $progress =~ ^[0-9]+$ ]] || usage_error "PROGRESS_SECS must be a whole number of seconds"
[ "$progress" -eq 0 ] || shard_opts+=(--progress "$progress")
out=$(dashsafe "${*: -1}")
[ -z "$state" ] || state=$(dashsafe "$state")
inputs=("${@:1:$#-1}")
# Shard names are passed between GNU parallel and the scripts one per line.
case $out$state in *$'\n'*) usage_error "OUTDIR and the state folder may not contain a newline" ;; esac
need_programs segment tag-entities extract-numbers aggregate

st=0
out_setup "$out" || st=$?
[ "$st" -eq 0 ] || exit "$st"
work=""
trap '[ -z "$work" ] || rm -rf -- "$work"' EXIT
trap 'log "stopped by SIGINT"; exit 130' INT
trap 'log "stopped by SIGTERM"; exit 143' TERM
trap 'log "stopped by SIGHUP"; exit 129' HUP
new_work "$runs" || die "$E_SYS" "cannot create a scratch folder in $runs"

status=0
# stage_done NAME STATUS: a status-1 stage lets the run go on (the rest was processed); any
# other failure ends it here, before anything is published.
stage_done() {
	case $2 in
	0) ;;
	1) status=1 ;;
	*) die "$E_SYS" "$1 failed; nothing published" ;;
	esac
}

log "listing ${#inputs[@]} input(s)"
st=0
bash "$PIPELINES/list-inputs.sh" "${inputs[@]}" >"$work/list0" || st=$?
# A missing input folder must not publish empty results over good ones.
[ "$st" -eq 0 ] || die "$st" "an input is missing; nothing published"
ndocs=$(tr -cd '\0' <"$work/list0" | wc -c)
# An empty folder (an unmounted mount point) must not either.
[ "$ndocs" -gt 0 ] || [ "$allow_empty" -eq 1 ] ||
	die "$E_DATA" "the inputs hold no document (an empty or unmounted folder?); nothing published (--allow-empty publishes empty results)"
log "$ndocs input file(s), -j $jobs$([ -z "$state" ] || echo ", incremental")$([ "$pipe" -eq 0 ] || echo ", blocks")"

if [ -n "$state" ]; then
	mkdir -p -- "$state" || die "$E_SYS" "cannot create $state"
	# Two runs on one state would commit over each other's parts.
	exec 8>"$state/lock"
	flock -n 8 || die "$E_SYS" "the state $state is in use by another run"
	st=0
	bash "$PIPELINES/incremental.sh" -j "$jobs" "${shard_opts[@]}" "$work/list0" "$state" "$work" || st=$?
	stage_done "annotating (incremental)" "$st"
	bash "$PIPELINES/merge-shards.sh" --partials "$work/partials0" "$work/shards0" "$work" ||
		stage_done "merging the shards" 3
elif [ -n "$dask" ]; then
	mkdir "$work/shards"
	# 16 shards unless told: enough to keep a few workers busy and to retry little.
	[ -n "$batch" ] || batch=$(((ndocs + 15) / 16))
	[ "$batch" -ge 1 ] || batch=1
	st=0
	bash "$PIPELINES/annotate-dask.sh" --scheduler "$dask" --batch "$batch" --progress "$progress" \
		"${table_opts[@]}" "$work/list0" "$work/shards" || st=$?
	stage_done "annotating on Dask" "$st"
	bash "$PIPELINES/merge-shards.sh" "$work/shards/shards0" "$work" || stage_done "merging the shards" 3
elif [ "$jobs" -gt 1 ] || [ -n "$hosts" ] || [ "$progress" -gt 0 ]; then
	mkdir "$work/shards"
	if [ -z "$batch" ]; then
		slots=$jobs
		[ -z "$hosts" ] || slots=$((jobs * $(grep -cv '^[[:space:]]*\(#\|$\)' "$hosts")))
		batch=$(((ndocs + 4 * slots - 1) / (4 * slots)))
		[ "$batch" -ge 1 ] || batch=1
	fi
	st=0
	bash "$PIPELINES/annotate-shards.sh" -j "$jobs" --batch "$batch" "${shard_opts[@]}" "$work/list0" "$work/shards" || st=$?
	stage_done "annotating in shards" "$st"
	bash "$PIPELINES/merge-shards.sh" "$work/shards/shards0" "$work" || stage_done "merging the shards" 3
else
	st=0
	bash "$PIPELINES/annotate.sh" "${table_opts[@]}" --files-from "$work/list0" >"$work/annotations.tsv" || st=$?
	stage_done annotating "$st"
	total_ent <"$work/annotations.tsv" | with_header "$ENT_HEAD" >"$work/entities.tsv" ||
		stage_done "aggregate (entities)" 3
	total_num <"$work/annotations.tsv" | with_header "$NUM_HEAD" >"$work/numbers.tsv" ||
		stage_done "aggregate (numbers)" 3
fi

# Documents that yield no segment at all (tables with a header only, empty files) neither.
[ "$allow_empty" -eq 1 ] || awk 'NR == 2 { found = 1; exit } END { exit !found }' "$work/annotations.tsv" ||
	die "$E_DATA" "the inputs yield no segment; nothing published (--allow-empty publishes empty results)"
publish_set "$work" annotations.tsv entities.tsv numbers.tsv || die "$E_SYS" "cannot publish the outputs in $out"
log "published annotations.tsv, entities.tsv, numbers.tsv in $out"

if [ -n "$state" ]; then
	# The commit point of the incremental state: only now does it describe these outputs.
	tid=$(cat "$work/totals-id")
	mv -f -- "$work/totals.ent" "$state/parts/$tid.tsv.ent"
	mv -f -- "$work/totals.num" "$state/parts/$tid.tsv.num"
	publish "$work/manifest" "$state/manifest" || die "$E_SYS" "cannot commit the state $state"
	declare -A keep=()
	while IFS= read -r -d '' _ && IFS= read -r -d '' _ && IFS= read -r -d '' id; do
		keep[$id]=1
	done <"$state/manifest"
	for f in "$state"/parts/*; do
		[ -e "$f" ] || continue
		id=${f##*/}
		id=${id%.tsv*}
		[ -n "${keep[$id]+set}" ] || rm -f -- "$f"
	done
fi

if [ "$quiet" -eq 0 ]; then
	st=0
	bash "$PIPELINES/summary.sh" "$out" || st=$?
	# A reader that stopped early (run.sh | head) is no failure; the outputs are published.
	[ "$st" -eq 0 ] || [ "$st" -eq 141 ] || die "$E_SYS" "the summary failed"
fi
[ "$status" -eq 0 ] || log "finished with bad data reported above (status 1)"
exit "$status"
