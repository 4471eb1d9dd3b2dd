#!/bin/sh
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: the sh -c scripts in single quotes get their values as arguments.)
# The pipeline scripts, their tests and the benchmark pass shellcheck.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
if ! command -v shellcheck >/dev/null; then skip pipeline/shellcheck "shellcheck is not installed"; exit 0; fi
for f in "$P"/*.sh "$TOP"/bench/pipeline.sh "$TOP"/tests/suites/pipeline-*.sh "$TOP"/tests/suites/pipeline-common.inc; do
	[ -f "$f" ] || continue
	name=pipeline/shellcheck-$(basename "$(dirname "$f")")-$(basename "$f")
	if out=$(cd "$(dirname "$f")" && shellcheck -x -s "$(case $f in */pipelines/*) echo bash ;; *) echo sh ;; esac)" "$(basename "$f")" 2>&1); then ok "$name"; else
		fail "$name" "$(printf '%s\n' "$out" | grep -m 2 'SC[0-9]' | tr '\n' '|')"
	fi
done
