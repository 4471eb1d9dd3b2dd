#!/bin/sh
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: the sh -c scripts in single quotes get their values as arguments.)
# The pipeline scripts, their tests, the benchmark and the set-up scripts pass shellcheck;
# every pipeline script runs when started with sh (it hands itself over to bash); the
# pipelines as `make install` lays them out find the programs on PATH.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"

# `sh pipelines/X.sh` (dash on Debian): no "Illegal option -o pipefail" or other sh errors.
bad=""
for f in "$P"/*.sh; do
	err=$(cd "$T" && timeout 60 sh "$f" </dev/null 2>&1 >/dev/null)
	case $err in *"Illegal option"* | *"Syntax error"* | *"Bad substitution"* | *"not found"*)
		bad="$bad ${f##*/}: $(printf '%s' "$err" | head -n 1)" ;;
	esac
done
check pipeline/sh-starts-bash "${bad# }" [ -z "$bad" ]

# Installed: pipelines/ copied as make install copies it (no bin/ beside it), BIN unset,
# the programs on PATH: the same outputs as the checkout's run.
if make -C "$TOP" -n install DESTDIR="$T/none" PREFIX=/usr BIN="$BIN" 2>/dev/null | grep -q 'share/news-facts/pipelines'; then
	ok pipeline/make-install-has-pipelines
else
	fail pipeline/make-install-has-pipelines "make install does not install pipelines/"
fi
if built; then
	mkdir -p "$T/share/pipelines"
	cp "$P"/*.sh "$P"/*.py "$P"/*.awk "$T/share/pipelines/"
	if (cd "$T" && sh "$P/run.sh" -q "$TOP/data/sample" checkout) 2>"$T/log" &&
		(cd "$T" && env -u BIN PATH="$BIN:$PATH" sh "$T/share/pipelines/run.sh" -q "$TOP/data/sample" installed) 2>>"$T/log" &&
		same_outputs "$T/checkout" "$T/installed" 2>"$T/why"; then
		ok pipeline/installed-finds-programs-on-path
	else
		fail pipeline/installed-finds-programs-on-path "$(cat "$T/why" 2>/dev/null) $(tail -n 2 "$T/log" | tr '\n' '|')"
	fi
else
	skip pipeline/installed-finds-programs-on-path "$missing is not built"
fi

if ! command -v shellcheck >/dev/null; then skip pipeline/shellcheck "shellcheck is not installed"; exit 0; fi
for f in "$P"/*.sh "$TOP"/bench/pipeline.sh "$TOP"/tests/suites/pipeline-*.sh "$TOP"/tests/suites/pipeline-common.inc \
	"$TOP"/scripts/install-deps.sh "$TOP"/.ci/run "$TOP"/tests/run.sh "$TOP"/tests/run-cases.sh; do
	[ -f "$f" ] || continue
	name=pipeline/shellcheck-$(basename "$(dirname "$f")")-$(basename "$f")
	if out=$(cd "$(dirname "$f")" && shellcheck -x -s "$(case $f in */pipelines/*) echo bash ;; *) echo sh ;; esac)" "$(basename "$f")" 2>&1); then ok "$name"; else
		fail "$name" "$(printf '%s\n' "$out" | grep -m 2 'SC[0-9]' | tr '\n' '|')"
	fi
done
