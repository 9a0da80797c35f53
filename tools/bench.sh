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

# median of field F (default 1) of each line of a file
median() { awk -v f="${2:-1}" '{print $f}' "$1" | sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2}'; }
median2() { median "$1" 2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# time_one NAME SETUP COMMAND...: one run, SETUP (a shell string) before
# it, its figures added to NAME's
time_one() {
	name=$1 setup=$2
	shift 2
	sh -c "$setup"
	"$RS" "$@" >/dev/null 2>>"$D/$name.times.raw" || true
	tail -n 1 "$D/$name.times.raw" >>"$D/$name.times"
}

# a run that failed is noted (its figures would not be the command's)
check_runs() {
	awk '$3 != 0 {bad = 1} END {exit bad}' "$D/$1.times" ||
		echo "bench: $1: a run failed (see $D/$1.times.raw)" >&2
}

# time_runs NAME SETUP COMMAND...: RUNS runs in a row
time_runs() {
	: >"$D/$1.times"
	i=0
	while [ $i -lt "$RUNS" ]; do
		time_one "$@"
		i=$((i + 1))
	done
	check_runs "$1"
}

fresh_wh="rm -f $D/w.db $D/w.db-wal $D/w.db-shm $D/w.db.key; $OV -w $D/w.db init >/dev/null"

# The three sizes' imports and loads in turn, run by run (10k, 100k, then
# the large file; .import, then load), not each figure's runs together: on
# a machine whose speed drifts over minutes, a ratio and a growth then
# compare runs made a few seconds apart.  The last load is the large one,
# which the reports below read.
for n in 10k 100k big; do : >"$D/import$n.times"; : >"$D/load$n.times"; done
run=1
while [ $run -le "$RUNS" ]; do
	for n in 10k 100k big; do
		f=$D/$n.csv
		[ $n = big ] && f=$CSV
		echo "bench: run $run of $RUNS: sqlite3 .import and oversight load, $n rows" >&2
		time_one "import$n" "rm -f $D/imp.db" sqlite3 "$D/imp.db" ".mode csv" ".import $f t"
		time_one "load$n" "$fresh_wh" "$OV" -w "$D/w.db" load --quiet "$f"
	done
	run=$((run + 1))
done
for n in 10k 100k big; do check_runs "import$n"; check_runs "load$n"; done
echo "bench: reload, metrics, report" >&2
time_runs reload "true" "$OV" -w "$D/w.db" load --quiet "$CSV"
time_runs metrics "true" "$OV" -w "$D/w.db" metrics --partnership devon --quarter 2026-Q3 --json
# The generated file is the shared log of each of its partnerships, and
# no agency's own; --allow-incomplete writes the paper whatever its export
# date.
time_runs report "true" "$OV" -w "$D/w.db" report board --partnership devon --quarter 2026-Q3 \
	--no-charts --allow-incomplete -o "$D/out"
# Devon has no timescale here (no local targets loaded); North East
# Lincolnshire's protocol times all five stages, so its figures include the
# timed stages (met, breached, overdue) and the other reading of stage 4.
time_runs metrics_nel "true" "$OV" -w "$D/w.db" metrics --partnership north-east-lincolnshire \
	--quarter 2026-Q3 --json
time_runs report_nel "true" "$OV" -w "$D/w.db" report board --partnership north-east-lincolnshire \
	--quarter 2026-Q3 --no-charts --allow-incomplete -o "$D/out"
# Every partnership of the file: the slowest metrics and board paper,
# which the targets are checked against.
slowest_m=0 slowest_mp="" slowest_r=0 slowest_rp="" slowest_mid=0 slowest_midp=""
for p in $(sqlite3 "$D/w.db" "SELECT DISTINCT partnership FROM escalation ORDER BY 1"); do
	time_runs "m_$p" "true" "$OV" -w "$D/w.db" metrics --partnership "$p" --quarter 2026-Q3 --json
	time_runs "r_$p" "true" "$OV" -w "$D/w.db" report board --partnership "$p" --quarter 2026-Q3 \
		--no-charts --allow-incomplete -o "$D/out"
	t=$(median "$D/m_$p.times")
	if awk -v a="$t" -v b="$slowest_m" 'BEGIN {exit !(a > b)}'; then slowest_m=$t slowest_mp=$p; fi
	t=$(median "$D/r_$p.times")
	if awk -v a="$t" -v b="$slowest_r" 'BEGIN {exit !(a > b)}'; then slowest_r=$t slowest_rp=$p; fi
	# a quarter in the middle of the ten years
	time_runs "mid_$p" "true" "$OV" -w "$D/w.db" metrics --partnership "$p" --quarter 2021-Q2 --json
	t=$(median "$D/mid_$p.times")
	if awk -v a="$t" -v b="$slowest_mid" 'BEGIN {exit !(a > b)}'; then slowest_mid=$t slowest_midp=$p; fi
done
n_partnerships=$(sqlite3 "$D/w.db" "SELECT count(DISTINCT partnership) FROM escalation")
rows_loaded=$(sqlite3 "$D/w.db" "SELECT count(*) FROM escalation")
db_size=$(wc -c <"$D/w.db")

# The large load keeping the reports' indexes up row by row, as a load
# into a warehouse larger than the file does (etl/bulk.h): one run.
echo "bench: the large load row by row" >&2
sh -c "$fresh_wh"
OVERSIGHT_BULK=never "$RS" "$OV" -w "$D/w.db" load --quiet "$CSV" >/dev/null 2>"$D/never.times"
never=$(tail -n 1 "$D/never.times" | awk '{print $1}')

# Where a load's time goes: each statement's time (OVERSIGHT_PROFILE) at
# the large size, and perf's hottest functions at 100,000 rows when perf
# is there.
echo "bench: profiles" >&2
sh -c "$fresh_wh"
OVERSIGHT_PROFILE=1 "$OV" -w "$D/w.db" load --quiet "$CSV" >/dev/null 2>"$D/profile.txt"
stmts=$(grep '^|' "$D/profile.txt" | head -n 18)
# the statements' time, all of it on the storing thread (ms)
stmt_ms=$(awk -F'|' '$4 ~ /^ *[0-9]+ *$/ {s += $4} END {print s + 0}' "$D/profile.txt")

# What a compact encoding would give an index build: the stage events
# copied twice into a scratch database, once as the warehouse holds them
# (partnership and dates as text), once with both as integers (day
# numbers), and the reports' index on (partnership, entered_on, due_on,
# completed_on) built on each as a large load builds it (the settings of
# load_pragmas.sql, then bulk_sort.sql and bulk_threads.sql, as etl/bulk.c
# sets them), RUNS times in turn; the last builds stay, to be measured.
echo "bench: index builds, text against integers" >&2
rm -f "$D/enc.db"
sqlite3 "$D/enc.db" >/dev/null <<EOS
ATTACH '$D/w.db' AS w;
CREATE TABLE se_text (escalation_id INTEGER NOT NULL, partnership TEXT NOT NULL,
	stage INTEGER NOT NULL, entered_on TEXT NOT NULL, completed_on TEXT, due_on TEXT,
	PRIMARY KEY (escalation_id, stage)) WITHOUT ROWID;
CREATE TABLE se_int (escalation_id INTEGER NOT NULL, partnership INTEGER NOT NULL,
	stage INTEGER NOT NULL, entered_on INTEGER NOT NULL, completed_on INTEGER, due_on INTEGER,
	PRIMARY KEY (escalation_id, stage)) WITHOUT ROWID;
INSERT INTO se_text SELECT escalation_id, partnership, stage, entered_on, completed_on, due_on
FROM w.stage_event;
INSERT INTO se_int SELECT s.escalation_id, p.n, s.stage, CAST(julianday(s.entered_on) - 2440587.5 AS INTEGER),
	CAST(julianday(s.completed_on) - 2440587.5 AS INTEGER), CAST(julianday(s.due_on) - 2440587.5 AS INTEGER)
FROM w.stage_event s
JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM w.partnership) p ON p.id = s.partnership;
EOS
: >"$D/enc_text.times"; : >"$D/enc_int.times"
i=0
while [ $i -lt "$RUNS" ]; do
	for t in text int; do
		# (.timer times statements read from standard input only)
		{ cat queries/load_pragmas.sql queries/bulk_sort.sql queries/bulk_threads.sql
		  printf '%s\n' "DROP INDEX IF EXISTS se_${t}_entered;" ".timer on" \
			"CREATE INDEX se_${t}_entered ON se_$t(partnership, entered_on, due_on, completed_on);"; } |
			sqlite3 "$D/enc.db" | awk '/^Run Time/ {print $4}' >>"$D/enc_$t.times"
	done
	i=$((i + 1))
done
enc_text=$(median "$D/enc_text.times")
enc_int=$(median "$D/enc_int.times")
enc_mb() { sqlite3 "$D/enc.db" "SELECT printf('%.0f', sum(pgsize) / 1e6) FROM dbstat WHERE name = '$1'"; }
enc_text_mb=$(enc_mb se_text_entered)
enc_int_mb=$(enc_mb se_int_entered)
rm -f "$D/enc.db"
perf_top="(perf is not installed)"
if command -v perf >/dev/null 2>&1; then
	sh -c "$fresh_wh"
	if perf record -q -o "$D/perf.data" "$OV" -w "$D/w.db" load --quiet "$D/100k.csv" >/dev/null 2>&1; then
		perf_top=$(perf report -i "$D/perf.data" --no-children --sort symbol 2>/dev/null |
			awk '/^ +[0-9.]+%/ {printf "%s %s\n", $1, $3} ' | head -n 12)
	fi
fi

imp=$(median "$D/importbig.times")
big=$(median "$D/loadbig.times")
rss=$(median2 "$D/loadbig.times")
cpubig=$(median "$D/loadbig.times" 4)
cpuimp=$(median "$D/importbig.times" 4)
t10k=$(median "$D/load10k.times")
t100k=$(median "$D/load100k.times")
s1=$(awk -v a="$t100k" -v b="$t10k" 'BEGIN {printf "%.1f", a / b}')
s2=$(awk -v a="$big" -v b="$t100k" 'BEGIN {printf "%.1f", a / b}')
i1=$(awk -v a="$(median "$D/import100k.times")" -v b="$(median "$D/import10k.times")" 'BEGIN {printf "%.1f", a / b}')
i2=$(awk -v a="$imp" -v b="$(median "$D/import100k.times")" 'BEGIN {printf "%.1f", a / b}')
metrics=$(median "$D/metrics.times")
report=$(median "$D/report.times")
metrics_nel=$(median "$D/metrics_nel.times")
report_nel=$(median "$D/report_nel.times")
size=$(wc -c <"$CSV")
# the large size as the text writes it: 1,000,000
BIGW=$(echo "$BIG" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
stmt_s=$(awk -v m="$stmt_ms" 'BEGIN {printf "%.2f", m / 1000}')
stmt_ratio=$(ratio "$stmt_s" "$imp")
if awk -v r="$stmt_ratio" 'BEGIN {exit !(r > 2.5)}'; then
	floor_text="That is over 2.5 already: no setting and no order of the
same statements takes the load under it, which needs fewer entries, and
smaller ones."
else
	floor_text="That is within 2.5: the rest is the storing thread's own
work beside them; fewer entries, and smaller ones, would shorten both."
fi
met() { awk -v a="$1" -v b="$2" 'BEGIN {print (a <= b) ? "met" : "not met"}'; }
# under A B: met when A < B (a target that says "under")
under() { awk -v a="$1" -v b="$2" 'BEGIN {print (a < b) ? "met" : "not met"}'; }

cat >"$OUT" <<EOT
# Benchmarks

Written by \`make bench\` (tools/bench.sh) on $(date -u +%Y-%m-%d), from one run: an
optimised build, $BIGW generated escalations in canonical CSV ($size bytes, five
partnerships, ten years, about 8% logged by two agencies; its first 10,000 and
100,000 rows for the smaller sizes), $RUNS runs of each figure, the median
reported; the imports and loads of the three sizes taken in turn, run by run,
so that a ratio or a growth compares runs made seconds apart.  Times are
wall-clock seconds of the whole process (CPU seconds, user and system, where
said); memory is its peak resident set.  The machine is shared: other work on
it makes wall times noisy.

Machine: $(nproc) cores, $cpu, $mem; $(sqlite3 --version | cut -d' ' -f1-2 | sed 's/^/SQLite /').

## Load against \`sqlite3 .import\`

\`sqlite3 imp.db .mode csv ".import FILE t"\` writes an untyped table with no
checks and no index; \`oversight load FILE\` into a fresh warehouse does every
validation, the pseudonymisation, reconciliation and the stage events.

| rows | .import s | load s | ratio | load peak memory |
|---:|---:|---:|---:|---:|
| 10,000 | $(median "$D/import10k.times") | $t10k | $(ratio "$t10k" "$(median "$D/import10k.times")") | $(median2 "$D/load10k.times") KB |
| 100,000 | $(median "$D/import100k.times") | $t100k | $(ratio "$t100k" "$(median "$D/import100k.times")") | $(median2 "$D/load100k.times") KB |
| $BIGW | $imp | $big | **$(ratio "$big" "$imp")** | $rss KB |
| $BIGW, CPU seconds | $cpuimp | $cpubig | $(ratio "$cpubig" "$cpuimp") | |

The same $BIGW-row load keeping the reports' indexes up row by row
(\`OVERSIGHT_BULK=never\`, as a load into a warehouse holding more rows
than the file does; one run): $never s, ratio $(ratio "$never" "$imp").

Reload of the same $BIGW-row file (recognised by its SHA-256):
$(median "$D/reload.times") s, $(median2 "$D/reload.times") KB.
Escalations in the warehouse after the load: $rows_loaded; the warehouse
file: $db_size bytes.

## How cost grows

| rows | load s | growth | .import growth |
|---:|---:|---:|---:|
| 10,000 | $t10k | | |
| 100,000 | $t100k | ×$s1 | ×$i1 |
| $BIGW | $big | ×$s2 | ×$i2 |

## Reports on the loaded warehouse

| what | median s |
|---|---:|
| \`oversight metrics --partnership devon --quarter 2026-Q3 --json\` | $metrics |
| \`oversight report board --partnership devon --quarter 2026-Q3 --no-charts --allow-incomplete\` | $report |
| the same metrics for \`north-east-lincolnshire\` (every stage timed) | $metrics_nel |
| the same board report for \`north-east-lincolnshire\` | $report_nel |
| the slowest metrics of the $n_partnerships partnerships (\`$slowest_mp\`) | $slowest_m |
| the slowest board report of the $n_partnerships partnerships (\`$slowest_rp\`) | $slowest_r |
| the slowest metrics of the $n_partnerships for 2021-Q2, the middle of the ten years (\`$slowest_midp\`) | $slowest_mid |

A report reads its figures on two connections to the same snapshot, in two
threads: overdue, the previous period and the outcomes on the second
(report/metrics.c; \`OVERSIGHT_THREADS=1\` reads them all on one); the two
share one copy of the calendar.  The monthly series reads only the months
the by-agency figures have not read.  The file is one load of five
partnerships, the shared log of each: coverage counts every agency's rows
from the loader's counts (load_agency, schema version 7), not from the rows.
The timed stages' figures are read from two indexes that hold what they
read of each stage event (schema version 8).  Overdue reads each open
escalation's current stage from an index of the stage events not yet
completed, one entry per open escalation, rather than its stage events
from the table (schema version 10).

The targets below are checked against each partnership's latest quarter,
the one its board reads.  A quarter in the middle of a long history costs
more: counting the escalations open at the end of the latest of its three
periods reads about half the partnership's history from an index (the other
two follow from it and the days between), and overdue reads every
escalation closed since the earliest of them.

## Targets

| target | figure | |
|---|---:|---|
| load / .import at $BIGW rows ≤ 2.5 (wall) | $(ratio "$big" "$imp") | $(met "$(ratio "$big" "$imp")" 2.5) |
| growth per tenfold ≤ ×11 | ×$s1, ×$s2 | $(met "$(awk -v a="$s1" -v b="$s2" 'BEGIN {print (a > b) ? a : b}')" 11) |
| peak memory ≤ 64 MB | $rss KB | $(met "$rss" 65536) |
| metrics for a partnership-quarter < 0.05 s (the slowest of the $n_partnerships) | $slowest_m | $(under "$slowest_m" 0.05) |
| board paper without charts < 0.3 s (the slowest of the $n_partnerships) | $slowest_r | $(under "$slowest_r" 0.3) |

## Where the load's time goes

Each statement's share of the time SQLite spent running statements, loading
$BIGW rows into a fresh warehouse (\`OVERSIGHT_PROFILE=1 oversight load\`):

$stmts

The hottest functions of a load of the file's first 100,000 rows (\`perf record\`; share
of samples):

\`\`\`
$perf_top
\`\`\`

What the loader does now: a CSV log is read, checked and hashed on a second
thread while its rows are stored on the first (etl/handoff.c; the rows handed
over in batches, at most three held), the second thread also making each row's
short reference and where its case and ref fall in the filters below (so the
storing thread, the load's critical path, only reads and sets their bits, asked
for a row ahead); the file's SHA-256 by libcrypto; the keyed HMAC
state computed once per load and copied per row; a rejected row's masked copy
made only when it is rejected; for a partnership the warehouse holds no row
of yet, each new case held back in memory while the next 512 rows come
(etl/pend.c), so that the rows of one escalation logged by two agencies,
nearly always a few rows apart, are reconciled before anything is written,
each source row stored pointing at the escalation id promised to it; each
other case a file touches re-derived once, at the
end of the file, in key order (etl/settle.c), however large the file: past
65,536 notes they are sorted and set aside in a temporary file in runs, merged
at the end; an escalation whose rows the file left as they were is kept, not
built again; for a partnership the warehouse holds no row of yet, Bloom
filters of the cases (2 MB) and of the refs (1 MB) the load has seen tell a
new case, and a ref no current row has, without a look-up, and the latest
day given for the cases of each of 524,288 slots (1 MB) tells a case that
comes back more than 3 working days after every row of it, which is held
back as a new case would be; the reports' data
sources, data quality and coverage read the row counts the loader keeps by
load and by agency named (load_source, load_agency: schema version 7); case
keys and row digests are stored as their 16 bytes, not 32 hex digits
(schema version 9).  A file large against the warehouse (at
least 1 MiB, more rows than the warehouse holds) sets the indexes only the
reports read aside in its transaction and builds them from sorted rows before
it commits (etl/bulk.c; the "CREATE INDEX" lines above), SQLite's sorter
sorting one run of entries on a helper thread while the next is read; into a warehouse
holding no row yet, the look-up by case (source_case) too, built before the
file's cases are settled.  Such a file into a warehouse holding no row, with
no other run having it open, leaves WAL mode for a rollback journal and holds
the warehouse alone until it ends (etl/alone.c): new pages need no journal,
so they are written once, not into the log and then again at the checkpoint,
and pages spilled from the cache are read back from the warehouse, not looked
up in a log as large as itself; a thread of its own asks the kernel every
100 ms to start writing those pages to disk (etl/writeback.h), so that the
commit's sync finds little left to write; and SQLite does not look up the
parent row each stage event and source row names (REFERENCES), as every one
is a row the load wrote itself, the loader deleting a dropped escalation's
stage events and conflicts itself (etl/escwrite.c).  The escalation table's
CHECK constraints are comparisons (schema version 6): as IN lists of three
values they made SQLite build a temporary table for every escalation
written, 7 of its 8 microseconds.
The statements run for every row (source row, escalation, stage event) bind
their parameters by position, checked once against their names; escalations
and stage events are held and written sixteen to a statement
(escalation_insert_many, stage_event_insert_many: etl/escwrite.c), as a run of
a statement costs SQLite about a third of what a one-row insert does.  Memory is
bounded by a constant: SQLite's page cache is 32 MB for a load (4 MB while
indexes are built, beside two sorters of 4 MB), temporary tables go to disk, at most 65,536 notes of cases
to settle are held in memory.  Wall times on a shared machine are noisy; the
CPU seconds of the $BIGW-row load are the steadier figure.

What is left is the number of B-tree entries a row costs, and their size:
about ten entries against one for \`.import\`: a source row with its entry by
ref, an escalation and about 1.6 stage events while the rows are read; then
the look-up by case and the reports' indexes built from sorted rows; then,
for the few cases whose rows come back close to rows written long before,
their rows read back in key order (source_group).  A row's entries take
about 850 bytes against the file's 150 (and a load into a warehouse that
holds rows, in WAL mode, writes them twice: the log, then the checkpoint).
SQLite takes one writer at a time, so every statement of the profiled load
above ran on the storing thread, one after another: together they took
$stmt_s s, $stmt_ratio times \`.import\`'s time, before the storing thread binds a
value or the reading thread reads a line.  $floor_text
Smaller: the stage events' index on (partnership, entered_on,
due_on, completed_on), built as a large load builds it from a copy of the
stage events with partnership and dates held as integers (day numbers),
took $enc_int s against $enc_text s for the same entries as the warehouse
holds them, in $enc_int_mb MB against $enc_text_mb MB (median of $RUNS).  Fewer: one fact
table with fewer indexes, the reports reading more of each: with stage dates
and deadlines as columns of the escalation, carried by the index of the
escalations by closing day, and no stage events' indexes, a period's stage
figures would read every escalation open at its start or closed since,
which grows with the history after the period, not with the period.
Both change what every report reads.

Reproduce: \`make bench\` (BENCH_RUNS=5 for more runs; BENCH_ROWS for the
large size; BENCH_DIR to keep the files).
EOT
echo "bench: wrote $OUT" >&2
cat "$OUT"
