#!/bin/sh
# fuzz: the libFuzzer harnesses of tests/fuzz, briefly, as part of the test suite: build
# them (clang, ASan, UBSan), replay every kept regression input (tests/fuzz/regress/), then
# fuzz each for FUZZ_SECONDS (default 2) from the seeds. FUZZ_SECONDS=0 only replays the
# regression inputs and seeds. The long runs are tests/fuzz/run.sh's (about a minute each).
# Skipped when clang or libFuzzer is missing. Environment: TOP, FUZZ_SECONDS, FUZZ_BUILD.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
export TOP
secs=${FUZZ_SECONDS:-2}
if [ "$secs" = 0 ]; then
	sh "$TOP/tests/fuzz/run.sh" -r
else
	sh "$TOP/tests/fuzz/run.sh" "$secs"
fi
# run.sh's own status repeats its FAIL lines; tests/run.sh counts those
exit 0
