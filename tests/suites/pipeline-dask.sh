#!/bin/sh
# shellcheck source-path=SCRIPTDIR
# run.sh --dask on a real Dask cluster: a private scheduler and two workers on loopback
# (`dask scheduler`, `dask worker`, python3-distributed). The outputs are the serial run's
# byte for byte; a worker killed mid-run costs nothing (the scheduler gives its task to the
# other worker) or fails the run with nothing published; a shard that fails and a scheduler
# that cannot be reached fail the run, named, with nothing published.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
R=$P/run.sh
if ! built; then skip pipeline/dask "$missing is not built"; exit 0; fi
if ! command -v dask >/dev/null; then skip pipeline/dask "dask is not installed (Debian: python3-distributed)"; exit 0; fi
py=$(sed -n '1s/^#! *//p' "$(command -v dask)" | cut -d' ' -f1)
if ! "$py" -c 'import distributed' 2>/dev/null; then skip pipeline/dask "python3-distributed is not importable by $py"; exit 0; fi

D=$T/dask
mkdir -p "$D/tmp"
pids=""
# kill_tree PID: PID, then every process that was under it, by id (PID first: a worker that
# dies does not see its task's processes die before it).
kill_tree() {
	# shellcheck disable=SC2046 # the ids are meant to split
	set -- "$1" $(ps -o pid= --ppid "$1" 2>/dev/null)
	kill -KILL "$1" 2>/dev/null
	shift
	for c; do kill_tree "$c"; done
}
trap 'for p in $pids; do kill_tree "$p"; done; rm -rf "$T"' EXIT
# Quiet, local, no dashboards; workers without a nanny, so that a killed worker stays dead.
export DASK_DISTRIBUTED__WORKER__DAEMON=False TMPDIR="$D/tmp"
setsid dask scheduler --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file "$D/sched.json" >"$D/sched.log" 2>&1 &
pids="$pids $!"
n=0
while [ ! -s "$D/sched.json" ] && [ "$n" -lt 600 ]; do sleep 0.1; n=$((n + 1)); done
addr=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["address"])' "$D/sched.json" 2>/dev/null)
if [ -z "$addr" ]; then skip pipeline/dask "the scheduler did not start: $(tail -n 2 "$D/sched.log" | tr '\n' '|')"; exit 0; fi
for w in a b; do
	TEST_WORKER=$w setsid dask worker "$addr" --host 127.0.0.1 --nthreads 1 --no-nanny --no-dashboard --name "$w" >"$D/worker-$w.log" 2>&1 &
	eval "pid_$w=\$!"
	pids="$pids $!"
done
# Both workers registered (a minute at most on a busy machine).
if ! "$py" - "$addr" >"$D/wait.log" 2>&1 <<'EOF'; then
import sys
from distributed import Client
c = Client(sys.argv[1], timeout=60)
c.wait_for_workers(2, timeout=60)
EOF
	skip pipeline/dask "the two workers did not register: $(tail -n 2 "$D/wait.log" | tr '\n' '|')"
	exit 0
fi

corpus "$T/corpus" 24
for in in "$TOP/data/sample" "$T/corpus"; do
	set=$(basename "$in")
	if ! (cd "$T" && sh "$R" -q "$in" "serial-$set") 2>"$T/log"; then
		fail "pipeline/dask-$set-serial" "$(tail -n 2 "$T/log" | tr '\n' '|')"
		continue
	fi
	name=pipeline/dask-$set
	# (with --progress: the last progress line says every shard came back)
	if (cd "$T" && sh "$R" -q --progress --dask "$addr" "$in" "par") 2>"$T/log" &&
		same_outputs "$T/serial-$set" "$T/par" 2>"$T/why" &&
		grep -Eq 'progress: ([0-9]+) of \1 shards, [0-9.]+ documents/s' "$T/log"; then
		ok "$name"
	else
		fail "$name" "$(cat "$T/why" 2>/dev/null) $(tail -n 3 "$T/log" | tr '\n' '|')"
	fi
	rm -rf "$T/par"
done

in=$TOP/data/sample
fresh() { rm -rf "$T/out" && cp -RL "$T/serial-sample" "$T/out"; }
# kept NAME GREP: status 3, the message, the previous outputs as they were.
kept() {
	why=""
	[ "$st" -eq 3 ] || why="status $st, expected 3;"
	grep -q "$2" "$T/log" || why="$why no message matching '$2';"
	grep -q 'nothing published' "$T/log" || why="$why no 'nothing published';"
	same_outputs "$T/serial-sample" "$T/out" 2>/dev/null || why="$why the previous outputs changed;"
	if [ -z "$why" ]; then ok "$1"; else fail "$1" "$why $(tail -n 3 "$T/log" | tr '\n' '|')"; fi
}

# A shard whose stage fails (status 3 on every worker).
fake_bin "$T/broken"
fake_prog "$T/broken" extract-numbers <<'EOF'
#!/bin/sh
cat >/dev/null
echo "extract-numbers: broken on purpose" >&2
exit 3
EOF
fresh
st=0
(cd "$T" && BIN=$T/broken sh "$R" -q --dask "$addr" "$in" out) 2>"$T/log" || st=$?
kept pipeline/dask-failed-shard 'shard [0-9]* on worker .* failed with status 3'

# No scheduler there (a port nothing listens on).
fresh
st=0
(cd "$T" && DASK_CONNECT_TIMEOUT=3 sh "$R" -q --dask tcp://127.0.0.1:1 "$in" out) 2>"$T/log" || st=$?
kept pipeline/dask-no-scheduler 'cannot reach the Dask scheduler'

# Worker a killed while a shard runs there (segment made slow, and saying when it starts on
# a): the scheduler gives its task to b.
fake_bin "$T/slow"
fake_prog "$T/slow" segment <<EOF
#!/bin/sh
[ "\${TEST_WORKER:-}" != a ] || : >"$T/started-on-a"
sleep 2
exec "$BIN/segment" "\$@"
EOF
fresh
st=0
(cd "$T" && BIN=$T/slow sh "$R" -q --batch 1 --dask "$addr" "$in" out) 2>"$T/log" &
run=$!
n=0
while [ ! -e "$T/started-on-a" ] && [ "$n" -lt 600 ]; do sleep 0.1; n=$((n + 1)); done
# shellcheck disable=SC2154 # set through eval
kill_tree "$pid_a"
wait "$run" || st=$?
if [ "$st" -eq 0 ] && same_outputs "$T/serial-sample" "$T/out" 2>"$T/why"; then
	ok pipeline/dask-worker-killed-mid-run
elif [ "$st" -eq 3 ] && grep -q 'nothing published' "$T/log" && same_outputs "$T/serial-sample" "$T/out" 2>/dev/null; then
	ok "pipeline/dask-worker-killed-mid-run (failed cleanly, nothing published)"
else
	fail pipeline/dask-worker-killed-mid-run "status $st; $(cat "$T/why" 2>/dev/null) $(tail -n 3 "$T/log" | tr '\n' '|')"
fi
