#!/bin/bash
# usage: gen-corpus.sh [-n DOCS] [-p PARAGRAPHS] SAMPLE_DIR OUTDIR
# A larger corpus for tests and benchmarks, made of real text: DOCS documents (default 100)
# of PARAGRAPHS paragraphs each (default 12), drawn from the paragraphs of the pages in
# SAMPLE_DIR by a fixed pseudo-random sequence, so the same arguments always give the same
# files. Documents are OUTDIR/NNNNN.txt; every seventh has an awkward name (spaces, quotes,
# a leading dash) to keep the pipelines honest about file names.
. "$(dirname "$0")/lib.sh"
docs=100 paras=12
while [ $# -gt 2 ]; do
	case $1 in
	-n) docs=${2:?}; shift 2 ;;
	-p) paras=${2:?}; shift 2 ;;
	*) usage_error "usage: gen-corpus.sh [-n DOCS] [-p PARAGRAPHS] SAMPLE_DIR OUTDIR" ;;
	esac
done
[ $# -eq 2 ] || usage_error "usage: gen-corpus.sh [-n DOCS] [-p PARAGRAPHS] SAMPLE_DIR OUTDIR"
[[ $docs$paras =~ ^[0-9]+$ ]] || usage_error "-n and -p take whole numbers"
mkdir -p -- "$2"
bash "$PIPELINES/list-inputs.sh" "$1" | xargs -0 cat -- |
	DIR=$2 awk -v docs="$docs" -v paras="$paras" '
	BEGIN { RS = ""; seed = 12345; dir = ENVIRON["DIR"] }
	{ p[n++] = $0 }
	END {
		for (d = 1; d <= docs; d++) {
			name = sprintf("%s/%05d.txt", dir, d)
			if (d % 7 == 0) name = sprintf("%s/-%05d \x27quoted\x27 \"name\".txt", dir, d)
			for (k = 0; k < paras; k++) {
				seed = (seed * 69069 + 1) % 4294967296
				printf "%s\n\n", p[int(seed / 65536) % n] > name
			}
			close(name)
		}
	}'
