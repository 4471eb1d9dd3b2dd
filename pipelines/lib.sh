# shellcheck shell=bash disable=SC2034
# (SC2034: the constants are for the scripts that source this file.)
# Sourced by every pipeline script: strict mode, timestamped logging, the exit statuses of
# DESIGN.md, where the programs are, the two summaries (entities.tsv, numbers.tsv) defined
# once, and atomic publishing. Nothing here runs work on its own.

set -euo pipefail
# Byte order for every sort and comparison, so that output does not depend on the locale
# of the machine or the cron environment.
export LC_ALL=C

readonly E_DATA=1 E_USAGE=2 E_SYS=3

PIPELINES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(dirname "$PIPELINES")
me=${0##*/}
me=${me%.sh}

TAB=$'\t'
STREAM_HEAD="doc${TAB}seg${TAB}kind${TAB}type${TAB}start${TAB}end${TAB}text${TAB}value${TAB}unit${TAB}mod"
ENT_HEAD="type${TAB}text${TAB}mentions${TAB}documents"
NUM_HEAD="type${TAB}unit${TAB}count${TAB}sum${TAB}min${TAB}max${TAB}documents"
# The aggregations behind the two summaries; partial, merge and direct runs all use these,
# which is what makes their results comparable byte for byte.
ENT_AGG=(--where kind=ent -g 'type,text' -o 'count,countunique:doc')
NUM_AGG=(--where kind=num -g 'type,unit' -o 'count,sum:value,min:value,max:value,countunique:doc')

# Log lines: UTC timestamp, script, message. (bash's own clock: no process per line.)
log() { TZ=UTC printf '%(%Y-%m-%dT%H:%M:%SZ)T %s: %s\n' -1 "$me" "$*" >&2; }
# stamp: copy stdin to stdout, with a timestamp in front of lines that have none (the
# programs' own messages, GNU parallel's).
stamp() {
	local line
	while IFS= read -r line || [ -n "$line" ]; do
		if [[ $line =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\  ]]; then
			printf '%s\n' "$line"
		else
			TZ=UTC printf '%(%Y-%m-%dT%H:%M:%SZ)T %s\n' -1 "$line"
		fi
	done
}
# forward COMMAND...: run COMMAND as a child in a process group of its own (setsid), pass
# TERM, INT and HUP on to that whole group (as TERM), and return its status once it is gone.
# A shell waiting on a child in the foreground would die of the signal and leave the work
# running: `timeout` or `kill` must stop the stages themselves, and the run clean up.
forward() {
	local child st
	setsid "$@" &
	child=$!
	trap 'kill -TERM -- "-$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null' TERM INT HUP
	# wait returns early when a signal comes in; wait again until the child is gone.
	while :; do
		st=0
		wait "$child" || st=$?
		kill -0 "$child" 2>/dev/null || break
	done
	trap - TERM INT HUP
	return "$st"
}
# stamped "$@": at the top of a script, run the script again as a child whose stderr goes
# through stamp (a fifo keeps the child's status ours), and leave with its status.
stamped() {
	[ -z "${PIPELINE_STAMPED:-}" ] || return 0
	export PIPELINE_STAMPED=1
	local dir stamper st=0
	dir=$(mktemp -d) || die "$E_SYS" "cannot make a temporary folder"
	mkfifo "$dir/stderr" || die "$E_SYS" "cannot make a fifo in $dir"
	stamp <"$dir/stderr" >&2 &
	stamper=$!
	forward bash "$0" "$@" 2>"$dir/stderr" || st=$?
	wait "$stamper" || true
	rm -rf -- "$dir"
	exit "$st"
}
die() {
	local st=$1
	shift
	log "$*"
	exit "$st"
}
usage_error() {
	log "$*"
	printf "Try '%s --help'.\n" "$0" >&2
	exit "$E_USAGE"
}

# BIN as given (relative to the caller's directory, as make passes it), else the checkout's bin/.
BIN=${BIN:-$TOP/bin}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
export BIN

need_programs() {
	local p have=() missing=()
	for p; do
		if [ -x "$BIN/$p" ]; then have+=("$p"); else missing+=("$p"); fi
	done
	if [ ${#missing[@]} -gt 0 ]; then
		log "not built yet in $BIN: ${missing[*]} (built: ${have[*]:-none}); run make"
		exit "$E_SYS"
	fi
}

# verdict "NAME..." STATUS...: judge one pipeline's PIPESTATUS, naming every stage that failed.
# Prints the worst class: 0, 1 (a stage reported bad data and processed the rest) or 3.
# A stage killed by SIGPIPE only because a later stage died is a consequence, not a cause.
verdict() {
	local -a names
	read -r -a names <<<"$1"
	shift
	local i=0 st worst=0 other=0
	for st; do [ "$st" -ne 0 ] && [ "$st" -ne 141 ] && other=1; done
	for st; do
		local name=${names[$i]:-stage$((i + 1))}
		i=$((i + 1))
		case $st in
		0) ;;
		1)
			log "stage $name reported bad data (status 1); the rest was processed"
			[ "$worst" -lt 1 ] && worst=1
			;;
		141) if [ "$other" -eq 0 ]; then
			log "stage $name failed: broken pipe"
			worst=3
		fi ;;
		*)
			if [ "$st" -gt 128 ]; then
				log "stage $name failed: killed by signal $((st - 128))"
			else
				log "stage $name failed with status $st"
			fi
			worst=3
			;;
		esac
	done
	echo "$worst"
}

# with_header HEADER: replace the first line of stdin by HEADER (the programs name the columns
# after their operations; the published files name them for their readers).
with_header() {
	printf '%s\n' "$1"
	tail -n +2
}

# The entity and number summaries of a stream on stdin: whole (total_*) or as a mergeable
# partial state (partial_*). merge reads partial states (one header line, on stdin or in
# files) and writes their results, or with --partial a partial state again.
total_ent() { "$BIN/aggregate" "${ENT_AGG[@]}" "$@"; }
total_num() { "$BIN/aggregate" "${NUM_AGG[@]}" "$@"; }
partial_ent() { total_ent --partial "$@"; }
partial_num() { total_num --partial "$@"; }
merge() { "$BIN/aggregate" --merge "$@"; }

# dashsafe PATH: PATH, with ./ in front when it starts with a dash, so that no command
# (mktemp, awk, find) can take it for an option.
dashsafe() {
	case $1 in -*) printf './%s' "$1" ;; *) printf '%s' "$1" ;; esac
}

# first N: the first N lines of stdin. Unlike head it reads to the end, so the command
# feeding it never dies of a broken pipe, which pipefail would count as a failure.
first() { sed -n "1,${1}p"; }

# cat_bodies LIST0: the files named in the NUL-separated LIST0, each without its header line,
# in list order.
cat_bodies() {
	[ -s "$1" ] || return 0
	xargs -0 tail -q -n +2 -- <"$1"
}

# publish FILE TARGET: make FILE (already beside TARGET, on the same file system) durable and
# rename it over TARGET, so that a reader sees the old file or the new one, never a mix.
publish() {
	sync -- "$1" 2>/dev/null || true
	mv -f -- "$1" "$2"
}

# make_work DIR: a private scratch folder inside DIR, so that renames out of it are atomic.
# Folders left by runs that were killed (their pid is gone) are removed first.
make_work() {
	local d pid
	for d in "$1"/.work.*; do
		[ -d "$d" ] || continue
		pid=${d##*/.work.}
		pid=${pid%%.*}
		case $pid in '' | *[!0-9]*) continue ;; esac
		kill -0 "$pid" 2>/dev/null || rm -rf -- "$d"
	done
	mktemp -d "$1/.work.$$.XXXXXX"
}
