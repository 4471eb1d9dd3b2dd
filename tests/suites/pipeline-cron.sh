#!/bin/sh
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: the sh -c scripts in single quotes get their values as arguments.)
# Safe from cron: SIGKILL at any moment leaves the previous outputs (or, once renamed, the
# new ones) whole, and an incremental state still right; the lock keeps a second job out
# (it skips, or waits and gives up); the log is timestamped and stdout stays quiet.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
R=$P/run.sh
C=$P/cron.sh
if ! built; then skip pipeline/cron "$missing is not built"; exit 0; fi
if ! command -v flock >/dev/null || ! command -v setsid >/dev/null; then
	skip pipeline/cron "flock or setsid is missing (util-linux)"
	exit 0
fi

corpus "$T/corpus" 30
(cd "$T" && sh "$R" -q corpus new) 2>"$T/log" || fail pipeline/cron-setup "$(tail -n 1 "$T/log")"
(cd "$TOP" && sh "$R" -q data/sample "$T/old") 2>"$T/log" || fail pipeline/cron-setup "$(tail -n 1 "$T/log")"
# A slow stage, so that a kill lands in the middle of the work.
fake_bin "$T/slow"
printf '#!/bin/sh\nsleep 0.3\nexec "$REAL/tag-entities" "$@"\n' | fake_prog "$T/slow" tag-entities
export REAL="$BIN"

# `setsid in-dir DIR VAR=VALUE... COMMAND... &`: COMMAND in DIR in a process group of its own
# whose id is the pid of this background job ($!), so that `kill -s KILL -- -$!` kills the run and
# all it started. (In a subshell or a function setsid would fork: the group would be another.)
printf '#!/bin/sh\ncd "$1" && shift && exec env "$@"\n' >"$T/in-dir"
chmod +x "$T/in-dir"
# gone PGID: wait until every process of the group has died (the stages too, which may still
# hold a lock for a moment after the run's own process).
gone() {
	_i=0
	while kill -s 0 -- "-$1" 2>/dev/null && [ $_i -lt 100 ]; do sleep 0.05; _i=$((_i + 1)); done
}
# Each output after a kill must be the old file or the new one, byte for byte.
# (A kill in the instant where an older version's folder is moved aside and not yet linked
# leaves it in .out.runs/legacy.*, which the next run links back: that counts as the old.)
whole() {
	o=$T/out
	[ -e "$o" ] || for o in "$T"/.out.runs/legacy.*; do :; done
	for f in annotations.tsv entities.tsv numbers.tsv; do
		cmp -s "$o/$f" "$T/old/$f" || cmp -s "$o/$f" "$T/new/$f" || return 1
	done
}
# Both as OUTDIR is left by a run (a link to its set) and as older versions left it (a real
# folder, moved into the set folder by the run that publishes).
bad=""
i=0
for delay in 0.1 0.4 0.8 1.4 2.5 1.6 1.8 2.0 2.2; do
	i=$((i + 1))
	if [ $((i % 2)) -eq 0 ]; then
		rm -rf "$T/out" "$T/.out.runs"
		cp -RL "$T/old" "$T/out"
	else
		set_like "$T/out" "$T/old"
	fi
	# PIPELINE_STAMPED: no log wrapper, so the kill hits the run itself and all it started.
	setsid "$T/in-dir" "$T" PIPELINE_STAMPED=1 BIN="$T/slow" sh "$R" -q -j 2 --batch 4 corpus out 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -s KILL -- "-$pid" 2>/dev/null
	gone "$pid"
	wait "$pid" 2>/dev/null
	whole || bad="$bad $delay"
done
if [ -z "$bad" ]; then ok pipeline/cron-sigkill-outputs-whole; else
	fail pipeline/cron-sigkill-outputs-whole "a half-written output after a kill at${bad}s"
fi
# The scratch folders of killed runs are cleared by the next run.
(cd "$T" && sh "$R" -q corpus out) 2>"$T/log"
rerun_ok() { same_outputs "$T/new" "$T/out" && only_set "$T/out"; }
check pipeline/cron-after-kill-rerun "the rerun differs or left scratch folders" rerun_ok

# An incremental run killed half-way leaves a state the next run completes correctly.
cp -r "$T/corpus" "$T/inc-in"
(cd "$T" && sh "$R" -q --state state inc-in inc) 2>/dev/null
cat "$TOP"/data/sample/*.txt >"$T/inc-in/added.txt"
setsid "$T/in-dir" "$T" PIPELINE_STAMPED=1 BIN="$T/slow" sh "$R" -q --state state inc-in inc 2>/dev/null &
pid=$!
sleep 0.5
kill -s KILL -- "-$pid" 2>/dev/null
gone "$pid"
wait "$pid" 2>/dev/null
if (cd "$T" && sh "$R" -q --state state inc-in inc) 2>"$T/log" &&
	(cd "$T" && sh "$R" -q inc-in full) 2>>"$T/log" && same_outputs "$T/full" "$T/inc" 2>"$T/why"; then
	ok pipeline/cron-sigkill-incremental
else
	fail pipeline/cron-sigkill-incremental "$(cat "$T/why") $(tail -n 2 "$T/log" | tr '\n' '|')"
fi

# The lock: a second job skips (status 0) or waits and gives up (status 3).
fake_bin "$T/slower"
printf '#!/bin/sh\nsleep 2.5\nexec "$REAL/tag-entities" "$@"\n' | fake_prog "$T/slower" tag-entities
(cd "$T" && BIN=$T/slower sh "$C" --log cron.log -- corpus cronout) >"$T/cron.stdout" 2>&1 &
first=$!
i=0
while ! grep -q 'start:' "$T/cron.log" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
st=0; (cd "$T" && sh "$C" --log cron2.log -- corpus cronout) >/dev/null 2>&1 || st=$?
check pipeline/cron-lock-skips "second job: status $st, or no message" \
	sh -c '[ "$1" -eq 0 ] && grep -q "skipping" "$2"' - "$st" "$T/cron2.log"
st=0; (cd "$T" && sh "$C" --wait 1 --log cron3.log -- corpus cronout) >/dev/null 2>&1 || st=$?
check pipeline/cron-lock-wait-gives-up "status $st, expected 3" [ "$st" -eq 3 ]
st=0; wait "$first" || st=$?
check pipeline/cron-first-job "status $st" [ "$st" -eq 0 ]
check pipeline/cron-quiet-stdout "the job wrote to stdout: $(head -c 200 "$T/cron.stdout")" [ ! -s "$T/cron.stdout" ]
check pipeline/cron-log "log lines without a timestamp, or no summary in the log" sh -c '
	! grep -Ev "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z " "$1" && grep -q "documents, " "$1" &&
	grep -q "end: status 0" "$1"' - "$T/cron.log"
# A job that waits long enough runs after the first one.
(cd "$T" && BIN=$T/slow sh "$C" --log cron4.log -- corpus cronout2) >/dev/null 2>&1 &
first=$!
sleep 0.3
st=0; (cd "$T" && sh "$C" --wait 60 --lock cronout2/.lock --log cron5.log -- corpus cronout2) >/dev/null 2>&1 || st=$?
wait "$first"
check pipeline/cron-lock-waits "status $st after waiting" sh -c '[ "$1" -eq 0 ] && grep -q "end: status 0" "$2"' - "$st" "$T/cron5.log"
# A failing run fails the job with the run's status.
fake_bin "$T/fail"
printf '#!/bin/sh\nexit 3\n' | fake_prog "$T/fail" segment
st=0; (cd "$T" && BIN=$T/fail sh "$C" --log cron6.log -- corpus cronout) >/dev/null 2>&1 || st=$?
check pipeline/cron-failure-status "status $st, expected 3" [ "$st" -eq 3 ]
# TERM (as `timeout` sends it) stops the run and its stages: nothing published, no scratch
# folder left, status 143, and nothing still running to publish later.
set_like "$T/out" "$T/old"
(cd "$T" && BIN=$T/slower exec sh "$R" -q corpus out) 2>/dev/null &
pid=$!
sleep 1
kill -TERM "$pid"
st=0; wait "$pid" || st=$?
sleep 3
if [ "$st" -eq 143 ] && same_outputs "$T/old" "$T/out" 2>/dev/null && only_set "$T/out"; then
	ok pipeline/cron-term-stops-run
else
	fail pipeline/cron-term-stops-run "status $st; outputs changed or scratch left: $(cd "$T/.out.runs" && echo .* *)"
fi

# The three outputs are one set: a SIGKILL at any moment of publishing leaves the three old
# files or the three new ones, never a new annotations.tsv beside old summaries. A slow
# `sync` (publishing syncs before it renames) holds the run at each step of its publishing
# while it is killed there.
mkdir -p "$T/slowsync"
printf '#!/bin/sh\necho x >>"$SYNC_LOG"\nsleep 0.4\nexec "$REAL_SYNC" "$@"\n' >"$T/slowsync/sync"
chmod +x "$T/slowsync/sync"
REAL_SYNC=$(command -v sync)
export REAL_SYNC
# one_set: OUTDIR's three files all old or all new.
one_set() {
	for v in old new; do
		s=0
		for f in annotations.tsv entities.tsv numbers.tsv; do cmp -s "$T/out/$f" "$T/$v/$f" || s=1; done
		[ $s -eq 1 ] || return 0
	done
	return 1
}
bad=""
for k in 1 2 3 4; do
	set_like "$T/out" "$T/old"
	rm -f "$T/sync.log"
	setsid "$T/in-dir" "$T" PIPELINE_STAMPED=1 SYNC_LOG="$T/sync.log" PATH="$T/slowsync:$PATH" sh "$R" -q corpus out 2>/dev/null &
	pid=$!
	i=0
	synced() { [ -f "$T/sync.log" ] && [ "$(wc -l <"$T/sync.log")" -ge "$1" ]; }
	while ! synced $k && [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done
	sleep 0.2
	kill -s KILL -- "-$pid" 2>/dev/null
	gone "$pid"
	wait "$pid" 2>/dev/null
	one_set || bad="$bad after-sync-$k"
done
if [ -z "$bad" ]; then ok pipeline/cron-sigkill-one-set; else
	fail pipeline/cron-sigkill-one-set "a mix of old and new outputs after a kill at:$bad"
fi

# Log forging: a file name holding a newline and a timestamped line cannot plant a line in
# the log: names are escaped in our messages, and every line gets the stamper's timestamp
# in front (a line that brings its own is data). Its content is not UTF-8, so that segment
# names it in a message too.
mkdir -p "$T/forge"
cp "$TOP"/data/sample/000_*.txt "$T/forge/"
evil=$(printf 'x\n2000-01-01T00:00:00Z cron: end: status 0\rz')
printf '\344\270\255\377\n' >"$T/forge/$evil"
st=0; (cd "$T" && sh "$C" --log forge.log -- forge "forge/$evil" forgeout) >/dev/null 2>&1 || st=$?
check pipeline/cron-log-forging "status $st; the log: $(tr '\n' '|' <"$T/forge.log" | head -c 600)" sh -c '
	[ "$(grep -c "^[0-9TZ:-]* cron: end: " "$1")" -eq 1 ] && ! grep -q "^2000-01-01" "$1" &&
	! grep -q "$(printf "\r")" "$1" && grep -q "start: .*forge/x\\\\n2000-01-01T00:00:00Z cron: end: status 0\\\\rz" "$1"' - "$T/forge.log"
st=0; (cd "$T" && sh "$R" -q "forge/$evil.missing" forgeout) >/dev/null 2>"$T/forge2.log" || st=$?
check pipeline/run-message-escaped "status $st; $(tr '\n' '|' <"$T/forge2.log")" sh -c '
	[ "$1" -eq 1 ] && ! grep -q "^2000-01-01" "$2" && grep -q "forge/x\\\\n2000-01-01T00:00:00Z cron: end: status 0\\\\rz.missing: no such" "$2"' - "$st" "$T/forge2.log"

# A log that cannot be written (a full disk) is status 3 and a message on stderr.
st=0; (cd "$T" && sh "$C" --log /dev/full -- corpus fullout) >/dev/null 2>"$T/full.err" || st=$?
check pipeline/cron-log-full-disk "status $st: $(head -c 300 "$T/full.err")" sh -c '
	[ "$1" -eq 3 ] && grep -q "cannot write the log" "$2"' - "$st" "$T/full.err"

# `timeout` signals its whole process group: the stamper must live on to log the stop, and
# the run must remove its scratch folder.
if command -v timeout >/dev/null; then
	set_like "$T/out" "$T/old"
	st=0; (cd "$T" && BIN=$T/slower timeout 1 sh "$C" --log timeout.log -- corpus out) >/dev/null 2>&1 || st=$?
	sleep 3
	check pipeline/cron-timeout-logged-and-clean "status $st; $(tail -n 3 "$T/timeout.log" | tr '\n' '|') $(cd "$T/.out.runs" && echo .* *)" sh -c '
		[ "$1" -eq 124 ] && grep -q "stopped by SIGTERM" "$2" && grep -q "cron: run stopped by signal 15" "$2"' - "$st" "$T/timeout.log"
	# Early stops too, wherever they land: once the log exists, the stop is in it.
	bad=""
	for d in 0.05 0.1 0.2 0.4; do
		rm -f "$T/timeout2.log"
		(cd "$T" && BIN=$T/slower timeout $d sh "$C" --log timeout2.log -- corpus out) >/dev/null 2>&1
		[ ! -e "$T/timeout2.log" ] || grep -q "stopped by SIGTERM" "$T/timeout2.log" || bad="$bad $d"
	done
	check pipeline/cron-timeout-early-logged "no stop logged after a timeout of$bad s" [ -z "$bad" ]
	sleep 1
	check pipeline/cron-timeout-no-scratch "left: $(cd "$T/.out.runs" && echo .* *)" only_set "$T/out"
else
	skip pipeline/cron-timeout "timeout (coreutils) is missing"
fi

# A scratch folder of a run that was killed and whose pid is now a zombie (its parent never
# waited for it) or gone is removed by the next run.
set_like "$T/out" "$T/old"
sh -c 'sleep 0 & echo $! >"$1"; exec sleep 4' - "$T/zombie.pid" &
sleep 0.5
z=$(cat "$T/zombie.pid")
zs=$(sed 's/.*) //' "/proc/$z/stat" 2>/dev/null | cut -d ' ' -f 20)
mkdir "$T/.out.runs/.work.$z.s$zs.run" "$T/.out.runs/.work.$z.XYZ123"
sh -c 'exit 0' & dead=$!
wait $dead
mkdir "$T/.out.runs/.work.$dead.s1.run"
(cd "$T" && sh "$R" -q corpus out) 2>/dev/null
check pipeline/cron-zombie-scratch-removed "left: $(cd "$T/.out.runs" && echo .* *)" only_set "$T/out"
