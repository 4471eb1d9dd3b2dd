# shellcheck shell=bash disable=SC2034
# (SC2034: the constants are for the scripts that source this file.)
# Sourced by every pipeline script: strict mode, timestamped logging, the exit statuses of
# DESIGN.md, where the programs are, the two summaries (entities.tsv, numbers.tsv) defined
# once, and atomic publishing. Nothing here runs work on its own.

# `sh script.sh`: dash has no pipefail; the scripts are bash, so hand over to bash first.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -euo pipefail
# Byte order for every sort and comparison, so that output does not depend on the locale
# of the machine or the cron environment.
export LC_ALL=C

readonly E_DATA=1 E_USAGE=2 E_SYS=3

PIPELINES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The stream unescaper for awk programs (unescape.awk), to put in front of a program text.
UNESC_AWK=$(cat "$PIPELINES/unescape.awk")
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

# esc STRING: STRING with backslash and control characters written as escapes (\\ \n \r \t
# \xHH), so that a file name can never start a line of its own in a message or a log (a name
# holding a newline and a timestamp would plant a fake log line).
esc() {
	local s=$1
	case $s in *[[:cntrl:]\\]*) ;; *) printf '%s' "$s"; return 0 ;; esac
	s=${s//\\/\\\\}
	s=${s//$'\n'/\\n}
	s=${s//$'\r'/\\r}
	s=${s//$'\t'/\\t}
	hex_ctl "$s" '[[:cntrl:]]'
}
# hex_ctl STRING REGEX: STRING with every character REGEX matches written as \xHH.
hex_ctl() {
	local s=$1 re=$2 c hex
	while [[ $s =~ $re ]]; do
		c=${BASH_REMATCH[0]}
		printf -v hex '\\x%02X' "'$c"
		s=${s//"$c"/"$hex"}
	done
	printf '%s' "$s"
}
# Log lines: UTC timestamp, script, message, on one line whatever the message holds. Under
# stamped (below) the stamper puts the timestamp in front of every line; otherwise log does.
# (bash's own clock: no process per line.)
log() {
	local m
	m=$(esc "$me: $*")
	if [ -n "${PIPELINE_STAMPER:-}" ]; then
		printf '%s\n' "$m" >&2
	else
		TZ=UTC printf '%(%Y-%m-%dT%H:%M:%SZ)T %s\n' -1 "$m" >&2
	fi
}
# stamp: copy stdin to stdout with a timestamp in front of every line (ours from log, the
# programs', GNU parallel's): a line that brings a timestamp of its own is data, not a log
# line. Control characters other than TAB are escaped. When stdout cannot be written (a full
# disk under the log) it goes on reading to the end, so that the writers are not killed by a
# broken pipe half-way, and returns 3.
stamp() {
	local line failed=0
	while IFS= read -r line || [ -n "$line" ]; do
		[ "$failed" -eq 0 ] || continue
		case $line in *[[:cntrl:]]*) line=$(esc_line "$line") ;; esac
		TZ=UTC printf '%(%Y-%m-%dT%H:%M:%SZ)T %s\n' -1 "$line" 2>/dev/null || failed=1
	done
	return $((failed * 3))
}
# esc_line LINE: as esc, but TAB and backslash kept (the programs' messages are theirs).
esc_line() {
	hex_ctl "$1" $'[\x01-\x08\x0a-\x1f\x7f]'
}
# forward COMMAND...: run COMMAND as a child in a process group of its own (setsid), pass
# TERM, INT and HUP on to that whole group (as TERM), and return its status once it is gone.
# A shell waiting on a child in the foreground would die of the signal and leave the work
# running: `timeout` or `kill` must stop the stages themselves, and the run clean up.
forward() {
	local child st saved
	# The caller's own traps come back afterwards (cron.sh logs a stop).
	saved=$(trap -p TERM INT HUP)
	setsid "$@" &
	child=$!
	# $forwarded: the signal passed on, for the caller to say so.
	forwarded=""
	trap 'forwarded=SIGTERM; kill -TERM -- "-$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null' TERM
	trap 'forwarded=SIGINT; kill -TERM -- "-$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null' INT
	trap 'forwarded=SIGHUP; kill -TERM -- "-$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null' HUP
	# wait returns early when a signal comes in; wait again until the child is gone.
	while :; do
		st=0
		wait "$child" || st=$?
		kill -0 "$child" 2>/dev/null || break
	done
	trap - TERM INT HUP
	eval "$saved"
	return "$st"
}
# stamped "$@": at the top of a script, run the script again as a child whose stderr goes
# through stamp (a fifo keeps the child's status ours), and leave with its status. The
# stamper ignores TERM, INT and HUP (`timeout` signals its whole process group): it must
# outlive the writers to log their stop, and its death would kill them with SIGPIPE before
# they clean up. When the log cannot be written the status is 3, said on the stderr the
# caller had (PIPELINE_ERR_FD, set by cron.sh --log) if there is one.
stamped() {
	[ -z "${PIPELINE_STAMPED:-}" ] || return 0
	export PIPELINE_STAMPED=1 PIPELINE_STAMPER=1
	local dir stamper st=0 sst=0
	dir=$(mktemp -d) || die "$E_SYS" "cannot make a temporary folder"
	mkfifo "$dir/stderr" || die "$E_SYS" "cannot make a fifo in $dir"
	(
		trap '' TERM INT HUP
		stamp <"$dir/stderr" >&2
	) &
	stamper=$!
	forward bash "$0" "$@" 2>"$dir/stderr" || st=$?
	wait "$stamper" || sst=$?
	rm -rf -- "$dir"
	unset PIPELINE_STAMPER
	# The run may have been stopped before it could say so itself.
	[ -z "$forwarded" ] || [ "$sst" -ne 0 ] || log "stopped by $forwarded (status $st)"
	if [ "$sst" -ne 0 ]; then
		log "cannot write the log${PIPELINE_LOG:+ $PIPELINE_LOG} (status $st of the run)" 2>&"${PIPELINE_ERR_FD:-2}" || true
		exit "$E_SYS"
	fi
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
# Installed (make install puts pipelines/ under share/, the programs in bin/): no bin/ beside
# pipelines/, so the programs are the ones on PATH.
if [ -z "${BIN:-}" ] && [ ! -x "$TOP/bin/segment" ] && command -v segment >/dev/null 2>&1; then
	BIN=$(dirname "$(command -v segment)")
fi
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

# The outputs of a run are published as one set. OUTDIR is a symbolic link to a folder of its
# own per run, OUTDIR_PARENT/.NAME.runs/ID (NAME: OUTDIR's last component), and a run switches
# it to its new folder with one rename(2): a reader sees the old set or the new one, never a
# mix, and OUTDIR/annotations.tsv and the rest stay where they always were. Other files in the
# current folder (report.html, a database put there) are carried over to the new one (hard
# links). Scratch folders live in .NAME.runs too. A real OUTDIR folder from older versions
# is moved into .NAME.runs as it is and linked, on the first publish.
#
# out_setup OUTDIR: check OUTDIR and set $out (OUTDIR without trailing slashes), $out_name,
# $out_parent and $runs (the folder of the run folders, created).
out_setup() {
	out=$1
	while [ "${#out}" -gt 1 ] && [ "${out%/}" != "$out" ]; do out=${out%/}; done
	out_name=${out##*/}
	case $out_name in '' | . | ..)
		log "OUTDIR '$1' must name a folder of its own (not /, . or ..)"
		return "$E_USAGE"
		;;
	esac
	out_parent=.
	case $out in */*) out_parent=${out%/*} out_parent=${out_parent:-/} ;; esac
	runs=$out_parent/.$out_name.runs
	if [ -L "$out" ]; then
		case $(readlink -- "$out") in
		".$out_name.runs/"*) ;;
		*)
			log "$out is a symbolic link that run.sh did not make (to $(readlink -- "$out")); give the folder it points to as OUTDIR, or remove the link"
			return "$E_USAGE"
			;;
		esac
	elif [ -e "$out" ] && [ ! -d "$out" ]; then
		log "$out exists and is not a folder"
		return "$E_USAGE"
	fi
	mkdir -p -- "$runs" || { log "cannot create $runs"; return "$E_SYS"; }
}
# publish_set WORK FILE...: publish WORK/FILE... as OUTDIR's new set (after out_setup). One
# run at a time switches and cleans (a lock in $runs). TERM, INT and HUP wait until the switch
# is done: none can stop it half-way (SIGKILL can: every step leaves a whole set).
publish_set() {
	local saved pending="" st=0
	saved=$(trap -p TERM INT HUP)
	trap 'pending=TERM' TERM
	trap 'pending=INT' INT
	trap 'pending=HUP' HUP
	publish_now "$@" || st=$?
	trap - TERM INT HUP
	eval "$saved"
	[ -z "$pending" ] || kill -s "$pending" $$
	return "$st"
}
publish_now() {
	local w=$1 set id f cur="" e old
	shift
	set=$w/set
	if ! { exec 7>>"$runs/.lock" && flock 7; }; then
		log "cannot lock $runs/.lock"
		return "$E_SYS"
	fi
	# A move of an older OUTDIR folder that was killed before its link was made.
	if [ ! -e "$out" ] && [ ! -L "$out" ]; then
		for old in "$runs"/legacy.*; do
			[ -d "$old" ] || continue
			ln -s -- ".$out_name.runs/${old##*/}" "$runs/.link.$$" || return "$E_SYS"
			mv -Tf -- "$runs/.link.$$" "$out" || return "$E_SYS"
			break
		done
	fi
	if [ -d "$out" ] && [ ! -L "$out" ]; then
		old=legacy.$(date -u +%Y%m%dT%H%M%S).$$
		log "moving the folder $out of an older version to $runs/$old and linking it"
		# A folder cannot be replaced by a link in one rename: OUTDIR is missing between
		# these two (once, for a moment; a kill there is repaired by the next run, above).
		ln -s -- ".$out_name.runs/$old" "$runs/.link.$$" || return "$E_SYS"
		mv -T -- "$out" "$runs/$old" || return "$E_SYS"
		mv -Tf -- "$runs/.link.$$" "$out" || return "$E_SYS"
	fi
	[ ! -L "$out" ] || [ ! -d "$out" ] || cur=$(readlink -- "$out") cur=${cur#".$out_name.runs/"}
	mkdir -- "$set" || return "$E_SYS"
	for f; do mv -f -- "$w/$f" "$set/$f" || return "$E_SYS"; done
	sync -- "$set"/* 2>/dev/null || true
	if [ -n "$cur" ]; then
		for e in "$runs/$cur"/* "$runs/$cur"/.[!.]* "$runs/$cur"/..?*; do
			[ -e "$e" ] || [ -L "$e" ] || continue
			case ${e##*/} in .work.*) continue ;; esac
			[ ! -e "$set/${e##*/}" ] || continue
			cp -al -- "$e" "$set/" 2>/dev/null || cp -a -- "$e" "$set/" ||
				{ log "cannot carry $e over to the new set"; return "$E_SYS"; }
		done
	fi
	id=run.$(date -u +%Y%m%dT%H%M%S).$$
	mv -T -- "$set" "$runs/$id" || return "$E_SYS"
	ln -s -- ".$out_name.runs/$id" "$runs/.link.$$" || return "$E_SYS"
	# The switch: from here on readers get the new set.
	mv -Tf -- "$runs/.link.$$" "$out" || return "$E_SYS"
	sync -- "$runs" "$out_parent" 2>/dev/null || true
	clean_stale "$runs"
	for e in "$runs"/* "$runs"/.link.*; do
		[ -e "$e" ] || [ -L "$e" ] || continue
		[ "${e##*/}" = "$id" ] || rm -rf -- "$e"
	done
	exec 7>&-
}
# proc_start PID: the start time of process PID (clock ticks since boot, from /proc), empty
# where there is no /proc. With the pid it names a process: a pid can be reused.
proc_start() {
	local st
	{ read -r st <"/proc/$1/stat"; } 2>/dev/null || return 0
	st=${st##*) }
	# shellcheck disable=SC2086 # the fields of stat, split on purpose
	set -- $st
	printf '%s' "${20:-}"
}
# running PID START: process PID started at START is still running (not gone, not a zombie
# that nobody has waited for).
running() {
	local st
	if [ -r /proc/self/stat ]; then
		{ read -r st <"/proc/$1/stat"; } 2>/dev/null || return 1
		st=${st##*) }
		case $st in Z* | X*) return 1 ;; esac
		[ -z "$2" ] || [ "$(proc_start "$1")" = "$2" ]
	else
		kill -0 "$1" 2>/dev/null
	fi
}
# clean_stale DIR: remove the scratch folders in DIR whose run is gone (killed, even with
# SIGKILL): .work.PID.sSTART.* (or .work.PID.* from older versions).
clean_stale() {
	local d pid start
	for d in "$1"/.work.*; do
		[ -d "$d" ] || continue
		pid=${d##*/.work.}
		start=${pid#*.}
		pid=${pid%%.*}
		case $pid in '' | *[!0-9]*) continue ;; esac
		case $start in s[0-9]*) start=${start%%.*} start=${start#s} ;; *) start="" ;; esac
		running "$pid" "$start" || rm -rf -- "$d"
	done
}
# make_work DIR: a private scratch folder inside DIR, so that renames out of it are atomic,
# named by this shell's pid and start time. Folders left by runs that are gone are removed first.
make_work() {
	clean_stale "$1"
	mktemp -d "$1/.work.$$.s$(proc_start $$).XXXXXX"
}
# new_work DIR: as make_work, but in this shell: $work names the folder before it exists, so
# that an EXIT trap set beforehand removes it whenever the run stops, even half-way.
new_work() {
	clean_stale "$1"
	work=$1/.work.$$.s$(proc_start $$).run
	mkdir -- "$work"
}
