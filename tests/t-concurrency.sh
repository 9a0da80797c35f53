#!/bin/sh
# t-concurrency.sh - several oversight processes on one warehouse at once.
#
# core/wh.h: the warehouse is opened in WAL mode with a busy timeout, "so
# concurrent loads wait for each other instead of failing".  Four loads of
# four files started together must all succeed, and the totals must be
# exact: every row of the four files a source row, and the same
# escalations as the four loaded one after another.  A reader (metrics,
# report, check) running while a load is under way sees the warehouse as
# it was before the load or as it is after, never half of it (DESIGN.md
# "a file loads whole or not at all").
. "$(dirname "$0")/lib.sh"

case $OV in
*valgrind*)
	echo "ok 1 - # SKIP t-concurrency.sh under valgrind"
	exit 0 ;;
esac

export OVERSIGHT_TODAY=2026-09-30 # the generator's last date
N=25000
W=$OVERSIGHT_WAREHOUSE

q() { sqlite3 "$W" "$1"; }
state() {
	q "SELECT (SELECT count(*) FROM load), (SELECT count(*) FROM source_row),
		(SELECT count(*) FROM reject), (SELECT count(*) FROM escalation),
		(SELECT count(*) FROM stage_event)"
}
# The top-level "raised" figure of a metrics --json object on stdin.
raised() { sed -n 's/^[[:space:]]*"raised":[[:space:]]*\([0-9]*\),.*/\1/p' | head -1; }
# "raised" and the previous period's "raised", as raised/previous: the
# first is read on a run's first connection, the second on its second
# (report/metrics.c compute()), so a pair never seen before or after a
# load would be two snapshots in one run.
pair() { awk '/"raised":/ && !r { gsub(/[^0-9]/, ""); r = $0 }
	/"previous":/ { p = 1 } p && /"raised":/ { gsub(/[^0-9]/, ""); print r "/" $0; exit }'; }

gen_rows $N
F=$T/scale-$N.csv

# --- four loads at once -----------------------------------------------------
# The generated file split by partnership (column 2; the generator writes
# no line breaks inside fields): four files that share no ref and no case.
PARTS="devon gloucestershire perth-kinross dumfries-galloway"
for p in $PARTS; do
	awk -F, -v p="$p" 'NR == 1 || $2 == p' "$F" >"$T/$p.csv"
done
want_rows=0
for p in $PARTS; do
	want_rows=$((want_rows + $(wc -l <"$T/$p.csv") - 1))
done

check_ok "init" "$OV" init
for p in $PARTS; do
	"$OV" load --json --quiet "$T/$p.csv" >"$T/$p.out" 2>"$T/$p.err" &
	eval "pid_$(echo $p | tr - _)=\$!"
done
for p in $PARTS; do
	eval "wait \$pid_$(echo $p | tr - _)"
	rc=$?
	check_eq 0 "$rc" "concurrent load of $p: exit 0"
	check_eq "" "$(cat "$T/$p.err")" "concurrent load of $p: nothing on stderr (no 'database is locked')"
	n=$(($(wc -l <"$T/$p.csv") - 1))
	check_grep "\"read\": $n, .*\"rejected\": 0}" "$T/$p.out" "concurrent load of $p: read all $n rows"
done
check_eq "4 $want_rows" "$(q "SELECT count(*) FROM load") $(q "SELECT count(*) FROM source_row")" \
	"four loads recorded; every one of the $want_rows rows is a source row"
check_eq "$want_rows" "$(q "SELECT sum(n_loaded + n_merged) FROM load")" \
	"every row was loaded or merged (loaded + merged = rows)"
check_eq "$(q "SELECT sum(n_loaded) FROM load")" "$(q "SELECT count(*) FROM escalation")" \
	"one escalation per row loaded (merged rows join one)"
concurrent=$(state)

# The same four files one after another, in another warehouse.
export OVERSIGHT_WAREHOUSE="$T/serial.db"
"$OV" init >/dev/null
for p in $PARTS; do "$OV" load --quiet "$T/$p.csv" >/dev/null; done
serial=$(sqlite3 "$T/serial.db" "SELECT (SELECT count(*) FROM load), (SELECT count(*) FROM source_row),
	(SELECT count(*) FROM reject), (SELECT count(*) FROM escalation), (SELECT count(*) FROM stage_event)")
export OVERSIGHT_WAREHOUSE="$W"
check_eq "$serial" "$concurrent" "the concurrent totals equal the serial ones (loads, rows, rejects, escalations, stage events)"
for p in $PARTS; do
	check_eq "$(sqlite3 "$T/serial.db" "SELECT count(*) FROM escalation WHERE partnership = '$p'")" \
		"$(q "SELECT count(*) FROM escalation WHERE partnership = '$p'")" "$p: the same escalations as serially"
done
check_ok "oversight check after the concurrent loads" "$OV" check

# --- readers during a load --------------------------------------------------
# A fresh warehouse holding devon's September fixtures; then the whole
# generated file (all five partnerships, one transaction) loads while
# metrics run over and over.  devon 2026-Q2 "raised" must read the value
# before the load or the value after it, nothing in between.
export OVERSIGHT_WAREHOUSE="$T/read.db"
W=$OVERSIGHT_WAREHOUSE
"$OV" init >/dev/null
for a in dc-police devon-cs education iru nhs-devon; do
	"$OV" load --quiet "$ROOT/fixtures/devon/$a.csv" >/dev/null
done
before=$("$OV" metrics --partnership devon --quarter 2026-Q2 --json | pair)
cp "$W" "$T/before.db"
# A file twice the first part's, so that the load outlasts several
# metrics runs however fast it has become; the report runs beside them.
gen_rows $((2 * N))
"$OV" load --quiet "$T/scale-$((2 * N)).csv" >"$T/load.out" 2>&1 &
pid=$!
runs=0 mid=0 bad=0 failed=0 values=""
"$OV" report board --partnership devon --quarter 2026-Q2 -o "$T/rep" >/dev/null 2>"$T/report.err" &
rpid=$!
while kill -0 $pid 2>/dev/null; do
	if ! "$OV" metrics --partnership devon --quarter 2026-Q2 --json >"$T/m.json" 2>"$T/m.err"; then
		failed=$((failed + 1))
		sed 's/^/#   /' "$T/m.err"
		continue
	fi
	runs=$((runs + 1))
	kill -0 $pid 2>/dev/null && mid=$((mid + 1))
	values="$values $(pair <"$T/m.json")"
done
wait $pid
check_eq 0 $? "the load under readers succeeds"
wait $rpid || failed=$((failed + 1))
after=$("$OV" metrics --partnership devon --quarter 2026-Q2 --json | pair)
check_eq yes "$([ "${before%/*}" -lt "${after%/*}" ] && [ "${before#*/}" -lt "${after#*/}" ] && echo yes || echo no)" \
	"the load adds devon escalations raised in 2026-Q2 and in 2026-Q1 (raised/previous: $before before, $after after)"
for v in $values; do
	[ "$v" = "$before" ] || [ "$v" = "$after" ] || bad=$((bad + 1))
done
echo "# $runs metrics runs during the load ($mid ended before it did): raised $(echo $values | tr ' ' '\n' | sort | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')"
check_eq 0 "$failed" "no reader failed during the load (report and $runs metrics runs)"
check_eq yes "$([ $mid -ge 1 ] && echo yes || echo no)" "at least one metrics run ended while the load was still going ($mid)"
check_eq 0 "$bad" "every metrics run saw $before (before) or $after (after), never half a load, nor its two connections apart"
check_eq yes "$([ -s "$T/rep/board-devon-2026-Q2.md" ] && echo yes || echo no)" "the report written during the load is there"
check_ok "oversight check after the load under readers" "$OV" check

finish
