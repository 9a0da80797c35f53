#!/bin/sh
# bench.sh - what `make bench` does: an optimised build, 1,000,000
# generated escalations in canonical CSV, and the timings of loading and
# reporting them against sqlite3's own .import, written to BENCHMARKS.md.
#
#   BENCH_RUNS   runs per figure (median reported; default 3)
#   BENCH_ROWS   the large size (default 1000000)
#   BENCH_DIR    where the generated files and warehouses go (default: a
#                temporary folder, removed at the end)
set -eu
cd "$(dirname "$0")/.."
RUNS=${BENCH_RUNS:-3}
BIG=${BENCH_ROWS:-1000000}
B=build-bench
OUT=BENCHMARKS.md

make -s BUILD=$B BIN=$B/oversight OPT="-O2 -DNDEBUG" $B/oversight
cc -O2 -std=c11 -o $B/gen fixtures/gen.c -lm
cc -O2 -o $B/runstat tools/runstat.c
OV=$(pwd)/$B/oversight
RS=$(pwd)/$B/runstat
export OVERSIGHT_DATA="$(pwd)"
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 (the command) is needed: sh tools/deps.sh" >&2; exit 3; }

if [ -n "${BENCH_DIR:-}" ]; then D=$BENCH_DIR; mkdir -p "$D"; else D=$(mktemp -d); trap 'rm -rf "$D"' EXIT; fi

echo "bench: generating $BIG rows" >&2
$B/gen --scale "$BIG" "$D" >/dev/null
CSV=$D/scale-$BIG.csv
head -n 10001 "$CSV" >"$D/10k.csv"
head -n 100001 "$CSV" >"$D/100k.csv"

# median of the first field of each line of a file
median() { sort -n "$1" | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2}'; }
median2() { awk '{print $2}' "$1" | sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# time_runs NAME SETUP COMMAND...: RUNS runs, SETUP (a shell string) before each
time_runs() {
	name=$1 setup=$2
	shift 2
	: >"$D/$name.times"
	i=0
	while [ $i -lt "$RUNS" ]; do
		sh -c "$setup"
		"$RS" "$@" >/dev/null 2>>"$D/$name.times.raw" || true
		tail -n 1 "$D/$name.times.raw" >>"$D/$name.times"
		i=$((i + 1))
	done
}

fresh_wh="rm -f $D/w.db $D/w.db-wal $D/w.db-shm $D/w.db.key; $OV -w $D/w.db init >/dev/null"

echo "bench: sqlite3 .import" >&2
time_runs import "rm -f $D/imp.db" sqlite3 "$D/imp.db" ".mode csv" ".import $CSV t"
echo "bench: oversight load, 10k / 100k / $BIG rows" >&2
time_runs load10k "$fresh_wh" "$OV" -w "$D/w.db" load --quiet "$D/10k.csv"
time_runs load100k "$fresh_wh" "$OV" -w "$D/w.db" load --quiet "$D/100k.csv"
time_runs loadbig "$fresh_wh" "$OV" -w "$D/w.db" load --quiet "$CSV"
echo "bench: reload, metrics, report" >&2
time_runs reload "true" "$OV" -w "$D/w.db" load --quiet "$CSV"
time_runs metrics "true" "$OV" -w "$D/w.db" metrics --partnership devon --quarter 2026-Q3 --json
time_runs report "true" "$OV" -w "$D/w.db" report board --partnership devon --quarter 2026-Q3 --no-charts -o "$D/out"
rows_loaded=$(sqlite3 "$D/w.db" "SELECT count(*) FROM escalation")

imp=$(median "$D/import.times")
big=$(median "$D/loadbig.times")
rss=$(median2 "$D/loadbig.times")
t10k=$(median "$D/load10k.times")
t100k=$(median "$D/load100k.times")
ratio=$(awk -v a="$big" -v b="$imp" 'BEGIN {printf "%.2f", a / b}')
s1=$(awk -v a="$t100k" -v b="$t10k" 'BEGIN {printf "%.1f", a / b}')
s2=$(awk -v a="$big" -v b="$t100k" 'BEGIN {printf "%.1f", a / b}')
size=$(wc -c <"$CSV")
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)

cat >"$OUT" <<EOT
# Benchmarks

Written by \`make bench\` (tools/bench.sh) on $(date -u +%Y-%m-%d): an optimised
build, $BIG generated escalations in canonical CSV ($size bytes, five
partnerships, ten years, about 8% logged by two agencies), $RUNS runs of each
figure, the median reported. Times are wall-clock seconds of the whole
process; memory is its peak resident set.

Machine: $(nproc) cores, $cpu, $mem; $(sqlite3 --version | cut -d' ' -f1-2 | sed 's/^/SQLite /').

## Load against \`sqlite3 .import\`

| what | median s | peak memory |
|---|---:|---:|
| \`sqlite3 imp.db .mode csv ".import scale.csv t"\` (untyped table, no checks) | $imp | $(median2 "$D/import.times") KB |
| \`oversight load scale.csv\` into a fresh warehouse (every validation, pseudonymisation, reconciliation, stage events) | $big | $rss KB |
| **ratio load / import** | **$ratio** | |
| reload of the same file (recognised by its SHA-256) | $(median "$D/reload.times") | $(median2 "$D/reload.times") KB |

Escalations in the warehouse after the load: $rows_loaded.

## Reports on the loaded warehouse

| what | median s |
|---|---:|
| \`oversight metrics --partnership devon --quarter 2026-Q3 --json\` | $(median "$D/metrics.times") |
| \`oversight report board --partnership devon --quarter 2026-Q3 --no-charts\` | $(median "$D/report.times") |

## How cost grows

| rows | load median s | growth |
|---:|---:|---:|
| 10,000 | $t10k | |
| 100,000 | $t100k | ×$s1 |
| $BIG | $big | ×$s2 |

## Targets, and where the time goes

Targets: load no slower than \`.import\` (ratio ≤ 1.0), peak memory ≤ 64 MB
at 1M rows, metrics under 100 ms, the board report under 1 s, 10× rows
costing ≤ 11× time.  Memory is bounded by a constant (SQLite's page cache
is capped at 40 MB for a load and temporary tables go to disk); the report
targets are met or close; the load ratio and its growth are not.

Profiled with \`perf record\` on 100,000 rows: the time is SQLite's own
(\`sqlite3VdbeExec\`, \`sqlite3BtreeIndexMoveto\`, record compares, page
copies), spread thin, with no hot spot of the loader's (CSV parsing 1.5%,
date formatting under 1% after it stopped using printf).  \`.import\` writes
each row once into one table with no index.  A load writes each row into
three tables (source_row, escalation, stage_event: about 5.7 statements a
row) and eight indexes, the ones reconciliation, the quarterly update and
the reports need; the warehouse holds about 830 bytes per escalation
against 150 in the CSV.  Growth is worse than linear because two indexes
have random keys (the keyed case hash for reconciliation, and refs across
agencies): once they outgrow the bounded page cache, past roughly 200,000
rows, inserts read and write pages through the WAL (the kernel's
pread/pwrite showed 20% of the profile before the cache was raised from
SQLite's 2 MB default).  What was done: deadlines computed in C from the
calendar held in memory, a direct path for a row whose case no other row
shares, the repeated-ref check only for refs already held, prepared
statements reused, one transaction per file (100,000 rows: 6.3 s to about
3 s).  What would go further: storing the hashes as 16-byte blobs, not
repeating a one-source escalation's fields in two tables, and dates as day
numbers.

Reproduce: \`make bench\` (BENCH_RUNS=5 for more runs).
EOT
echo "bench: wrote $OUT" >&2
cat "$OUT"
