#!/bin/bash
# usage: annotate-shards.sh [OPTION]... LIST0 DIR
# Annotate the documents named in LIST0 (NUL-separated paths) in shards run by GNU parallel,
# and compute each shard's partial summaries. Shard streams land in DIR with their partials
# beside them (SHARD.ent, SHARD.num); DIR/shards0 names the shards in document order, so
# that their bodies laid end to end are the serial run's stream.
#   -j N           shards at a time on each host (default 1)
#   --hosts FILE   GNU parallel sshloginfile: run on these hosts (":" is this one); the
#                  checkout must be at the same path on each, inputs on a shared file system
#   --transfer     copy each input to the host that annotates it (no shared file system)
#   --batch N      documents per shard in per-file mode (default 1)
#   --pipe         the inputs are TSV tables (--table); split each into blocks of whole rows
#   --block SIZE   block size for --pipe (default 1M)
#   --table ID,TEXT, --csv   inputs are tables (see annotate.sh)
#   --progress SECS  log shards done of all, documents per second and an ETA every SECS s
# Exit status: 0, 1 when a shard reported bad data (the rest was processed), 3 on failure:
# GNU parallel's own failure, a job that failed (its shard and host named), or fewer shards
# than were sent out; then DIR/shards0 is not written and nothing may be published.
. "$(dirname "$0")/lib.sh"

jobs=1 hosts="" transfer=0 batch=1 pipe=0 block=1M table=() progress=0
while [ $# -gt 0 ]; do
	case $1 in
	-j | --jobs) jobs=${2:?}; shift 2 ;;
	--hosts) hosts=${2:?}; shift 2 ;;
	--transfer) transfer=1; shift ;;
	--batch) batch=${2:?}; shift 2 ;;
	--pipe) pipe=1; shift ;;
	--block) block=${2:?}; shift 2 ;;
	--table) table+=(--table "${2:?}"); shift 2 ;;
	--csv) table+=(--csv); shift ;;
	--progress) progress=${2:?}; shift 2 ;;
	--) shift; break ;;
	-?*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
[ $# -eq 2 ] || usage_error "usage: annotate-shards.sh [OPTION]... LIST0 DIR"
list=$1 dir=$2
case $jobs$batch in *[!0-9]*) usage_error "-j and --batch take a whole number" ;; esac
[ "$pipe" -eq 0 ] || [ ${#table[@]} -eq 2 ] || usage_error "--pipe splits TSV tables: give --table ID,TEXT (and no --csv)"
command -v parallel >/dev/null || die "$E_SYS" "GNU parallel is not installed (Debian: apt-get install parallel)"

# Each job's output is kept in a file of its own named by its sequence number, rather than
# piped, so shards stay separate for their partial summaries; its stderr is kept beside it
# (N.err) and passed on below. On this machine the jobs write their files themselves
# (annotate.sh --out); from other hosts output comes back through ssh and --results.
# One parallel run per folder of shards.
par=(parallel --will-cite -j "$jobs")
if [ -n "$hosts" ]; then
	par+=(--sshloginfile "$hosts" --workdir . --env BIN)
	[ "$transfer" -eq 0 ] || par+=(--transferfile '{}')
fi
# progress TOTAL: every $progress seconds, how far the shards are, from the job logs (one
# line per finished job); TOTAL shards of $batch documents each (0: not known in advance).
progress() {
	local total=$1 ndocs finished docs rate eta
	ndocs=$(tr -cd '\0' <"$list" | wc -c)
	while sleep "$progress"; do
		finished=$(cat "$dir"/*.log 2>/dev/null | grep -vc '^Seq' || true)
		if [ "$total" -gt 0 ]; then
			docs=$((finished * batch < ndocs ? finished * batch : ndocs))
			rate=$((docs * 10 / (SECONDS - start > 0 ? SECONDS - start : 1)))
			if [ "$rate" -gt 0 ]; then eta="$((((ndocs - docs) * 10 + rate - 1) / rate))s"; else eta="not known yet"; fi
			log "progress: $finished of $total shards, $((rate / 10)).$((rate % 10)) documents/s, ETA $eta"
		else
			log "progress: $finished shards done"
		fi
	done
}
start=$SECONDS monitor=""
# (|| true: a failing command in an EXIT trap would replace the script's status.)
trap '[ -z "$monitor" ] || kill "$monitor" 2>/dev/null || true' EXIT

runs=()
# pst: GNU parallel's worst status. 1-101 count failed jobs (judged below from the job log,
# since a shard with bad data is status 1 yet usable); anything above is parallel failing
# as a whole (a missing rsync, a bad sshlogin), whatever the job log says.
pst=0
ran() { [ "$1" -le 101 ] || [ "$1" -le "$pst" ] || pst=$1; }
if [ "$pipe" -eq 1 ]; then
	if [ "$progress" -gt 0 ]; then
		progress 0 &
		monitor=$!
	fi
	# --pipepart hands each job a block of whole lines with the header line in front of it.
	k=0
	while IFS= read -r -d '' t; do
		k=$((k + 1))
		runs+=("$dir/t$k")
		blocks=(--joblog "$dir/t$k.log" --pipepart -a "$t" --header : --block "$block" -q)
		if [ -n "$hosts" ]; then
			st=0
			"${par[@]}" --results "$dir/t$k/{#}" "${blocks[@]}" \
				bash "$PIPELINES/annotate.sh" "${table[@]}" -- - >/dev/null || st=$?
		else
			mkdir -p "$dir/t$k"
			st=0
			"${par[@]}" "${blocks[@]}" bash "$PIPELINES/annotate.sh" --out "$dir/t$k/{#}" "${table[@]}" -- - || st=$?
		fi
		ran "$st"
	done <"$list"
else
	runs=("$dir/f")
	ndocs=$(tr -cd '\0' <"$list" | wc -c)
	printf '%s\n' $(((ndocs + batch - 1) / batch)) >"$dir/f.want"
	if [ "$progress" -gt 0 ]; then
		progress $(((ndocs + batch - 1) / batch)) &
		monitor=$!
	fi
	st=0
	if [ -n "$hosts" ]; then
		"${par[@]}" --results "$dir/f/{#}" --joblog "$dir/f.log" -0 -n "$batch" -a "$list" -q \
			bash "$PIPELINES/annotate.sh" "${table[@]}" -- >/dev/null || st=$?
	else
		# Each job reads its batch from a list file: exactly one job per batch, where batches
		# as arguments would be cut into more jobs at GNU parallel's command line limit.
		mkdir -p "$dir/f" "$dir/lists"
		[ ! -s "$list" ] || split -t '\0' -l "$batch" -d -a 9 -- "$list" "$dir/lists/"
		find "$dir/lists" -type f -print0 | sort -z >"$dir/lists0"
		"${par[@]}" --joblog "$dir/f.log" -0 -a "$dir/lists0" -q \
			bash "$PIPELINES/annotate.sh" --out "$dir/f/{#}" "${table[@]}" --files-from {} || st=$?
	fi
	ran "$st"
fi
if [ -n "$monitor" ]; then
	kill "$monitor" 2>/dev/null || true
	wait "$monitor" 2>/dev/null || true
	monitor=""
fi
[ "$progress" -eq 0 ] || log "progress: all shards ran in $((SECONDS - start))s"
[ "$pst" -eq 0 ] || die "$E_SYS" "GNU parallel failed (status $pst, see its messages above); nothing published"

# The shards in order: run by run, job by job; each job's messages are passed on. Every run
# must account for jobs 1..N with nothing missing (N known in advance per file, when the
# shards are batches of the list) and every shard's stream must be there: a lost shard is a
# failed run, never a smaller result.
worst=0 lost=""
for r in "${runs[@]}"; do
	[ -f "$r.log" ] || { lost="$lost ${r##*/} (no job log)"; continue; }
	# Job log: Seq Host Starttime JobRuntime Send Receive Exitval Signal Command
	awk -F '\t' '$1 != "Seq" { print $1 "\t" $7 "\t" $8 "\t" $2 }' <"$r.log" | sort -n >"$r.jobs"
	want=$(cat "$r.want" 2>/dev/null || awk -F '\t' 'END { print $1 + 0 }' <"$r.jobs")
	k=0
	while IFS=$'\t' read -r n code sig host; do
		k=$((k + 1))
		[ "$n" -eq "$k" ] || { lost="$lost ${r##*/}:$k"; k=$n; }
		[ "$host" != : ] || host="this machine"
		if [ "$sig" -ne 0 ]; then
			log "shard ${r##*/}:$n on $host was killed by signal $sig"
			worst=3
		elif [ "$code" -gt 1 ]; then
			# ssh says 255 when it lost the host.
			log "shard ${r##*/}:$n on $host failed with status $code$([ "$code" -ne 255 ] || echo " (ssh: host unreachable or lost)")"
			worst=3
		else
			[ "$code" -le "$worst" ] || worst=$code
			[ -f "$r/$n" ] || { log "shard ${r##*/}:$n from $host: its stream is missing"; worst=3; }
		fi
		[ ! -s "$r/$n.err" ] || cat -- "$r/$n.err" >&2
		printf '%s\0' "$r/$n" >>"$dir/shards0.tmp"
	done <"$r.jobs"
	[ "$k" -ge "$want" ] || lost="$lost ${r##*/}: $k of $want shards ran"
done
[ -z "$lost" ] || die "$E_SYS" "shards lost:$lost; nothing published"
[ "$worst" -lt 3 ] || die "$E_SYS" "a shard failed (named above); nothing published"
if [ -f "$dir/shards0.tmp" ]; then mv -- "$dir/shards0.tmp" "$dir/shards0"; else : >"$dir/shards0"; fi

# The partial summaries are computed here, whichever host annotated the shard (xargs -P:
# GNU parallel's start-up would cost more than the work).
[ ! -s "$dir/shards0" ] || xargs -0 -P "$jobs" -n 4 bash "$PIPELINES/partials.sh" <"$dir/shards0" ||
	die "$E_SYS" "partial summaries of the shards failed"
exit "$worst"
