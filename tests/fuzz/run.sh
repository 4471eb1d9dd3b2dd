#!/bin/sh
# run.sh [-r] [SECONDS] [HARNESS...]: build the libFuzzer harnesses (clang, ASan, UBSan) in
# their own build directory, replay every kept regression input, then fuzz each harness for
# SECONDS (default 60) from a seed corpus made from data/sample. -r replays only (no
# fuzzing). Prints "ok NAME", "FAIL NAME: why" or "skip NAME: why" lines, one set per
# harness; exits 1 when anything failed.
# Environment: TOP (checkout), FUZZ_SEED (default 1; 0 = random), FUZZ_BUILD (build and corpus directory, default .b/fuzz
# under TOP; the corpus kept there grows from run to run), FUZZ_WAIT, FUZZ_JOBS (make -j).
set -u
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
top=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
here=$top/tests/fuzz
build=${FUZZ_BUILD:-$top/.b/fuzz}
case $build in /*) ;; *) build=$top/$build ;; esac
replay_only=0
if [ "${1:-}" = -r ]; then replay_only=1; shift; fi
secs=${1:-60}
[ $# -gt 0 ] && shift
failed=0

if ! command -v clang >/dev/null 2>&1; then
	echo "skip fuzz: clang is not installed"
	exit 0
fi
mkdir -p "$build/fuzz" "$build/seeds" "$build/corpus" "$build/crashes"
# One run at a time per build directory (the checkout is shared, and make check runs the
# fuzz suite): builds, corpus and logs would clash. A busy directory is skipped, or waited
# for with FUZZ_WAIT=1.
if command -v flock > /dev/null 2>&1; then
	exec 9> "$build/lock"
	if ! flock -n 9; then
		if [ "${FUZZ_WAIT:-0}" = 1 ]; then
			flock 9
		else
			echo "skip fuzz: another fuzz run is using $build (FUZZ_WAIT=1 waits for it)"
			exit 0
		fi
	fi
fi
probe=$build/fuzz/probe
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' > "$probe.c"
if ! clang -fsanitize=fuzzer,address,undefined -o "$probe" "$probe.c" >/dev/null 2>&1; then
	echo "skip fuzz: clang cannot link libFuzzer with ASan and UBSan (libclang-rt-dev missing?)"
	exit 0
fi

# The harness list: those of common/ always, a filter's once its main file exists.
harnesses=${*:-}
if [ -z "$harnesses" ]; then
	harnesses="tsv csv utf8 decimal annotate"
	[ -f "$top/filters/extract-numbers/zh_numeral.c" ] && harnesses="$harnesses numeral"
	[ -f "$top/filters/aggregate/num.c" ] && harnesses="$harnesses aggnum"
	[ -f "$top/filters/tag-entities/model.c" ] && harnesses="$harnesses model"
	for d in "$top"/filters/*/; do
		p=$(basename "$d")
		[ -f "$here/fuzz_$p.c" ] || continue
		if [ -f "$d/$p.c" ]; then harnesses="$harnesses $p"; else echo "skip fuzz/$p: filters/$p/$p.c does not exist yet"; fi
	done
fi

cflags="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all"
# make sees one spelling of every path (its dependency files name targets as given)
mkbuild=${build#"$top"/}
build_one() {   # build_one NAME: the harness binary, its compiler output in a log
	(cd "$top" && make -j"${FUZZ_JOBS:-2}" -f Makefile -f tests/fuzz/fuzz.mk BUILD="$mkbuild" CC=clang \
		CFLAGS="$cflags" SANFLAGS= "$mkbuild/fuzz/fuzz_$1") > "$build/fuzz/build-$1.log" 2>&1
}

for h in $harnesses; do
	bin=$build/fuzz/fuzz_$h
	case $h in tsv|csv|utf8|decimal|annotate) common=1 ;; *) common=0 ;; esac
	if ! build_one "$h"; then
		why="build failed: $(grep -a -m1 -E 'error|Error' "$build/fuzz/build-$h.log")"
		# a filter that does not build is its own build's failure, reported there
		if [ $common = 1 ]; then echo "FAIL fuzz/$h: $why"; failed=1; else echo "skip fuzz/$h: $why"; fi
		continue
	fi

	# Regression inputs: each once; any crash, leak or invariant failure fails the test.
	reg=$here/regress/$h
	if [ -d "$reg" ] && [ -n "$(ls -A "$reg")" ]; then
		if "$bin" -runs=1 "$reg"/* > "$build/fuzz/replay-$h.log" 2>&1; then
			echo "ok fuzz/regress/$h: $(find "$reg" -type f | wc -l) inputs replayed"
		else
			at=$(sed -n 's/^Running: //p' "$build/fuzz/replay-$h.log" | tail -n 1)
			echo "FAIL fuzz/regress/$h: ${at#"$here"/}: $(grep -a -m1 -E 'ERROR|failed|runtime error' "$build/fuzz/replay-$h.log")"
			failed=1
		fi
	fi

	seeds=$build/seeds/$h
	rm -rf "$seeds"
	TOP=$top sh "$here/seeds.sh" "$h" "$seeds"
	if [ $replay_only = 1 ]; then
		if "$bin" -runs=1 "$seeds"/* > "$build/fuzz/seeds-$h.log" 2>&1; then
			echo "ok fuzz/seeds/$h: $(find "$seeds" -type f | wc -l) seeds run"
		else
			echo "FAIL fuzz/seeds/$h: $(grep -a -m1 -E 'ERROR|failed|runtime error' "$build/fuzz/seeds-$h.log")"
			failed=1
		fi
		continue
	fi

	corpus=$build/corpus/$h
	mkdir -p "$corpus"
	log=$build/fuzz/fuzz-$h.log
	# A fixed seed by default: the same build explores the same inputs, so a run that
	# passed here passes in CI; FUZZ_SEED=0 lets libFuzzer pick one.
	if "$bin" -seed="${FUZZ_SEED:-1}" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
		-print_final_stats=1 -artifact_prefix="$build/crashes/$h-" \
		"$corpus" "$seeds" > "$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
		cov=$(grep -a -E '^#[0-9]+' "$log" | tail -n 1 | sed -n 's/.*\(cov: [0-9]*\).*\(ft: [0-9]*\).*\(corp: [0-9]*\).*/\1 \2 \3/p')
		echo "ok fuzz/$h: ${runs:-?} runs in ${secs}s, ${cov:-no coverage line}"
	else
		art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | head -n 1)
		what=$(grep -a -m1 -E 'ERROR:|invariant failed|runtime error' "$log")
		echo "FAIL fuzz/$h: ${what:-fuzzer exited with an error}; input ${art:-not written}, log $log"
		failed=1
	fi
done
exit $failed
