#!/bin/bash
# usage: annotate-dask.sh --scheduler tcp://HOST:PORT [OPTION]... LIST0 DIR
# Annotate the documents named in LIST0 in shards run by a Dask cluster, each shard's
# partial summaries computed by the worker that annotated it; DIR gets what
# annotate-shards.sh writes (DIR/shards0 and the shards' streams and partials), so run.sh
# merges them the same way. The work is done by annotate-dask.py (python3-distributed).
#   --scheduler ADDR   the running Dask scheduler (tcp://HOST:PORT)
#   --batch N          documents per shard (default 1)
#   --table ID,TEXT, --csv   inputs are tables (see annotate.sh)
#   --progress SECS    log shards done, documents per second and an ETA every SECS seconds
# Exit status: 0, 1 when a shard reported bad data (the rest was processed), 3 on failure.
. "$(dirname "$0")/lib.sh"

sched="" batch=1 table=() progress=0
while [ $# -gt 0 ]; do
	case $1 in
	--scheduler) sched=${2:?}; shift 2 ;;
	--batch) batch=${2:?}; shift 2 ;;
	--table) table+=(--table "${2:?}"); shift 2 ;;
	--csv) table+=(--csv); shift ;;
	--progress) progress=${2:?}; shift 2 ;;
	--) shift; break ;;
	-?*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
{ [ $# -eq 2 ] && [ -n "$sched" ]; } || usage_error "usage: annotate-dask.sh --scheduler tcp://HOST:PORT [OPTION]... LIST0 DIR"
[[ $batch =~ ^[1-9][0-9]*$ ]] || usage_error "--batch takes a positive whole number"
# The Python that has Dask: the one running `dask`, else python3.
py=python3
if ! python3 -c 'import distributed' 2>/dev/null; then
	d=$(command -v dask || true)
	[ -z "$d" ] || py=$(sed -n '1s/^#! *//p' "$d" | cut -d' ' -f1)
fi
"$py" -c 'import distributed' 2>/dev/null ||
	die "$E_SYS" "python3-distributed is not installed (Debian: apt-get install python3-distributed)"
export PIPELINES PROGRESS_SECS=$progress
exec "$py" "$PIPELINES/annotate-dask.py" "$sched" "$batch" "$1" "$2" "${table[@]}"
