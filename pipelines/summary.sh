#!/bin/bash
# usage: summary.sh OUTDIR
# A short account of a run's outputs for people: documents, segments, entities and numbers
# found, the most mentioned places, organisations and people, and the units counted most.
. "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || usage_error "usage: summary.sh OUTDIR"
out=$(dashsafe "$1")
need_programs aggregate

"$BIN/aggregate" -g kind count countunique:doc <"$out/annotations.tsv" | awk -F '\t' '
	NR > 1 { n[$1] = $2; if ($1 == "seg") docs = $3 }
	END { printf "%d documents, %d segments, %d entity mentions, %d number mentions\n",
		docs, n["seg"], n["ent"], n["num"] }'

# top TYPE LABEL: the five texts of this type mentioned most (ties in byte order).
top() {
	awk -F '\t' -v t="$1" 'NR > 1 && $1 == t { print $3 "\t" $2 }' <"$out/entities.tsv" |
		sort -t "$TAB" -k1,1nr -k2,2 | first 5 |
		awk -F '\t' -v l="$2" '{ s = s (NR > 1 ? ", " : "") $2 " " $1 } END { if (NR) print l ": " s }'
}
top LOC "places"
top ORG "organisations"
top PER "people"
awk -F '\t' 'NR > 1 { print $3 "\t" ($2 == "" ? "-" : $2) "\t" $1 "\t" $4 }' <"$out/numbers.tsv" |
	sort -t "$TAB" -k1,1nr -k2,2 -k3,3 | first 5 |
	awk -F '\t' '{ s = s (NR > 1 ? ", " : "") $2 " (" $3 ") " $1 " x, sum " $4 }
		END { if (NR) print "units: " s }'
echo "outputs: $out/annotations.tsv $out/entities.tsv $out/numbers.tsv"
