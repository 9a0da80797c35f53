#!/bin/sh
# t-bulk.sh - a load large against the warehouse builds the reports'
# indexes after its rows (etl/bulk.h): when it does, that the indexes it
# leaves are the warehouse's own, and that a load that fails leaves them
# as they were.  (That the warehouse holds the same either way is
# tests/t-settle.sh's.)
#
# Which way a load went shows in OVERSIGHT_PROFILE's table of statements:
# the bulk way drops and creates indexes.  The rule: a file of at least
# 1 MiB holding more rows (at 150 bytes a row) than the warehouse holds
# current rows.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2026-09-30
gen_rows 20000
G=$T/scale-20000.csv
H=$(head -n 1 "$G")
head -n 12001 "$G" >"$T/a.csv"                         # 12,000 rows, about 1.8 MB
{ echo "$H"; sed -n '12002,19501p' "$G"; } >"$T/b.csv" # 7,500 rows, about 1.1 MB
{ echo "$H"; sed -n '19502,19601p' "$G"; } >"$T/c.csv" # 100 rows
check_ok "b.csv is over 1 MiB" test "$(wc -c <"$T/b.csv")" -gt 1048576

indexes() { sqlite3 "$1" "SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name"; }
"$OV" -w "$T/w.db" init >/dev/null
indexes "$T/w.db" >"$T/init.idx"
check_grep "escalation_raised" "$T/init.idx" "a new warehouse has the reports' indexes"

# a.csv into the empty warehouse: the bulk way
OVERSIGHT_PROFILE=1 "$OV" -w "$T/w.db" load --quiet "$T/a.csv" >"$T/a.out" 2>"$T/a.prof"
check_eq 0 $? "a.csv: loaded"
check_grep 'DROP INDEX "escalation_raised"' "$T/a.prof" "a.csv into an empty warehouse: the reports' indexes set aside"
check_grep 'CREATE INDEX escalation_raised' "$T/a.prof" "... and built after the rows"
check_grep 'DROP INDEX "source_case"' "$T/a.prof" \
	"the warehouse held no row: the look-up by case is set aside too (the file's cases are settled at its end)"
check_grep 'CREATE INDEX source_case' "$T/a.prof" "... and built again"
check_no_grep "source_case_exists" "$T/a.prof" "... and no row looked up by case while the rows were read"
check_no_grep 'DROP INDEX "source_current"' "$T/a.prof" "the loader's own look-up by ref is kept"
check_no_grep 'DROP INDEX "stage_event_open"' "$T/a.prof" \
	"the open stages' index (an entry per open escalation) is kept up row by row"
check_grep 'DROP INDEX "stage_event_entered"' "$T/a.prof" "... the stage events' other indexes set aside"
check_no_grep '^| source_current |' "$T/a.prof" \
	"... but no row looked up by ref: the warehouse held no row, and no ref repeats in the file"
indexes "$T/w.db" >"$T/a.idx"
check_cmp "$T/init.idx" "$T/a.idx" "after it, the warehouse's indexes are those init made, as init made them"
check_eq ok "$(sqlite3 "$T/w.db" "PRAGMA integrity_check")" "the warehouse is sound (every index matches its table)"

# a.csv with its first row again at its end, into an empty warehouse: the
# ref given twice is looked up the second time (only then), and that row
# is quarantined as repeating line 2.
{ cat "$T/a.csv"; sed -n 2p "$T/a.csv"; } >"$T/r.csv"
"$OV" -w "$T/r.db" init >/dev/null
OVERSIGHT_PROFILE=1 "$OV" -w "$T/r.db" load "$T/r.csv" >"$T/r.out" 2>"$T/r.prof"
check_eq 0 $? "r.csv (a.csv and its first row again): loaded"
check_grep "r.csv:12002:1: ref: '.*' repeats line 2" "$T/r.prof" "r.csv: the row given again is quarantined, repeating line 2"
check_grep "read 12001, loaded [0-9]*, updated 0, unchanged 0, merged [0-9]*, rejected 1" "$T/r.out" \
	"r.csv: one row of 12,001 rejected"
check_eq 1 "$(sed -n 's/^| source_current | \([0-9]*\) |.*/\1/p' "$T/r.prof")" \
	"r.csv: one row looked up by ref, the one whose ref was given before"
check_eq 12000 "$(sqlite3 "$T/r.db" "SELECT count(*) FROM source_row")" "r.csv: 12,000 rows stored"

# b.csv: over 1 MiB, but fewer rows than the 12,000 held: row by row
OVERSIGHT_PROFILE=1 "$OV" -w "$T/w.db" load --quiet "$T/b.csv" >"$T/b.out" 2>"$T/b.prof"
check_eq 0 $? "b.csv: loaded"
check_grep "source_insert" "$T/b.prof" "b.csv: its rows stored"
check_no_grep "DROP INDEX" "$T/b.prof" "b.csv, fewer rows than the warehouse holds: its indexes kept up row by row"

# c.csv: small, into an empty warehouse: row by row
"$OV" -w "$T/small.db" init >/dev/null
OVERSIGHT_PROFILE=1 "$OV" -w "$T/small.db" load --quiet "$T/c.csv" >"$T/c.out" 2>"$T/c.prof"
check_grep "source_insert" "$T/c.prof" "c.csv: its rows stored"
check_no_grep "DROP INDEX" "$T/c.prof" "c.csv, under 1 MiB: row by row, even into an empty warehouse"

# A bulk load that fails at its end (its rows, all Devon's, read; then the
# agency named is no agency of Devon): nothing kept, the indexes as they
# were.
counts() { sqlite3 "$1" "SELECT (SELECT count(*) FROM escalation), (SELECT count(*) FROM stage_event),
	(SELECT count(*) FROM source_row), (SELECT count(*) FROM load)"; }
before=$(counts "$T/w.db")
{ echo "$H"; awk -F, '$2 == "devon"' "$G" | sed 's/^\([A-Z]*\)-/\1X-/'; } >"$T/d.csv"
OVERSIGHT_BULK=always OVERSIGHT_PROFILE=1 "$OV" -w "$T/w.db" load --quiet --agency no-such-agency \
	"$T/d.csv" >"$T/d.out" 2>"$T/d.err"
check_ok "d.csv with an agency that is none of the partnership's: not loaded (non-zero exit)" test $? -ne 0
check_grep "not loaded; the warehouse is unchanged" "$T/d.err" "d.csv: says the warehouse is unchanged"
check_grep 'DROP INDEX "escalation_raised"' "$T/d.err" "d.csv went the bulk way"
check_no_grep 'DROP INDEX "source_case"' "$T/d.err" "... keeping the look-up by case: the warehouse holds rows"
check_eq "$before" "$(counts "$T/w.db")" "d.csv: no row of it kept"
indexes "$T/w.db" >"$T/d.idx"
check_cmp "$T/init.idx" "$T/d.idx" "d.csv: the indexes as they were"
check_eq ok "$(sqlite3 "$T/w.db" "PRAGMA integrity_check")" "the warehouse is sound after it"
# The old way, a case re-derived after each row, reads source_case as the
# rows arrive: into an empty warehouse the bulk way, it is built at once.
"$OV" -w "$T/each.db" init >/dev/null
OVERSIGHT_RECONCILE_EACH_ROW=1 OVERSIGHT_PROFILE=1 "$OV" -w "$T/each.db" load --quiet "$T/a.csv" \
	>"$T/each.out" 2>"$T/each.prof"
check_eq 0 $? "a.csv re-derived row by row, the bulk way: loaded"
check_cmp "$T/a.out" "$T/each.out" "... with the same counts"
check_grep "source_case_exists" "$T/each.prof" "... looking rows up by case as they arrive"
indexes "$T/each.db" >"$T/each.idx"
check_cmp "$T/init.idx" "$T/each.idx" "... and the indexes init made"
finish
