#!/bin/sh
# Benchmark aggregate's group-by (sum and count of a decimal column by a CJK key) against GNU
# datamash (on presorted input, its fast case), DuckDB (default threads and one thread) and
# Polars (both through npm, installed here into bench/work/npm on first use), Miller and
# mawk. The input is built here deterministically in bench/work/ (not tracked): ROWS rows
# over exactly KEYS distinct keys (every key occurs, in a scrambled order), integers and
# 2-decimal values.
#
# The machine may be shared and noisy: the tools run in rounds (each tool once per round,
# RUNS rounds), and for each tool the minimum wall time and the minimum CPU time
# (user + system) over the rounds are kept; ratios are taken against datamash in the same
# run. Peak RSS is the largest seen. Every tool's sums and counts are checked against
# aggregate's: byte for byte (after normalising trailing zeros) for the exact tools
# (datamash, DuckDB with DECIMAL(18,2), whose sums are 128-bit), to the cent for the float ones (Polars Float64,
# mlr, mawk).
#   sh bench/aggregate.sh       (BIN=bin ROWS=5000000 KEYS=50000 RUNS=3
#                                TOOLS="agg agg1 agg2 agg_sorted datamash duckdb duckdb1 polars mlr mawk")
# agg is the default (--threads=auto), agg1 one thread, agg2 a file split in two halves.
# KEYS above ROWS raises ROWS to KEYS (each key then occurs once). mlr is left out above
# 200000 keys (it needs gigabytes), unless named in TOOLS.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$top/bin}; ROWS=${ROWS:-5000000}; KEYS=${KEYS:-50000}; RUNS=${RUNS:-3}
case $BIN in /*) ;; *) BIN=$top/$BIN ;; esac
[ "$KEYS" -gt "$ROWS" ] && ROWS=$KEYS
if [ -z "${TOOLS:-}" ]; then
	TOOLS="agg agg1 agg2 agg_sorted datamash duckdb duckdb1 polars mawk"
	[ "$KEYS" -le 200000 ] && TOOLS="$TOOLS mlr"
fi
work=$top/bench/work
mkdir -p "$work"
data=$work/agg-$ROWS-$KEYS.tsv sorted=$work/agg-$ROWS-$KEYS.sorted.tsv
T=$(printf '\t')
for tool in datamash /usr/bin/time; do
	command -v $tool >/dev/null || { echo "bench/aggregate.sh: $tool is not installed (apt-get install datamash time)" >&2; exit 2; }
done
[ -x "$BIN/aggregate" ] || { echo "bench/aggregate.sh: $BIN/aggregate is not built (make)" >&2; exit 2; }

# DuckDB and Polars for Node, from npm, once.
npmdir=$work/npm
case " $TOOLS " in *" duckdb"*|*" polars "*)
	if [ ! -d "$npmdir/node_modules/@duckdb/node-api" ] || [ ! -d "$npmdir/node_modules/nodejs-polars" ]; then
		if command -v npm >/dev/null; then
			mkdir -p "$npmdir"
			echo "installing @duckdb/node-api and nodejs-polars into $npmdir" >&2
			(cd "$npmdir" && npm install --no-audit --no-fund --prefix . @duckdb/node-api nodejs-polars >/dev/null 2>&1 &&
			 v=$(node -p 'require("./node_modules/nodejs-polars/package.json").version') &&
			 npm install --no-audit --no-fund --prefix . "nodejs-polars-linux-x64-gnu@$v" >/dev/null 2>&1) ||
				echo "bench/aggregate.sh: npm could not install DuckDB or Polars; they are left out" >&2
		fi
	fi ;;
esac
cat > "$npmdir.duckdb.mjs" 2>/dev/null <<'EOF' || true
// node duckdb.mjs IN OUT [THREADS]: sum and count by key, exact (DECIMAL(18,2) values, 128-bit sums), written by DuckDB
import { DuckDBInstance } from '@duckdb/node-api';
const [,, file, out, threads] = process.argv;
const inst = await DuckDBInstance.create(':memory:', threads ? { threads } : {});
const con = await inst.connect();
await con.run(`COPY (SELECT key, sum(value), count(value) FROM read_csv('${file}', delim='\t',
  header=true, quote='', escape='', columns={'key': 'VARCHAR', 'value': 'DECIMAL(18,2)'})
  GROUP BY key ORDER BY key) TO '${out}' (DELIMITER '\t', HEADER false, QUOTE '')`);
EOF
cat > "$npmdir.polars.cjs" 2>/dev/null <<'EOF' || true
// node polars.cjs IN OUT: sum (Float64) and count by key, sorted by key
const pl = require('nodejs-polars');
const [,, file, out] = process.argv;
const df = pl.readCSV(file, { sep: '\t', dtypes: { key: pl.Utf8, value: pl.Float64 } });
df.groupBy('key').agg(pl.col('value').sum().alias('s'), pl.col('value').count().alias('c'))
  .sort('key').writeCSV(out, { separator: '\t', sep: '\t', includeHeader: false });
EOF
[ -d "$npmdir/node_modules" ] && cp "$npmdir.duckdb.mjs" "$npmdir/duckdb.mjs" && cp "$npmdir.polars.cjs" "$npmdir/polars.cjs"

if [ ! -s "$data" ]; then
	echo "generating $ROWS rows, $KEYS keys -> $data" >&2
	# key of row i: (i mod keys) scrambled by a multiplier prime to keys, so every key occurs
	awk -v rows="$ROWS" -v keys="$KEYS" 'BEGIN {
		OFS = "\t"; print "key", "value"; x = 12345
		m = 1000003; while (keys % m == 0) m += 2
		for (i = 0; i < rows; i++) {
			x = (x * 69069 + 1) % 4294967296
			k = ((i % keys) * m) % keys
			v = int(x / 1024) % 1000003
			if (i % 3 == 0) v = v "." sprintf("%02d", x % 100)
			print "城市" k, v
		}
	}' > "$data.tmp" && mv "$data.tmp" "$data"
fi
if [ ! -s "$sorted" ]; then
	{ head -n 1 "$data"; tail -n +2 "$data" | LC_ALL=C sort -S 25% -t "$T" -k1,1; } > "$sorted.tmp" && mv "$sorted.tmp" "$sorted"
fi
bytes=$(wc -c < "$data")

cmd_of() {
	case $1 in
	agg) printf '%s\n' "'$BIN/aggregate' -g 1 sum:2 count:2 '$data'" ;;
	agg1) printf '%s\n' "'$BIN/aggregate' --threads=1 -g 1 sum:2 count:2 '$data'" ;;
	agg2) printf '%s\n' "'$BIN/aggregate' --threads=2 -g 1 sum:2 count:2 '$data'" ;;
	agg_sorted) printf '%s\n' "'$BIN/aggregate' --sorted -g 1 sum:2 count:2 '$sorted'" ;;
	datamash) printf '%s\n' "datamash --header-in -g 1 sum 2 count 2 < '$sorted'" ;;
	duckdb) printf '%s\n' "cd '$npmdir' && node duckdb.mjs '$data' '$work/out.duckdb.raw' && cat '$work/out.duckdb.raw'" ;;
	duckdb1) printf '%s\n' "cd '$npmdir' && node duckdb.mjs '$data' '$work/out.duckdb1.raw' 1 && cat '$work/out.duckdb1.raw'" ;;
	polars) printf '%s\n' "cd '$npmdir' && node polars.cjs '$data' '$work/out.polars.raw' && cat '$work/out.polars.raw'" ;;
	mlr) printf '%s\n' "mlr --tsv stats1 -a sum,count -f value -g key '$data'" ;;
	mawk) printf '%s\n' "mawk -F '\t' 'NR > 1 { s[\$1] += \$2; c[\$1]++ } END { for (k in s) printf \"%s\t%.2f\t%d\n\", k, s[k], c[k] }' '$data'" ;;
	esac
}

# Which tools can run here.
have=""
for t in $TOOLS; do
	case $t in
	duckdb*|polars) [ -f "$npmdir/duckdb.mjs" ] && command -v node >/dev/null || { echo "skip $t: node or the npm packages are missing" >&2; continue; } ;;
	mlr|mawk) command -v $t >/dev/null || { echo "skip $t: not installed" >&2; continue; } ;;
	esac
	have="$have $t"
done

# Rounds: every tool once per round; keep minima of wall and of CPU, maximum of RSS.
rm -f "$work"/out.* "$work"/n.*
r=0
while [ $r -lt "$RUNS" ]; do
	for t in $have; do
		/usr/bin/time -o "$work/time" -f '%e %U %S %M' sh -c "$(cmd_of $t)" > "$work/out.$t" 2> "$work/err.$t" ||
			{ echo "bench/aggregate.sh: $t failed: $(head -c 300 "$work/err.$t")" >&2; exit 1; }
		read -r w u s m < "$work/time"
		awk -v t="$t" -v w="$w" -v c="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')" -v m="$m" \
			'BEGIN { printf "%s %s %s %s\n", t, w, c, m }' >> "$work/times.$$"
	done
	r=$((r + 1))
done
awk -v bytes="$bytes" -v rows="$ROWS" -v keys="$KEYS" -v runs="$RUNS" '
	{ t = $1; if (!(t in w) || $2 < w[t]) w[t] = $2; if (!(t in c) || $3 < c[t]) c[t] = $3
	  if ($4 > m[t]) m[t] = $4; if (!(t in seen)) { seen[t] = 1; order[++n] = t } }
	END {
		printf "input: %d rows, %d keys, %.1f MB; minimum of %d rounds; ratios against datamash (presorted input) in the same run\n", rows, keys, bytes / 1048576, runs
		printf "%-12s %9s %9s %9s %11s %12s %12s\n", "tool", "wall s", "CPU s", "MB/s", "RSS MB", "wall/dm", "CPU/dm"
		for (i = 1; i <= n; i++) {
			t = order[i]
			printf "%-12s %9.2f %9.2f %9.1f %11.1f %12s %12s\n", t, w[t], c[t], (w[t] > 0 ? bytes / 1048576 / w[t] : 0), m[t] / 1024,
				("datamash" in w && w["datamash"] > 0 ? sprintf("%.2f", w[t] / w["datamash"]) : "-"),
				("datamash" in c && c["datamash"] > 0 ? sprintf("%.2f", c[t] / c["datamash"]) : "-")
		}
	}' "$work/times.$$"
rm -f "$work/times.$$"

# Agreement: key, sum, count of every tool against aggregate's.
norm() {   # norm FILE EXACT: body lines as key TAB sum-with-2-decimals TAB count, sorted
	awk -F '\t' -v exact="$2" 'NR == 1 && ($2 ~ /sum/ || $1 == "key") { next }
		{ s = $2
		  if (exact) { if (s !~ /\./) s = s "."; split(s, p, "."); s = p[1] "." substr(p[2] "00", 1, 2) }
		  else s = sprintf("%.2f", s)
		  print $1 "\t" s "\t" $3 }' "$1" | LC_ALL=C sort
}
ref=agg; case " $have " in *" agg "*) ;; *) ref=$(echo $have | cut -d' ' -f1) ;; esac
norm "$work/out.$ref" 1 > "$work/n.ref"
ok=1
for t in $have; do
	case $t in mlr|mawk|polars) exact=0 ;; *) exact=1 ;; esac
	norm "$work/out.$t" $exact > "$work/n.$t"
	if cmp -s "$work/n.ref" "$work/n.$t"; then
		echo "results: $t agrees with $ref on all $(wc -l < "$work/n.$t") groups$([ $exact = 0 ] && echo ' (to the cent: floats)')"
	else
		echo "results: $t DIFFERS from $ref: $(diff "$work/n.ref" "$work/n.$t" | head -n 4 | tr '\n' '|')"; ok=0
	fi
done
# aggregate's own output, byte for byte, against datamash's (same order, same numbers)
if [ -f "$work/out.agg" ] && [ -f "$work/out.datamash" ]; then
	if tail -n +2 "$work/out.agg" | cmp -s - "$work/out.datamash"; then
		echo "results: aggregate's output is byte for byte datamash's"
	else
		echo "results: aggregate's output is NOT byte for byte datamash's"; ok=0
	fi
fi
[ $ok = 1 ]
