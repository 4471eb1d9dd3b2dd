#!/bin/sh
# Run every test and print one closing line "N passed, N failed[, N skipped]".
# Each test prints lines "ok NAME", "FAIL NAME: why" or "skip NAME: why"; this script only
# runs them and counts. Environment: BIN (programs), BUILD (unit test binaries).
# TESTS=pattern runs only the suites whose path contains pattern.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-bin}; BUILD=${BUILD:-build}
case $BIN in /*) ;; *) BIN=$top/$BIN ;; esac
case $BUILD in /*) ;; *) BUILD=$top/$BUILD ;; esac
export BIN BUILD TOP="$top"
log=$(mktemp "${TMPDIR:-/tmp}/check.XXXXXX")
trap 'rm -f "$log"' EXIT INT TERM

suite() {   # suite NAME COMMAND...: run one suite, a crash or non-zero exit without FAIL lines counts as a failure
	name=$1; shift
	case $name in *"${TESTS:-}"*) ;; *) return 0 ;; esac
	out=$("$@" 2>&1); rc=$?
	printf '%s\n' "$out" | tee -a "$log" | grep -E '^(FAIL|skip) ' || true
	if [ $rc -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^FAIL '; then
		echo "FAIL $name: exited with status $rc" | tee -a "$log"
		printf '%s\n' "$out" | tail -n 5
	fi
}

for t in "$BUILD"/tests/test_* "$BUILD"/tests/*/test_*; do
	[ -x "$t" ] || continue
	suite "unit/${t#"$BUILD"/tests/}" "$t"
done
suite cases sh "$top/tests/run-cases.sh"
for t in "$top"/tests/suites/*.sh; do
	[ -f "$t" ] || continue
	suite "${t#"$top"/tests/}" sh "$t"
done

pass=$(grep -c '^ok ' "$log"); fail=$(grep -c '^FAIL ' "$log"); skip=$(grep -c '^skip ' "$log")
if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
