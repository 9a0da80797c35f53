#!/bin/sh
# t-alone.sh - a first load holds the warehouse alone, in a rollback journal
# (etl/alone.h).
#
# A file large enough for the bulk path (at least 1 MiB), loaded into a
# warehouse that holds no row, leaves WAL mode for a rollback journal while
# it loads, and puts the warehouse back in WAL mode after.  Checked here:
#   - which way a load went: a rollback journal (W-journal) is seen beside
#     the warehouse during such a load, never during the others; and such
#     a load has a thread named writeback (etl/writeback.h), the others
#     none, nor one under OVERSIGHT_THREADS=1;
#   - the warehouse holds the same, table by table, as the same load in
#     WAL mode (kept in it by a reader); and so it does when the load drops
#     escalations as it goes (their stage events and conflicts deleted by
#     the loader, as SQLite does not check REFERENCES during such a load),
#     with no row naming a parent that is not there;
#   - after it: WAL mode, no journal left;
#   - a run that has the warehouse open when the load starts keeps it in
#     WAL mode, and neither fails; OVERSIGHT_BULK=never keeps it too;
#   - runs started during the load (reports, another load) wait for it and
#     do not fail; each sees the warehouse empty or with all of the file;
#   - a load killed half way: the next run, even a report (read-only),
#     finds the warehouse as it was (empty), `oversight check` passes, and
#     the load then takes the whole file.
. "$(dirname "$0")/lib.sh"

case $OV in
*valgrind*)
	echo "ok 1 - # SKIP t-alone.sh under valgrind"
	exit 0 ;;
esac

export OVERSIGHT_TODAY=2026-09-30 # the generator's last date
N=10000 # about 1.5 MB: the bulk path's size
gen_rows $N
F=$T/scale-$N.csv
W=$OVERSIGHT_WAREHOUSE

fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal" "$1.key"; "$OV" -w "$1" init >/dev/null; }
rows() { sqlite3 "$1" "SELECT count(*) FROM source_row"; }
# load_watch DB [ENV...]: load F into DB in the background, noting every
# 5 ms whether a rollback journal is beside it and whether the load has a
# thread named "writeback" (etl/writeback.h); "journal" (else "no"), then
# "writeback" (else "-") on stdout when they were seen, then the load's
# exit status.
load_watch() {
	db=$1; shift
	env "$@" "$OV" -w "$db" load --quiet "$F" >"$T/lw.out" 2>"$T/lw.err" &
	lp=$!
	seen=no wb=-
	while kill -0 $lp 2>/dev/null; do
		[ -e "$db-journal" ] && seen=journal
		cat /proc/$lp/task/*/comm 2>/dev/null | grep -qx writeback && wb=writeback
		sleep 0.005
	done
	wait $lp
	echo "$seen $wb $?"
}

# --- the way a first load goes ------------------------------------------------
fresh "$T/a.db"
fresh "$T/c.db"
cp "$T/a.db" "$T/b.db"
cp "$T/a.db.key" "$T/b.db.key" # the same key: the same pseudonyms
check_eq "journal writeback 0" "$(load_watch "$T/a.db")" \
	"a first load of $N rows: in a rollback journal, its pages sent to disk by a thread of its own, exit 0"
check_eq "" "$(cat "$T/lw.err")" "nothing on stderr"
check_eq "wal" "$(sqlite3 "$T/a.db" "PRAGMA journal_mode")" "after it, the warehouse is in WAL mode again"
check_eq no "$([ -e "$T/a.db-journal" ] && echo yes || echo no)" "no journal left beside it"
# The same load with another run reading: in WAL mode, and the bulk path
# as before (a reader holding a read transaction for three seconds).
sqlite3 "$T/b.db" "BEGIN; SELECT count(*) FROM load;" ".shell sleep 3" "COMMIT;" >/dev/null &
hp=$!
sleep 0.5
check_eq "no - 0" "$(load_watch "$T/b.db")" \
	"the same load with another run reading: in WAL mode, and it succeeds"
wait $hp
check_eq "0 $N" "$? $(rows "$T/b.db")" "the reader ended well; the load took every row"
check_eq "no - 0" "$(load_watch "$T/c.db" OVERSIGHT_BULK=never)" "OVERSIGHT_BULK=never: WAL mode, no writeback thread"
fresh "$T/d.db"
check_eq "journal - 0 $N" "$(load_watch "$T/d.db" OVERSIGHT_THREADS=1) $(rows "$T/d.db")" \
	"OVERSIGHT_THREADS=1: alone, no writeback thread, every row in"
check_eq "$N" "$(rows "$T/a.db")" "every row a source row"
# differing A B TABLE...: the tables whose dumps differ between warehouses
# $T/A.db and $T/B.db, less the time each file was loaded at (a second
# apart from one warehouse to the other when the clock turns between them:
# the UTC time itself, not anything else with a T and a Z in it, such as
# the test's own folder name)
NO_TIME="s/'[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'/''/g"
differing() {
	da=$1 db=$2 out=""
	shift 2
	for t in "$@"; do
		sqlite3 "$T/$da.db" ".dump $t" | sed "$NO_TIME" >"$T/$da.$t"
		sqlite3 "$T/$db.db" ".dump $t" | sed "$NO_TIME" >"$T/$db.$t"
		cmp -s "$T/$da.$t" "$T/$db.$t" || out="$out $t"
	done
	echo "$out"
}
tables=$(sqlite3 "$T/a.db" "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
check_eq "" "$(differing a b $tables)" "every table ($(echo $tables | wc -w)) the same as loaded in WAL mode"
check_eq "$(sqlite3 "$T/b.db" "SELECT sql FROM sqlite_schema ORDER BY name")" \
	"$(sqlite3 "$T/a.db" "SELECT sql FROM sqlite_schema ORDER BY name")" "the same schema, indexes and all"
check_ok "oversight check passes" "$OV" -w "$T/a.db" check

# A first load held alone does not have SQLite check REFERENCES, so ON
# DELETE CASCADE does not run: the loader deletes a dropped escalation's
# stage events and conflicts itself (etl/alone.h).  Re-deriving each case
# after each of its rows (OVERSIGHT_RECONCILE_EACH_ROW, etl/store.c) drops
# an escalation each time a row joins it; the same load in WAL mode, where
# SQLite checks REFERENCES, must leave every table the same.
fresh "$T/e.db"
cp "$T/e.db" "$T/f.db"
cp "$T/e.db.key" "$T/f.db.key"
check_eq "journal writeback 0" "$(load_watch "$T/e.db" OVERSIGHT_RECONCILE_EACH_ROW=1 OVERSIGHT_PROFILE=1)" \
	"a first load re-deriving each case after each row: alone"
drops=$(sed -n 's/^| stage_event_delete | \([0-9]*\) |.*/\1/p' "$T/lw.err")
check_eq yes "$([ "${drops:-0}" -gt 100 ] && echo yes || echo no)" \
	"it dropped escalations as rows joined them (${drops:-none})"
OVERSIGHT_RECONCILE_EACH_ROW=1 OVERSIGHT_BULK=never "$OV" -w "$T/f.db" load --quiet "$F" >/dev/null
check_eq "" "$(sqlite3 "$T/e.db" "PRAGMA foreign_key_check")" "no row names a parent that is not there"
check_eq "" "$(differing e f stage_event conflict escalation source_row)" \
	"its stage events, conflicts, escalations and source rows the same as in WAL mode"

# The same file into a warehouse that holds rows already: the bulk path,
# but in WAL mode (readers may be reading the rows held).
fresh "$T/c.db"
"$OV" -w "$T/c.db" load --quiet "$ROOT/fixtures/devon/dc-police.csv" >/dev/null
check_eq "no - 0" "$(load_watch "$T/c.db")" "a load into a warehouse that holds rows: WAL mode, no writeback thread"

# --- runs started during the load -------------------------------------------------
fresh "$W"
"$OV" load --quiet "$F" >"$T/l.out" 2>"$T/l.err" &
lp=$!
# wait for the journal, then start readers and a second load
i=0
while [ ! -e "$W-journal" ] && [ $i -lt 400 ] && kill -0 $lp 2>/dev/null; do sleep 0.005; i=$((i + 1)); done
during=$([ -e "$W-journal" ] && echo yes || echo no)
"$OV" metrics --partnership devon --quarter 2026-Q2 --json >"$T/m1.json" 2>"$T/m1.err" &
m1=$!
"$OV" report board --partnership devon --quarter 2026-Q2 --allow-incomplete --no-charts \
	-o "$T/rep" >/dev/null 2>"$T/r.err" &
r1=$!
"$OV" load --quiet "$ROOT/fixtures/devon/dc-police.csv" >"$T/l2.out" 2>"$T/l2.err" &
l2=$!
"$OV" metrics --partnership devon --quarter 2026-Q2 --json >"$T/m2.json" 2>"$T/m2.err" &
m2=$!
wait $lp; s0=$?
wait $m1; s1=$?
wait $r1; s2=$?
wait $l2; s3=$?
wait $m2; s4=$?
check_eq yes "$during" "the readers started while the load held a rollback journal"
check_eq "0 0 0 0 0" "$s0 $s1 $s2 $s3 $s4" "the load, two metrics runs, a report and a second load all succeed"
check_eq "" "$(cat "$T/l.err" "$T/m1.err" "$T/m2.err" "$T/l2.err")" "none of them says anything on stderr"
# What they may see: the file, or the file and the second load's
raised() { sed -n 's/^[[:space:]]*"raised":[[:space:]]*\([0-9]*\),.*/\1/p' | head -1; }
full=$("$OV" -w "$T/a.db" metrics --partnership devon --quarter 2026-Q2 --json | raised)
"$OV" -w "$T/a.db" load --quiet "$ROOT/fixtures/devon/dc-police.csv" >/dev/null
full2=$("$OV" -w "$T/a.db" metrics --partnership devon --quarter 2026-Q2 --json | raised)
for m in m1 m2; do
	got=$(raised <"$T/$m.json")
	check_eq yes "$([ "$got" = "$full" ] || [ "$got" = "$full2" ] && echo yes || echo no)" \
		"$m, started during the load, waited for it: raised $got (the file: $full; with the second load: $full2)"
done
check_eq "wal" "$(sqlite3 "$W" "PRAGMA journal_mode")" "WAL mode after them"
check_ok "oversight check passes after them" "$OV" check

# --- a load killed half way ---------------------------------------------------------
# Killed as soon as its journal is seen; a kill that came after the load
# ended (no journal left) is tried again.
landed=no
for try in 1 2 3 4 5 6 7 8; do
	fresh "$W"
	"$OV" load --quiet "$F" >/dev/null 2>&1 &
	lp=$!
	i=0
	while [ ! -e "$W-journal" ] && [ $i -lt 400 ] && kill -0 $lp 2>/dev/null; do
		sleep 0.005
		i=$((i + 1))
	done
	kill -9 $lp 2>/dev/null
	wait $lp 2>/dev/null
	if [ -s "$W-journal" ]; then
		landed=yes
		break
	fi
done
check_eq yes "$landed" "killed half way (try $try), the load leaves its journal"
check_ok "a report (read-only) opens the warehouse after the kill" \
	"$OV" metrics --partnership devon --quarter 2026-Q2 --json
check_grep '"raised":[[:space:]]*0,' "$T/.out" "and finds it as it was: nothing raised"
check_eq "0 0" "$(rows "$W") $(sqlite3 "$W" "SELECT count(*) FROM load")" \
	"the journal rolled back: no source row, no load recorded"
check_ok "oversight check passes after the kill" "$OV" check
check_eq "journal writeback 0" "$(load_watch "$W")" "the load again: alone, and it succeeds"
check_eq "$N wal no" "$(rows "$W") $(sqlite3 "$W" "PRAGMA journal_mode") $([ -e "$W-journal" ] && echo yes || echo no)" \
	"every row in; WAL mode; no journal left"

finish
