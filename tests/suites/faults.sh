#!/bin/sh
# faults: output and signal faults for every program in $BIN and for the end-to-end
# pipeline: a full disk (/dev/full) gives a message and status 3; a reader that goes away
# (| head -1) ends the program quietly, with SIGPIPE ignored too; SIGTERM ends a running
# program at once; SIGTERM in the middle of pipelines/run.sh leaves the published outputs
# whole (the old ones or the new ones; SIGKILL is tests/suites/pipeline-cron.sh's).
# Environment: BIN, TOP.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
case $BIN in /*) ;; *) BIN=$TOP/$BIN ;; esac
W=$(mktemp -d "${TMPDIR:-/tmp}/faults.XXXXXX")
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cd "$W" || exit 1
HDR=$(printf 'doc\tseg\tkind\ttype\tstart\tend\ttext\tvalue\tunit\tmod')

result() {   # result NAME WHY: ok when WHY is empty
	if [ -z "$2" ]; then echo "ok faults/$1"; else echo "FAIL faults/$1: $2"; fi
}

# Inputs: a small one (output well under the 256 KB output buffer, so the error comes from
# the final flush or close) and a large one (the error comes from a write in the middle).
sample=$TOP/data/sample/000_f83d4de466c7d23d.txt
head -n 20 "$sample" > small.txt
i=0
while [ $i -lt 40 ]; do cat "$TOP"/data/sample/*.txt; i=$((i + 1)); done > large.txt
tostream() {   # tostream FILE: a stream of FILE's lines, made without segment
	awk -v hdr="$HDR" 'BEGIN { print hdr } /^\r?$/ { next }
		{ sub(/\r$/, ""); gsub(/\\/, "\\\\"); n++; print "d\t" n "\tseg\tsent\t0\t1\t" $0 "\t\t\t" }' "$1"
}
tostream small.txt > small.tsv
tostream large.txt > large.tsv
printf 'k\tv\n' > small.tab
awk 'BEGIN { for (i = 0; i < 20; i++) print "k" i "\t" i }' >> small.tab
printf 'k\tv\n' > large.tab
awk 'BEGIN { for (i = 0; i < 200000; i++) print "k" i "\t" i }' >> large.tab

# args PROG SIZE: the arguments that make PROG read the small or large input.
args() {
	case $1 in
	segment) echo "$2.txt" ;;
	aggregate) echo "-g k sum:v $2.tab" ;;
	*) echo "$2.tsv" ;;
	esac
}

# endless PROG: an input that never ends, on stdout, for PROG.
endless() {
	case $1 in
	segment) yes '新华社北京12月13日电记者王丹报道共有14720.7万元惠及300余户。' ;;
	aggregate) printf 'k\tv\n'; yes "$(printf 'a\t1')" ;;
	*) echo "$HDR"; yes "$(printf 'd\t1\tseg\tsent\t0\t9\t共有14720.7万元惠及300余户，2019年12月13日。\t\t\t')" ;;
	esac
}

for p in segment tag-entities extract-numbers aggregate; do
	if [ ! -x "$BIN/$p" ]; then
		echo "skip faults/$p: $p is not built"
		continue
	fi
	for size in small large; do
		# shellcheck disable=SC2046  # args are words by design
		timeout -k 5 60 "$BIN/$p" $(args "$p" "$size") > /dev/full 2> err
		rc=$?
		why=""
		[ "$rc" = 3 ] || why="status $rc, expected 3"
		grep -q "^$p: .*No space left on device" err || why="${why:+$why; }no '$p: ...No space left on device' message ($(head -c 120 err | tr '\n' '|'))"
		result "$p/dev-full-$size" "$why"
	done

	# | head -1: quiet, and ended by SIGPIPE or with status 0, never a write error.
	for ign in default ignored; do
		rm -f st
		if [ $ign = ignored ]; then
			# shellcheck disable=SC2046
			{ sh -c 'trap "" PIPE; exec "$@"' - timeout -k 5 60 "$BIN/$p" $(args "$p" large) 2> err; echo $? > st; } | head -n 1 > first
		else
			# shellcheck disable=SC2046
			{ timeout -k 5 60 "$BIN/$p" $(args "$p" large) 2> err; echo $? > st; } | head -n 1 > first
		fi
		rc=$(cat st)
		why=""
		case $rc in 0 | 141) ;; *) why="status $rc (expected SIGPIPE's 141 or 0)" ;; esac
		[ -s err ] && why="${why:+$why; }stderr not empty: $(head -c 120 err | tr '\n' '|')"
		[ -s first ] || why="${why:+$why; }no first line"
		result "$p/head-1-sigpipe-$ign" "$why"
	done

	# SIGTERM while the program is busy: it ends at once with the signal's status.
	# shellcheck disable=SC2046  # aggregate's operands are words by design
	endless "$p" | "$BIN/$p" $([ "$p" = aggregate ] && echo "-g k sum:v") > /dev/null 2> err &
	pid=$!
	sleep 0.5
	alive=0
	kill -0 "$pid" 2>/dev/null && alive=1
	kill -TERM "$pid" 2>/dev/null
	( sleep 5; kill -KILL "$pid" 2>/dev/null ) &
	dog=$!
	wait "$pid" 2> /dev/null
	rc=$?
	kill "$dog" 2>/dev/null
	why=""
	[ $alive = 1 ] || why="the program was not running after 0.5 s of endless input"
	[ "$rc" = 143 ] || why="${why:+$why; }status $rc after SIGTERM, expected 143"
	result "$p/sigterm" "$why"
done

# ---- the pipeline ----
run=$TOP/pipelines/run.sh
missing=""
for p in segment tag-entities extract-numbers aggregate; do [ -x "$BIN/$p" ] || missing="$missing $p"; done
if [ ! -f "$run" ]; then
	echo "skip faults/pipeline: pipelines/run.sh does not exist yet"
elif [ -n "$missing" ]; then
	echo "skip faults/pipeline: not built:$missing"
elif ! command -v setsid > /dev/null; then
	echo "skip faults/pipeline: setsid is missing (util-linux)"
else
	export BIN
	mkdir corpus
	i=0
	while [ $i -lt 12 ]; do cp "$TOP/data/sample/00$((i % 5))"_*.txt "corpus/doc$i.txt"; i=$((i + 1)); done
	sh "$run" -q "$TOP/data/sample" old 2> log || echo "FAIL faults/pipeline-setup: $(tail -n 1 log)"
	sh "$run" -q corpus new 2> log || echo "FAIL faults/pipeline-setup: $(tail -n 1 log)"
	whole() {
		for f in annotations.tsv entities.tsv numbers.tsv; do
			cmp -s "out/$f" "old/$f" || cmp -s "out/$f" "new/$f" || return 1
		done
	}
	bad=""
	for delay in 0.1 0.3 0.6 1.0; do
		rm -rf out .out.runs
		cp -RL old out
		setsid sh "$run" -q corpus out 2> /dev/null &
		pid=$!
		sleep "$delay"
		kill -s TERM -- "-$pid" 2> /dev/null
		wait "$pid" 2> /dev/null
		rc=$?
		whole || bad="$bad ${delay}s(half-written)"
		[ "$rc" = 0 ] || [ "$rc" -ge 128 ] || [ "$rc" = 3 ] || bad="$bad ${delay}s(status $rc)"
	done
	result pipeline/sigterm-outputs-whole "${bad:+after a SIGTERM at$bad}"
	sh "$run" corpus full > /dev/full 2> err
	rc=$?
	why=""
	[ "$rc" != 0 ] || why="status 0 with the summary lost on a full disk"
	[ -s err ] || why="${why:+$why; }no message"
	result pipeline/summary-to-dev-full "$why"
fi
exit 0
