#!/bin/bash
# The run as a cron job: one at a time under a lock, logged with timestamps, then loaded
# and reported; a non-zero exit status on any failure so that cron (or a monitor) sees it.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi

usage() {
	cat <<'EOF'
usage: cron.sh [OPTION]... [--] [RUN OPTION]... INPUT... OUTDIR
Run pipelines/run.sh under a lock, then load and report its outputs.
  --lock FILE     the lock (default .OUTDIR.runs/.cron.lock beside OUTDIR); a second job
                  with the same lock...
  --wait SECS     ...waits up to SECS for the first to finish, then fails (status 3)
                  (default: it does not wait; it logs that it skipped and exits 0)
  --log FILE      append the log lines to FILE instead of stderr (when it cannot be
                  written: status 3 and a message on stderr)
  --sqlite DB     load the outputs into the SQLite database DB (replaced atomically)
  --pg CONNINFO   load the outputs into PostgreSQL with COPY (one transaction)
  --report        write OUTDIR/report.html with its charts
  -h, --help      this text
RUN OPTIONs (-j N, --state DIR, --hosts FILE, ...) are passed to run.sh; see run.sh --help.
Exit status: run.sh's (0, 1 bad data, 2 usage, 3 failure), or 3 if a later step failed.
Example crontab line (every night at 02:30, incremental, two cores):
  30 2 * * * /srv/news/pipelines/cron.sh --log /var/log/news.log --sqlite /srv/news/out/news.db --report -- -j 2 --state /srv/news/state /srv/news/incoming /srv/news/out
EOF
}

. "$(dirname "$0")/lib.sh"
# The log is opened before the rerun that stamps stderr, so that what goes into it is stamped.
if [ -z "${PIPELINE_STAMPED:-}" ]; then
	prev=""
	for a; do
		[ "$a" != -- ] || break
		if [ "$prev" = --log ]; then
			# The caller's stderr stays open as fd 5, to say so when the log cannot be written.
			exec 5>&2
			exec 2>>"$a" || die "$E_SYS" "cannot write the log $a"
			export PIPELINE_LOG_OPEN=1 PIPELINE_ERR_FD=5 PIPELINE_LOG=$a
		fi
		prev=$a
	done
fi
# A stop (timeout, kill) is logged, whenever it comes: here before the log is stamped, and
# again below in the stamped run.
trap 'log "stopped by SIGTERM"; exit 143' TERM
trap 'log "stopped by SIGINT"; exit 130' INT
trap 'log "stopped by SIGHUP"; exit 129' HUP
stamped "$@"

lock="" wait="" logfile="" sqlite="" pg="" report=0
while [ $# -gt 0 ]; do
	case $1 in
	-h | --help) usage; exit 0 ;;
	--lock | --wait | --log | --sqlite | --pg)
		[ $# -ge 2 ] || usage_error "$1 needs an argument"
		case $1 in
		--lock) lock=$2 ;;
		--wait) wait=$2 ;;
		--log) logfile=$2 ;;
		--sqlite) sqlite=$2 ;;
		--pg) pg=$2 ;;
		esac
		shift 2
		;;
	--report) report=1; shift ;;
	--) shift; break ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || usage_error "give at least one INPUT and the OUTDIR"
[ -z "$wait" ] || [[ $wait =~ ^[0-9]+$ ]] || usage_error "--wait needs whole seconds, got '$wait'"
st=0
out_setup "$(dashsafe "${*: -1}")" || st=$?
[ "$st" -eq 0 ] || exit "$st"
lock=${lock:-$runs/.cron.lock}

if [ -n "$logfile" ] && [ -z "${PIPELINE_LOG_OPEN:-}" ]; then
	exec 2>>"$logfile" || die "$E_SYS" "cannot write the log $logfile"
fi
mkdir -p -- "$(dirname -- "$lock")" || die "$E_SYS" "cannot create the folder of $lock"
exec 9>>"$lock" || die "$E_SYS" "cannot open the lock $lock"
if [ -z "$wait" ]; then
	if ! flock -n 9; then
		log "another run holds $lock; skipping this one"
		exit 0
	fi
elif ! flock -w "$wait" 9; then
	die "$E_SYS" "another run still holds $lock after ${wait}s; giving up"
fi

started=$(date +%s)
log "start: run.sh $*"
# The run's summary goes to the log too (stamped there), so cron mails nothing on success.
status=0
forward bash "$PIPELINES/run.sh" "$@" >&2 || status=$?
if [ "$status" -gt 128 ]; then
	die "$status" "run stopped by signal $((status - 128)) after $(($(date +%s) - started))s; previous outputs left in place"
elif [ "$status" -ge 2 ]; then
	die "$status" "run failed (status $status) after $(($(date +%s) - started))s; previous outputs left in place"
fi
# step NAME COMMAND...: a step after the run; its failure fails the job but not the others.
step() {
	local name=$1
	shift
	if "$@"; then log "$name: done"; else
		log "$name failed (status $?)"
		status=3
	fi
}
[ -z "$sqlite" ] || step "sqlite load" bash "$PIPELINES/load-sqlite.sh" "$out" "$sqlite"
[ -z "$pg" ] || step "postgresql load" bash "$PIPELINES/load-postgres.sh" "$out" "$pg"
[ "$report" -eq 0 ] || step "report" bash "$PIPELINES/report.sh" "$out"
log "end: status $status after $(($(date +%s) - started))s"
exit "$status"
