#!/bin/sh
# t-settle.sh - reconciling a file's cases once, at its end, builds the
# warehouse re-deriving each case after every row builds.
#
# DESIGN.md: the escalations depend only on the set of current rows, and a
# load counts a new row merged when it joins another row's escalation as it
# arrives.  Two warehouses with the same key load the same files, one the
# usual way and one with OVERSIGHT_RECONCILE_EACH_ROW set (each case
# re-derived after each of its rows, as before): every table must hold the
# same.  The files: every partnership's canonical fixture logs, then
# generated years of rows in three overlapping exports whose later ones
# change rows (status reopened, a case reference moved to another case or
# dropped, new rows joining held cases), so that rows are new, updated,
# unchanged, merged and moved between cases.  Escalation ids may differ
# (they are handed out in the order escalations are built): an escalation
# is compared by its content and by the lowest id of its current source
# rows, which both builds share (source rows are stored in file order).
# A third warehouse settles every 50 changes
# (OVERSIGHT_SETTLE_CAP, as a file larger than the bound on memory does):
# it must hold the same too.  So must a fourth, whose every load sets the
# reports' indexes aside and builds them after its rows (OVERSIGHT_BULK=
# always; etl/bulk.h), where the first builds keep them row by row
# (never); the usual build chooses by the file's size (a.csv, 1.8 MB into
# a warehouse of a few hundred rows, is built the bulk way).  A fifth
# gives each escalation the loader holds less room for its strings
# (OVERSIGHT_HELD_TEXT=130 bytes, where the usual room is 1,100; etl/
# escwrite.h): most do not fit it and are written at once, after those
# held before them, and the rest are held and written sixteen at a time
# as usual (loading the 10,000-row benchmark file that way: 8,868
# escalations written one by one, 320 sixteen to a statement).  It must
# hold the same.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2026-09-30
gen_rows 20000
G=$T/scale-20000.csv
head -n 12001 "$G" >"$T/a.csv"
# rows 8,000 to 20,000, changed: every 7th reopened, every 11th moved to
# the case of the row before it, every 13th without a case reference
{ head -n 1 "$G"; sed -n '8001,20001p' "$G" | awk -F, -v OFS=, '
	NF == 20 && NR % 7 == 0 { $17 = "open"; $18 = "" }
	NF == 20 && NR % 11 == 0 && prev != "" { $5 = prev }
	NF == 20 && NR % 13 == 0 { $5 = "" }
	{ if (NF == 20) prev = $5; print }'; } >"$T/b.csv"
# rows 8,000 to 20,000 as they were: b.csv's changes undone
{ head -n 1 "$G"; sed -n '8001,20001p' "$G"; } >"$T/d.csv"
# rows 1 to 6,000 again, every 5th moved to a case of its own
{ head -n 1 "$G"; sed -n '2,6001p' "$G" | awk -F, -v OFS=, '
	NF == 20 && NR % 5 == 0 { $5 = "MOVED" NR } { print }'; } >"$T/c.csv"

"$OV" -w "$T/new.db" init >/dev/null
cp "$T/new.db" "$T/old.db"
cp "$T/new.db.key" "$T/old.db.key"
cp "$T/new.db" "$T/cap.db"
cp "$T/new.db.key" "$T/cap.db.key"
cp "$T/new.db" "$T/bulk.db"
cp "$T/new.db.key" "$T/bulk.db.key"
cp "$T/new.db" "$T/held.db"
cp "$T/new.db.key" "$T/held.db.key"
files=$(ls "$ROOT"/fixtures/*/*.csv | grep -v activity.csv)
for f in $files "$T/a.csv" "$T/b.csv" "$T/c.csv" "$T/d.csv" "$T/c.csv"; do
	"$OV" -w "$T/new.db" load --quiet "$f" >>"$T/new.out" 2>>"$T/new.err"
	OVERSIGHT_BULK=never OVERSIGHT_RECONCILE_EACH_ROW=1 "$OV" -w "$T/old.db" load --quiet "$f" \
		>>"$T/old.out" 2>>"$T/old.err"
	OVERSIGHT_BULK=never OVERSIGHT_SETTLE_CAP=50 "$OV" -w "$T/cap.db" load --quiet "$f" \
		>>"$T/cap.out" 2>>"$T/cap.err"
	OVERSIGHT_BULK=always "$OV" -w "$T/bulk.db" load --quiet "$f" >>"$T/bulk.out" 2>>"$T/bulk.err"
	OVERSIGHT_HELD_TEXT=130 "$OV" -w "$T/held.db" load --quiet "$f" >>"$T/held.out" 2>>"$T/held.err"
done
# (less the time a file already loaded was loaded at)
sed -i 's/ on [0-9T:Z-]*;/;/' "$T/old.out" "$T/new.out" "$T/cap.out" "$T/bulk.out" "$T/held.out"
check_cmp "$T/old.out" "$T/new.out" "the same counts, file by file"
check_cmp "$T/old.out" "$T/cap.out" "the same counts settling every 50 changes"
check_cmp "$T/old.out" "$T/bulk.out" "the same counts with the indexes built after the rows"
check_cmp "$T/old.out" "$T/held.out" "the same counts with most escalations written at once"
check_cmp "$T/old.err" "$T/new.err" "the same messages"

dump() {
	sqlite3 "$1" "
	CREATE TEMP TABLE sig AS SELECT escalation_id AS esc, min(id) AS sig FROM source_row
		WHERE superseded_by IS NULL AND escalation_id IS NOT NULL GROUP BY escalation_id;
	SELECT 'escalation', s.sig, e.partnership, e.pseudo, e.raised_by, e.raised_with, hex(e.case_key),
		e.subject, e.raised_on, e.theme, e.category, e.serious_concern, e.stuck, e.stage1_on,
		e.stage2_on, e.stage3_on, e.stage4_on, e.stage5_on, e.top_stage, e.status, e.closed_on,
		e.learning, e.learning_theme, e.n_sources
		FROM escalation e LEFT JOIN sig s ON s.esc = e.id ORDER BY 2, 3, 4;
	SELECT 'stage_event', s.sig, t.partnership, t.stage, t.entered_on, t.completed_on, t.due_on
		FROM stage_event t LEFT JOIN sig s ON s.esc = t.escalation_id ORDER BY 2, 4;
	SELECT 'conflict', s.sig, c.field, c.kept, c.other
		FROM conflict c LEFT JOIN sig s ON s.esc = c.escalation_id ORDER BY 2, 3, 4, 5;
	SELECT 'source_row', r.id, r.partnership, r.ref, r.load_id, r.line, r.superseded_by,
		hex(r.digest), r.raised_by, r.raised_with, hex(r.case_key), r.subject, r.raised_on, r.theme,
		r.category, r.serious_concern, r.stuck, r.stage1_on, r.stage2_on, r.stage3_on,
		r.stage4_on, r.stage5_on, r.status, r.closed_on, r.learning, r.learning_theme,
		CASE WHEN r.superseded_by IS NULL THEN s.sig END
		FROM source_row r LEFT JOIN sig s ON s.esc = r.escalation_id ORDER BY 2;
	SELECT 'load', id, file, sha256, profile, n_read, n_loaded, n_updated, n_unchanged,
		n_merged, n_rejected, partnership, agency, exported_on FROM load ORDER BY id;
	SELECT 'reject', * FROM reject ORDER BY id;
	SELECT 'load_source', * FROM load_source ORDER BY 1, 2;"
}
dump "$T/old.db" >"$T/old.dump"
dump "$T/new.db" >"$T/new.dump"
check_cmp "$T/old.dump" "$T/new.dump" "every table holds the same (escalations by content)"
dump "$T/cap.db" >"$T/cap.dump"
check_cmp "$T/old.dump" "$T/cap.dump" "the same settling every 50 changes"
dump "$T/bulk.db" >"$T/bulk.dump"
check_cmp "$T/old.dump" "$T/bulk.dump" "the same with the indexes built after the rows"
dump "$T/held.db" >"$T/held.dump"
check_cmp "$T/old.dump" "$T/held.dump" "the same with most escalations written at once"

# Each escalation's stage events follow from its own stage dates (DESIGN.md
# "Stage completion"), however the loader groups their writing (sixteen to
# a statement, the rest one by one: etl/escwrite.c): one event a stage
# entered, none left unwritten at the end of a load, none written for an
# escalation replaced meanwhile; `oversight check` finds each event as its
# escalation's dates give it.
for db in new old bulk held; do
	n_dates=$(sqlite3 "$T/$db.db" "SELECT sum((stage0_on IS NOT NULL) + (stage1_on IS NOT NULL)
		+ (stage2_on IS NOT NULL) + (stage3_on IS NOT NULL) + (stage4_on IS NOT NULL)
		+ (stage5_on IS NOT NULL)) FROM escalation")
	n_events=$(sqlite3 "$T/$db.db" "SELECT count(*) FROM stage_event")
	check_eq "$n_dates" "$n_events" "$db: one stage event a stage date"
	"$OV" -w "$T/$db.db" check >"$T/$db.check" 2>&1
	check_eq 0 $? "$db: oversight check finds every stage event as its escalation's dates give it"
done

# The files did exercise every kind of change: c.csv moves one row in five
# of its 6,000 (those whose fields hold no quoted comma, about 95% of the
# generated rows) to a case of its own: over 1,000 rows updated by it.
sum() { sqlite3 "$T/new.db" "SELECT sum($1) FROM load"; }
check_ok "some rows merged" test "$(sum n_merged)" -gt 0
check_ok "c.csv updated over 1,000 rows" test "$(sqlite3 "$T/new.db" \
	"SELECT n_updated FROM load WHERE file LIKE '%/c.csv' ORDER BY id LIMIT 1")" -gt 1000
check_ok "some rows unchanged" test "$(sum n_unchanged)" -gt 0
check_eq 0 "$(sqlite3 "$T/new.db" "SELECT count(*) FROM load
	WHERE n_read <> n_loaded + n_updated + n_unchanged + n_merged + n_rejected")" \
	"every load's counts add up"
# The loader's per-(load, partnership) counts are those of source_row.
check_eq 0 "$(sqlite3 "$T/cap.db" "SELECT count(*) FROM (SELECT partnership, load_id,
	count(*) AS n, sum(superseded_by IS NULL) AS c FROM source_row GROUP BY 1, 2) s
	FULL JOIN load_source l USING (partnership, load_id)
	WHERE s.n IS NOT l.n_stored OR s.c IS NOT l.n_current")" \
	"load_source counts every version stored and every current row, by load"
check_eq 0 "$(sqlite3 "$T/new.db" "SELECT count(*) FROM source_row
	WHERE superseded_by IS NULL AND escalation_id NOT IN (SELECT id FROM escalation)")" \
	"every current row belongs to an escalation that exists"

# A row moved to another case leaves an escalation to delete: the case it
# left must not delete, by its old id, an escalation built since (SQLite
# hands a deleted highest id out again).  Which case is settled first
# depends on the key: six small warehouses, six keys.
H=$(head -n 1 "$G")
moved=0
for i in 1 2 3 4 5 6; do
	"$OV" -w "$T/m$i.db" init >/dev/null
	printf '%s\n%s\n' "$H" "A1,devon,dc-police,devon-cs,CASE$i,child,2025-08-22,threshold,case,n,n,2025-08-22,,,,,open,,n," >"$T/m1.csv"
	printf '%s\n%s\n' "$H" "B1,devon,devon-cs,dc-police,CASE$i,child,2025-08-26,threshold,case,n,n,2025-08-26,,,,,open,,n," >"$T/m2.csv"
	printf '%s\n%s\n' "$H" "B1,devon,devon-cs,dc-police,OTHER$i,child,2025-08-26,threshold,case,n,n,2025-08-26,,,,,open,,n," >"$T/m3.csv"
	"$OV" -w "$T/m$i.db" load --quiet "$T/m1.csv" "$T/m2.csv" "$T/m3.csv" >/dev/null
	# A1 and B1 merge (1 working day apart, the same two agencies); B1
	# then moves: two escalations of one source each
	[ "$(sqlite3 "$T/m$i.db" "SELECT count(*), min(n_sources), max(n_sources) FROM escalation")" = "2|1|1" ] &&
		moved=$((moved + 1))
done
check_eq 6 "$moved" "a moved row leaves two escalations, whichever case settles first"
# A first load holds each new case back for the rows of it that follow
# (etl/pend.h: at most 512 rows, 64 of one case).  a.csv's 12,000 rows
# into an empty warehouse, the usual way and re-deriving after each row:
# the same counts and the same tables.
for w in fresh fresh_old; do
	cp "$T/new.db.key" "$T/$w.db.key"
	"$OV" -w "$T/$w.db" init >/dev/null
done
"$OV" -w "$T/fresh.db" load --quiet "$T/a.csv" >"$T/fresh.out" 2>&1
OVERSIGHT_BULK=never OVERSIGHT_RECONCILE_EACH_ROW=1 "$OV" -w "$T/fresh_old.db" load --quiet "$T/a.csv" \
	>"$T/fresh_old.out" 2>&1
check_cmp "$T/fresh_old.out" "$T/fresh.out" "a first load: the same counts"
dump "$T/fresh_old.db" >"$T/fresh_old.dump"
dump "$T/fresh.db" >"$T/fresh.dump"
check_cmp "$T/fresh_old.dump" "$T/fresh.dump" "a first load: every table holds the same"

# two_ways NAME: NAME.csv loaded into a new warehouse NAME the usual way
# (its --json line in NAME.out), and into NAME_old with the same key
# re-deriving each case after each of its rows; both dumped.
two_ways() {
	for w in "$1" "$1_old"; do
		cp "$T/new.db.key" "$T/$w.db.key"
		"$OV" -w "$T/$w.db" init >/dev/null
	done
	"$OV" -w "$T/$1.db" load --json --quiet "$T/$1.csv" >"$T/$1.out" 2>&1
	OVERSIGHT_BULK=never OVERSIGHT_RECONCILE_EACH_ROW=1 "$OV" -w "$T/$1_old.db" load --quiet \
		"$T/$1.csv" >/dev/null 2>&1
	dump "$T/$1_old.db" >"$T/$1_old.dump"
	dump "$T/$1.db" >"$T/$1.dump"
}

# One case: a row of its own, then 70 escalations each logged by both
# agencies on the same day, a fortnight apart (at least 6 working days,
# whatever the bank holidays, so more than 3: 70 escalations of 2 rows).
# The window holds 64 rows of a case: the 65th is the second row of the
# 32nd pair, so the case leaves the window between the two rows of a pair,
# and the pair's second row is settled at the end with the first, written.
# Then 1,100 rows of cases of their own push every case out of the
# window, and a 71st pair of the long case comes.  By hand: 1,243 rows
# read; 71 pairs, each one escalation, so 71 merged and 1,172 loaded; the
# pairs' rows make 71 escalations of 2 rows each.
{
	echo "$H"
	echo "LS0,devon,dc-police,devon-cs,LONG1,child,2023-12-18,threshold,case,n,n,2023-12-18,,,,,open,,n,"
	i=0
	while [ $i -lt 70 ]; do
		d=$(date -u -d "2024-01-01 + $((14 * i)) days" +%F)
		echo "LA$i,devon,dc-police,devon-cs,LONG1,child,$d,threshold,case,n,n,$d,,,,,open,,n,"
		echo "LB$i,devon,devon-cs,dc-police,LONG1,child,$d,threshold,case,n,n,$d,,,,,open,,n,"
		i=$((i + 1))
	done
	awk 'BEGIN { for (j = 0; j < 1100; j++)
		printf "F%d,devon,nhs-devon,devon-cs,FILL%d,child,2025-06-02,threshold,case,n,n,2025-06-02,,,,,open,,n,\n", j, j }'
	echo "LA70,devon,dc-police,devon-cs,LONG1,child,2026-09-07,threshold,case,n,n,2026-09-07,,,,,open,,n,"
	echo "LB70,devon,devon-cs,dc-police,LONG1,child,2026-09-07,threshold,case,n,n,2026-09-07,,,,,open,,n,"
} >"$T/long.csv"
two_ways long
check_eq '{"file": "'"$T/long.csv"'", "read": 1243, "loaded": 1172, "updated": 0, "unchanged": 0, "merged": 71, "rejected": 0}' \
	"$(cat "$T/long.out")" "a long case: 1,243 read, 1,172 loaded, 71 merged"
check_eq "1172" "$(sqlite3 "$T/long.db" "SELECT count(*) FROM escalation")" \
	"a long case: 1,172 escalations"
check_eq "71|2|2" "$(sqlite3 "$T/long.db" "SELECT count(*), min(n), max(n) FROM (SELECT count(*) AS n
	FROM source_row WHERE ref LIKE 'LA%' OR ref LIKE 'LB%' GROUP BY escalation_id)")" \
	"a long case: the pairs make 71 escalations of 2 rows each"
check_cmp "$T/long_old.dump" "$T/long.dump" "a long case: every table holds the same as re-deriving after each row"
# A case that comes back long after its rows have left the window, in a
# first load: a row raised more than 3 working days after every row the
# load has given of its case can join none of them, and is held back as a
# case new to the load, with the rows that follow it (etl/settle.h
# settle_day(), etl/pend.h); a row that may join a row written before is
# settled at the end, as before, with the rows held (KE below).  Case K,
# Devon (England and Wales), with 600 rows of cases of their own after its
# first row:
#   KA dc-police -> devon-cs  Mon 2025-01-06
#   KB devon-cs -> dc-police  Mon 2025-03-03  weeks after KA: its own
#   KC dc-police -> devon-cs  Tue 03-04  1 working day after KB, the same
#                                        pair in the other order: joins KB
#   KD education -> devon-cs  Wed 03-05  another pair: its own
#   KE dc-police -> devon-cs  Tue 01-07  earlier than the rows before it,
#                                        1 working day after KA: joins KA
#   KF nhs-devon -> devon-cs  Mon 06-02  months after them all: its own
# By hand: 606 rows read; K makes 4 escalations ({KA, KE}, {KB, KC}, {KD},
# {KF}), the other rows 600, so 604 loaded and 2 merged (KC, KE).
{
	echo "$H"
	echo "KA,devon,dc-police,devon-cs,CASEK,child,2025-01-06,threshold,case,n,n,2025-01-06,,,,,open,,n,"
	awk 'BEGIN { for (j = 0; j < 600; j++)
		printf "G%d,devon,nhs-devon,devon-cs,GAP%d,child,2025-02-03,threshold,case,n,n,2025-02-03,,,,,open,,n,\n", j, j }'
	echo "KB,devon,devon-cs,dc-police,CASEK,child,2025-03-03,threshold,case,n,n,2025-03-03,,,,,open,,n,"
	echo "KC,devon,dc-police,devon-cs,CASEK,child,2025-03-04,threshold,case,n,n,2025-03-04,,,,,open,,n,"
	echo "KD,devon,education,devon-cs,CASEK,child,2025-03-05,threshold,case,n,n,2025-03-05,,,,,open,,n,"
	echo "KE,devon,dc-police,devon-cs,CASEK,child,2025-01-07,threshold,case,n,n,2025-01-07,,,,,open,,n,"
	echo "KF,devon,nhs-devon,devon-cs,CASEK,child,2025-06-02,threshold,case,n,n,2025-06-02,,,,,open,,n,"
} >"$T/back.csv"
two_ways back
check_eq '{"file": "'"$T/back.csv"'", "read": 606, "loaded": 604, "updated": 0, "unchanged": 0, "merged": 2, "rejected": 0}' \
	"$(cat "$T/back.out")" "a case come back: 606 read, 604 loaded, 2 merged"
check_eq "KA,KE KB,KC KD KF" "$(sqlite3 "$T/back.db" "SELECT group_concat(refs, ' ') FROM (SELECT
	group_concat(ref, ',') AS refs FROM (SELECT ref, escalation_id FROM source_row
	WHERE ref LIKE 'K%' ORDER BY ref) GROUP BY escalation_id ORDER BY refs)")" \
	"a case come back: its escalations are {KA, KE}, {KB, KC}, {KD}, {KF}"
check_cmp "$T/back_old.dump" "$T/back.dump" "a case come back: every table holds the same as re-deriving after each row"
finish
