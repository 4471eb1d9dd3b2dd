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
	# A second run of a suite names its results apart (AWK_TAG, below).
	[ -z "${AWK_TAG:-}" ] || out=$(printf '%s\n' "$out" | sed -E "s/^(ok|FAIL|skip) ([^:]*)/\1 \2$AWK_TAG/")
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

# The suites that lean on awk most, once more under the other awk (gawk if awk is mawk, mawk
# if it is gawk) and in C.UTF-8: tests must not depend on which awk the system has nor on
# the locale (gawk counts characters in UTF-8: substr, length, and length() on a long string
# walks it). Results are named "NAME [AWK C.UTF-8]". AWK_AGAIN= (empty) leaves this out.
case $(readlink -f "$(command -v awk)" 2>/dev/null) in *gawk*) other=mawk ;; *) other=gawk ;; esac
again=${AWK_AGAIN-cases badinput news-corpus aggregate-merge aggregate-order segment-memory manpage-examples pipeline-run pipeline-hadoop}
if [ -n "$again" ]; then
	if command -v "$other" >/dev/null 2>&1; then
		shim=$(mktemp -d "${TMPDIR:-/tmp}/awk.XXXXXX")
		ln -s "$(command -v "$other")" "$shim/awk"
		tag="$other C.UTF-8"
		for name in $again; do
			if [ "$name" = cases ]; then set -- sh "$top/tests/run-cases.sh"; else set -- sh "$top/tests/suites/$name.sh"; fi
			[ -f "$2" ] || continue
			PATH=$shim:$PATH LC_ALL=C.UTF-8 AWK_TAG=" [$tag]" suite "$name [$tag]" "$@"
		done
		rm -rf "$shim"
	else
		echo "skip awk-locale: $other is not installed, the suites ran under one awk only" | tee -a "$log"
	fi
fi

pass=$(grep -c '^ok ' "$log"); fail=$(grep -c '^FAIL ' "$log"); skip=$(grep -c '^skip ' "$log")
if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
