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
# a warehouse of a few hundred rows, is built the bulk way).
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
files=$(ls "$ROOT"/fixtures/*/*.csv | grep -v activity.csv)
for f in $files "$T/a.csv" "$T/b.csv" "$T/c.csv" "$T/d.csv" "$T/c.csv"; do
	"$OV" -w "$T/new.db" load --quiet "$f" >>"$T/new.out" 2>>"$T/new.err"
	OVERSIGHT_BULK=never OVERSIGHT_RECONCILE_EACH_ROW=1 "$OV" -w "$T/old.db" load --quiet "$f" \
		>>"$T/old.out" 2>>"$T/old.err"
	OVERSIGHT_BULK=never OVERSIGHT_SETTLE_CAP=50 "$OV" -w "$T/cap.db" load --quiet "$f" \
		>>"$T/cap.out" 2>>"$T/cap.err"
	OVERSIGHT_BULK=always "$OV" -w "$T/bulk.db" load --quiet "$f" >>"$T/bulk.out" 2>>"$T/bulk.err"
done
# (less the time a file already loaded was loaded at)
sed -i 's/ on [0-9T:Z-]*;/;/' "$T/old.out" "$T/new.out" "$T/cap.out" "$T/bulk.out"
check_cmp "$T/old.out" "$T/new.out" "the same counts, file by file"
check_cmp "$T/old.out" "$T/cap.out" "the same counts settling every 50 changes"
check_cmp "$T/old.out" "$T/bulk.out" "the same counts with the indexes built after the rows"
check_cmp "$T/old.err" "$T/new.err" "the same messages"

dump() {
	sqlite3 "$1" "
	CREATE TEMP TABLE sig AS SELECT escalation_id AS esc, min(id) AS sig FROM source_row
		WHERE superseded_by IS NULL AND escalation_id IS NOT NULL GROUP BY escalation_id;
	SELECT 'escalation', s.sig, e.partnership, e.pseudo, e.raised_by, e.raised_with, e.case_key,
		e.subject, e.raised_on, e.theme, e.category, e.serious_concern, e.stuck, e.stage1_on,
		e.stage2_on, e.stage3_on, e.stage4_on, e.stage5_on, e.top_stage, e.status, e.closed_on,
		e.learning, e.learning_theme, e.n_sources
		FROM escalation e LEFT JOIN sig s ON s.esc = e.id ORDER BY 2, 3, 4;
	SELECT 'stage_event', s.sig, t.partnership, t.stage, t.entered_on, t.completed_on, t.due_on
		FROM stage_event t LEFT JOIN sig s ON s.esc = t.escalation_id ORDER BY 2, 4;
	SELECT 'conflict', s.sig, c.field, c.kept, c.other
		FROM conflict c LEFT JOIN sig s ON s.esc = c.escalation_id ORDER BY 2, 3, 4, 5;
	SELECT 'source_row', r.id, r.partnership, r.ref, r.load_id, r.line, r.superseded_by,
		r.digest, r.raised_by, r.raised_with, r.case_key, r.subject, r.raised_on, r.theme,
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
finish
