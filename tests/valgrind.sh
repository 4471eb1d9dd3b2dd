#!/bin/sh
# valgrind.sh [PATTERN...]: run the test suites with every program under valgrind (memcheck:
# invalid reads and writes, uses of uninitialised values, definite leaks) and report each
# program invocation valgrind found fault with. The programs in $BIN are wrapped by scripts
# that exec valgrind, so the suites run unchanged; each process logs to its own file.
# PATTERN selects suites by path (default: every suite but the slow ones below, plus
# tests/run-cases.sh); the unit tests run under valgrind directly.
# Environment: BIN (default bin), BUILD (unit tests, default build), TOP, VALGRIND_SKIP
# (suites left out by default), VALGRIND_OPTS (more valgrind options).
# Prints ok/FAIL/skip lines and one closing line; exits 1 when valgrind reported anything.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
BIN=${BIN:-$TOP/bin}
BUILD=${BUILD:-$TOP/build}
case $BIN in /*) ;; *) BIN=$TOP/$BIN ;; esac
case $BUILD in /*) ;; *) BUILD=$TOP/$BUILD ;; esac
# fuzz builds with sanitizers of its own; the others run big inputs that take minutes here
# or time themselves (entities-dict: a million entries within a time limit)
skip=${VALGRIND_SKIP:-fuzz news-corpus memory bench entities-dict}
supp=$TOP/tests/valgrind.supp

if ! command -v valgrind > /dev/null 2>&1; then
	echo "skip valgrind: valgrind is not installed"
	exit 0
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/valgrind.XXXXXX")
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir "$W/bin" "$W/logs" "$W/out"

# Wrappers: exec keeps the pid, the status and the signals the tests expect.
n=0
for p in "$BIN"/*; do
	if [ ! -f "$p" ] || [ ! -x "$p" ]; then continue; fi
	cat > "$W/bin/${p##*/}" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
	--show-leak-kinds=definite --track-origins=yes --suppressions="$supp" \\
	--log-file="$W/logs/${p##*/}.%p.log" \\
	${VALGRIND_OPTS:-} "$p" "\$@"
WRAP
	chmod +x "$W/bin/${p##*/}"
	n=$((n + 1))
done
[ $n -gt 0 ] || { echo "skip valgrind: no programs in $BIN"; exit 0; }

skipped() {
	for s in $skip; do case $1 in *"$s"*) return 0 ;; esac; done
	return 1
}
wanted() {   # wanted NAME: selected by the patterns given, or by default not skipped
	if [ $# -gt 1 ]; then
		name=$1
		shift
		for pat in "$@"; do case $name in *"$pat"*) return 0 ;; esac; done
		return 1
	fi
	! skipped "$1"
}

# The suites, as tests/run.sh runs them but with BIN pointing at the wrappers; their own
# ok/FAIL lines are kept (a program that valgrind stops exits 99, which they see).
export TOP BUILD BADINPUT_BIG=0 BADINPUT_TIMEOUT=600
for t in "$TOP/tests/run-cases.sh" "$TOP"/tests/suites/*.sh; do
	[ -f "$t" ] || continue
	name=${t#"$TOP"/tests/}
	wanted "$name" "$@" || continue
	BIN=$W/bin sh "$t" > "$W/out/suite.log" 2>&1
	grep -E "^(ok|FAIL|skip) " "$W/out/suite.log" | sed -E "s#^(ok|FAIL|skip) #\1 valgrind/#"
done

# The unit tests, straight under valgrind.
if [ $# -eq 0 ] || wanted unit "$@"; then
	for t in "$BUILD"/tests/test_* "$BUILD"/tests/*/test_*; do
		[ -x "$t" ] || continue
		name=${t#"$BUILD"/tests/}
		if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
			--suppressions="$supp" --log-file="$W/logs/unit-$(echo "$name" | tr / -).%p.log" "$t" > /dev/null 2>&1; then
			echo "ok valgrind/unit/$name"
		else
			echo "FAIL valgrind/unit/$name: exited with status $? under valgrind"
		fi
	done
fi

# Every log that is not empty holds valgrind's report on one process.
bad=0
for log in "$W"/logs/*.log; do
	[ -s "$log" ] || continue
	bad=$((bad + 1))
	prog=${log##*/}
	prog=${prog%%.*}
	what=$(grep -m1 -E 'Invalid|uninitialised|definitely lost|Mismatched|overlap|Syscall param|Source and destination' "$log")
	echo "FAIL valgrind/$prog: ${what:-$(head -n 1 "$log")} (${log##*/})"
	[ -n "${VALGRIND_KEEP:-}" ] && cp "$log" "$VALGRIND_KEEP/"
	sed -n '1,25p' "$log" | sed 's/^/    /'
done
runs=$(find "$W/logs" -type f | wc -l)
echo "valgrind: $runs program runs checked, $bad with errors"
[ $bad -eq 0 ]
