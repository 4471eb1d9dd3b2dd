#!/bin/sh
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: the sh -c scripts in single quotes get their values as arguments.)
# Shards with GNU parallel give the serial run's outputs byte for byte: per file, several
# files per shard, on the local login ":" of an sshloginfile, and per block of a table
# (--pipe); on data/sample and on a generated larger corpus with awkward file names.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
R=$P/run.sh
if ! built; then skip pipeline/parallel "$missing is not built"; exit 0; fi
if ! command -v parallel >/dev/null; then skip pipeline/parallel "GNU parallel is not installed"; exit 0; fi

corpus "$T/corpus" 60
echo : >"$T/hosts"
# Inputs named relative to the checkout, as users name them; the doc column keeps the name.
for set in sample corpus; do
	if [ $set = sample ]; then in=$TOP/data/sample; else in=$T/corpus; fi
	if ! (cd "$T" && sh "$R" -q "$in" "serial-$set") 2>"$T/log"; then
		fail "pipeline/parallel-$set-serial" "$(tail -n 2 "$T/log" | tr '\n' '|')"
		continue
	fi
	for mode in "-j 2" "-j 2 --batch 7" "-j 3 --hosts hosts"; do
		case $mode in *hosts*) what="sshlogin" ;; *batch*) what="batch" ;; *) what="files" ;; esac
		name=pipeline/parallel-$set-$what
		# shellcheck disable=SC2086 # the mode's words are meant to split
		if (cd "$T" && sh "$R" -q $mode "$in" "par") 2>"$T/log" && same_outputs "$T/serial-$set" "$T/par" 2>"$T/why"; then
			ok "$name"
		else
			fail "$name" "$(cat "$T/why" 2>/dev/null) $(tail -n 2 "$T/log" | tr '\n' '|')"
		fi
		rm -rf "$T/par"
	done
done

# Block mode: the corpus as one document table, split into blocks of rows.
{ printf 'id\ttext\n'; bash "$P/files-to-table.sh" "$T/corpus"; } >"$T/table.tsv" 2>"$T/log"
if (cd "$T" && sh "$R" -q --table id,text table.tsv tserial) 2>"$T/log" &&
	(cd "$T" && sh "$R" -q -j 2 --pipe --block 64k --table id,text table.tsv tpar) 2>>"$T/log" &&
	same_outputs "$T/tserial" "$T/tpar" 2>"$T/why"; then
	ok pipeline/parallel-pipe-blocks
else
	fail pipeline/parallel-pipe-blocks "$(cat "$T/why" 2>/dev/null) $(tail -n 2 "$T/log" | tr '\n' '|')"
fi
# The table and the files are the same documents: the same stream.
check pipeline/parallel-table-equals-files "the table run differs from the file run" \
	same_outputs "$T/tserial" "$T/serial-corpus"
# A CSV table (fields with newlines inside quotes) gives the TSV table's outputs, serially
# and in shards of whole tables.
if command -v mlr >/dev/null; then
	mlr --itsv --ocsv cat "$T/table.tsv" >"$T/table.csv"
	if (cd "$T" && sh "$R" -q --table id,text --csv table.csv cserial) 2>"$T/log" &&
		(cd "$T" && cp table.csv table2.csv && sh "$R" -q -j 2 --table id,text --csv table.csv table2.csv cpar) 2>>"$T/log" &&
		(cd "$T" && cp table.tsv table2.tsv && sh "$R" -q -j 1 --table id,text table.tsv table2.tsv tdouble) 2>>"$T/log" &&
		same_outputs "$T/tserial" "$T/cserial" 2>"$T/why" && same_outputs "$T/tdouble" "$T/cpar" 2>>"$T/why"; then
		ok pipeline/parallel-csv-table
	else
		fail pipeline/parallel-csv-table "$(cat "$T/why" 2>/dev/null) $(tail -n 2 "$T/log" | tr '\n' '|')"
	fi
else
	skip pipeline/parallel-csv-table "mlr (Miller) is not installed to write the CSV table"
fi

# A host list that names no host (empty, or only comments and blank lines) is a usage error
# with a message, before anything runs.
printf '# no hosts yet\n\n   \n' >"$T/hosts-none"
: >"$T/hosts-empty"
for h in hosts-none hosts-empty; do
	st=0
	(cd "$T" && sh "$R" -q -j 2 --hosts "$h" "$TOP/data/sample" nohosts) 2>"$T/log" || st=$?
	if [ "$st" -eq 2 ] && grep -q 'names no host' "$T/log" && [ ! -e "$T/nohosts/annotations.tsv" ]; then
		ok "pipeline/parallel-$h"
	else
		fail "pipeline/parallel-$h" "status $st (expected 2): $(tail -n 2 "$T/log" | tr '\n' '|')"
	fi
done

# --progress: shards done of all, documents per second and an ETA in the log while the run
# goes (segment made slow so that the lines come), the outputs unchanged; a serial run with
# --progress goes in shards for it and is still the serial run.
fake_bin "$T/slow"
fake_prog "$T/slow" segment <<EOS
#!/bin/sh
sleep 1
exec "$BIN/segment" "\$@"
EOS
for mode in "-j 2" "-j 1"; do
	name=pipeline/parallel-progress-j${mode#-j }
	# shellcheck disable=SC2086 # the mode's words are meant to split
	if (cd "$T" && PROGRESS_SECS=1 BIN=$T/slow sh "$R" -q --progress $mode --batch 1 "$TOP/data/sample" prog) 2>"$T/log" &&
		same_outputs "$T/serial-sample" "$T/prog" 2>"$T/why" &&
		grep -Eq 'progress: [0-9]+ of 5 shards, [0-9]+\.[0-9] documents/s, ETA [0-9]+s' "$T/log"; then
		ok "$name"
	else
		fail "$name" "$(cat "$T/why" 2>/dev/null) $(grep progress "$T/log" | tail -n 2 | tr '\n' '|')"
	fi
	rm -rf "$T/prog"
done
