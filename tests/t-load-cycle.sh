#!/bin/sh
# t-load-cycle.sh - "oversight load" over time and across agencies: the
# quarterly re-export (updated / unchanged rows, history, rows missing from
# a later export) and reconciliation (DESIGN.md "Definitions",
# Reconciliation).
#
# Working days were counted by hand on a 2025 calendar:
#   England: Fri 22 Aug; Sat 23, Sun 24; Mon 25 Aug summer bank holiday;
#            Tue 26 (1), Wed 27 (2), Thu 28 (3), Fri 29 (4).
#            Thu 31 Jul; Fri 1 Aug (1), Mon 4 (2), Tue 5 (3), Wed 6 (4).
#   Scotland: Thu 31 Jul; Fri 1 Aug (1); Mon 4 Aug summer bank holiday;
#            Tue 5 (2), Wed 6 (3), Thu 7 (4).
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-09-30

H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme

# row [field=value]...: one CSV row, a good open devon escalation unless
# fields are overridden.
row() {
	f_ref=R1 f_partnership=devon f_raised_by=dc-police f_raised_with=devon-cs f_case_ref=
	f_subject=child f_raised_on=2025-07-01 f_theme=threshold f_category=case
	f_serious_concern=n f_stuck=n f_stage1_on=2025-07-01 f_stage2_on= f_stage3_on=
	f_stage4_on= f_stage5_on= f_status=open f_closed_on= f_learning=n f_learning_theme=
	for kv in "$@"; do
		eval "f_${kv%%=*}=\${kv#*=}"
	done
	printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' \
		"$f_ref" "$f_partnership" "$f_raised_by" "$f_raised_with" "$f_case_ref" \
		"$f_subject" "$f_raised_on" "$f_theme" "$f_category" "$f_serious_concern" \
		"$f_stuck" "$f_stage1_on" "$f_stage2_on" "$f_stage3_on" "$f_stage4_on" \
		"$f_stage5_on" "$f_status" "$f_closed_on" "$f_learning" "$f_learning_theme"
}
counts() {
	printf '{"file": "%s", "read": %s, "loaded": %s, "updated": %s, "unchanged": %s, "merged": %s, "rejected": %s}' \
		"$1" "$2" "$3" "$4" "$5" "$6" "$7"
}
# The whole escalation table without ids, in a fixed order.  pseudo and
# case_key are keyed hashes: warehouses compared here share one key file.
escalations() {
	sqlite3 "$1" "SELECT partnership, pseudo, raised_by, raised_with, hex(case_key), subject,
		raised_on, theme, category, serious_concern, stuck, stage1_on, stage2_on, stage3_on,
		stage4_on, stage5_on, top_stage, status, closed_on, learning, learning_theme, n_sources
		FROM escalation ORDER BY pseudo, raised_on"
}
stage_events() {
	sqlite3 "$1" "SELECT e.pseudo, se.stage, se.entered_on, se.completed_on, se.due_on
		FROM stage_event se JOIN escalation e ON e.id = se.escalation_id ORDER BY 1, 2"
}
# esc DB REF COLUMNS: columns of the escalation a current source row is in.
esc() {
	sqlite3 "$1" "SELECT $3 FROM escalation WHERE id = (SELECT escalation_id FROM source_row
		WHERE ref = '$2' AND superseded_by IS NULL)"
}

# One key for every warehouse of this file, so their pseudonyms compare.
head -c 32 /dev/urandom >"$T/shared.key"
chmod 600 "$T/shared.key"
ov() { db=$1; shift; "$OV" -w "$db" --key-file "$T/shared.key" "$@"; }

# --- 3. the quarterly cycle -----------------------------------------------
# June's export of one agency's log ...
{
	echo "$H"
	row ref=J1 case_ref=CASEJ1 raised_on=2025-06-02 stage1_on=2025-06-02
	row ref=J2 case_ref=CASEJ2 raised_by=nhs-devon raised_on=2025-06-10 stage1_on=2025-06-10 stage2_on=2025-06-16
	row ref=J3 raised_by=education raised_with=iru raised_on=2025-06-20 stage1_on=2025-06-20 category=iru
} >"$T/june.csv"
# ... and September's: J1 reached stage 2, J2 was resolved, J3 is as it
# was, J4 is new.
{
	echo "$H"
	row ref=J1 case_ref=CASEJ1 raised_on=2025-06-02 stage1_on=2025-06-02 stage2_on=2025-07-10
	row ref=J2 case_ref=CASEJ2 raised_by=nhs-devon raised_on=2025-06-10 stage1_on=2025-06-10 stage2_on=2025-06-16 status=resolved closed_on=2025-08-01 learning=y learning_theme=shared-chronology
	row ref=J3 raised_by=education raised_with=iru raised_on=2025-06-20 stage1_on=2025-06-20 category=iru
	row ref=J4 case_ref=CASEJ4 raised_by=devon-cs raised_with=education raised_on=2025-08-11 stage1_on=2025-08-11
} >"$T/september.csv"

check_ok "init (june then september)" ov "$T/js.db" init
ov "$T/js.db" load --json "$T/june.csv" >"$T/out"
check_eq "$(counts "$T/june.csv" 3 3 0 0 0 0)" "$(cat "$T/out")" "june: 3 loaded"
ov "$T/js.db" load --json "$T/september.csv" >"$T/out"
check_eq "$(counts "$T/september.csv" 4 1 2 1 0 0)" "$(cat "$T/out")" \
	"september: J4 loaded, J1 and J2 updated, J3 unchanged"
ov "$T/js.db" load "$T/september.csv" >"$T/out"
check_grep "read 0, .* already loaded" "$T/out" "september again: read 0"

check_ok "init (september alone)" ov "$T/s.db" init
ov "$T/s.db" load --json "$T/september.csv" >"$T/out"
check_eq "$(counts "$T/september.csv" 4 4 0 0 0 0)" "$(cat "$T/out")" "september alone: 4 loaded"

escalations "$T/js.db" >"$T/js.esc"
escalations "$T/s.db" >"$T/s.esc"
check_eq 4 "$(wc -l <"$T/js.esc" | tr -d ' ')" "june then september: 4 escalations"
check_cmp "$T/s.esc" "$T/js.esc" "june then september = september alone (escalation table)"
stage_events "$T/js.db" >"$T/js.se"
stage_events "$T/s.db" >"$T/s.se"
check_cmp "$T/s.se" "$T/js.se" "june then september = september alone (stage events)"
check_eq "2025-07-10|2|open" "$(esc "$T/js.db" J1 "stage2_on || '|' || top_stage || '|' || status")" \
	"J1: the stage added in september is held"
check_eq "resolved|2025-08-01|1|shared-chronology" \
	"$(esc "$T/js.db" J2 "status || '|' || closed_on || '|' || learning || '|' || learning_theme")" \
	"J2: the closure in september is held"
# J2's stage 2 is completed on its closure now (it was not in june).
check_eq "2025-08-01" "$(sqlite3 "$T/js.db" "SELECT completed_on FROM stage_event se
	JOIN source_row s ON s.escalation_id = se.escalation_id
	WHERE s.ref = 'J2' AND s.superseded_by IS NULL AND se.stage = 2")" "J2: stage 2 completed on the closure"

# History: every version with the load that brought it; the unchanged J3
# has one version only.
cat >"$T/want" <<'EOF'
J1|1||superseded
J1|2|2025-07-10|current
J2|1|2025-06-16|superseded
J2|2|2025-06-16|current
J3|1||current
J4|2||current
EOF
sqlite3 "$T/js.db" "SELECT ref, load_id, coalesce(stage2_on, ''),
	CASE WHEN superseded_by IS NULL THEN 'current' ELSE 'superseded' END
	FROM source_row ORDER BY ref, id" >"$T/got"
check_cmp "$T/want" "$T/got" "superseded versions stay in source_row with their load id"
check_eq "open||1" "$(sqlite3 "$T/js.db" "SELECT status || '|' || coalesce(closed_on, '') || '|' || load_id
	FROM source_row WHERE ref = 'J2' AND superseded_by IS NOT NULL")" "the superseded J2 is the open june version"
check_eq "0" "$(sqlite3 "$T/js.db" "SELECT count(*) FROM source_row WHERE superseded_by IS NOT NULL AND escalation_id IS NOT NULL")" \
	"superseded versions belong to no escalation"

# December's export lacks J3 and J4 (a row missing from a later export is
# kept, not deleted); J1 and J2 are as in september.
{ echo "$H"; sed -n '2,3p' "$T/september.csv"; } >"$T/december.csv"
ov "$T/js.db" load --json "$T/december.csv" >"$T/out"
check_eq "$(counts "$T/december.csv" 2 0 0 2 0 0)" "$(cat "$T/out")" "december: J1 and J2 unchanged"
escalations "$T/js.db" >"$T/dec.esc"
check_cmp "$T/js.esc" "$T/dec.esc" "december: J3 and J4, missing from it, are kept"
check_eq 6 "$(sqlite3 "$T/js.db" "SELECT count(*) FROM source_row")" "december: no source row added or deleted"

# A ref that moves to another case: the escalation of the old case is
# re-derived without it.
check_ok "init (moved ref)" ov "$T/mv.db" init
{
	echo "$H"
	row ref=A1 case_ref=CASEMV raised_on=2025-08-22 stage1_on=2025-08-22
} >"$T/mv-a.csv"
{
	echo "$H"
	row ref=B1 case_ref=CASEMV raised_by=devon-cs raised_with=dc-police raised_on=2025-08-26 stage1_on=2025-08-26
} >"$T/mv-b.csv"
ov "$T/mv.db" load --quiet "$T/mv-a.csv" "$T/mv-b.csv" >/dev/null
check_eq "1|2" "$(sqlite3 "$T/mv.db" "SELECT count(*), max(n_sources) FROM escalation")" "A1 and B1 merged (1 working day)"
{
	echo "$H"
	row ref=B1 case_ref=CASEOTHER raised_by=devon-cs raised_with=dc-police raised_on=2025-08-26 stage1_on=2025-08-26
} >"$T/mv-b2.csv"
ov "$T/mv.db" load --json "$T/mv-b2.csv" >"$T/out"
check_eq "$(counts "$T/mv-b2.csv" 1 0 1 0 0 0)" "$(cat "$T/out")" "B1 corrected to another case: updated"
check_eq "2|1|1" "$(sqlite3 "$T/mv.db" "SELECT count(*), min(n_sources), max(n_sources) FROM escalation")" \
	"B1 moved: two escalations of one source each"
check_eq "2025-08-22|dc-police" "$(esc "$T/mv.db" A1 "raised_on || '|' || raised_by")" "A1 stands alone again"

# --- 4. reconciliation ------------------------------------------------------
check_ok "init (reconciliation)" ov "$T/rc.db" init
# Police's log (dc-police) and children's services' log (devon-cs).
{
	echo "$H"
	# M: merged across a weekend and a bank holiday (3 working days).
	row ref=P-M case_ref=CS104233 raised_on=2025-08-22 stage1_on=2025-08-22 stage2_on=2025-09-03
	# N: 4 working days apart: not merged.
	row ref=P-N case_ref=CS200001 raised_on=2025-08-22 stage1_on=2025-08-22
	# D: another pair of agencies: not merged.
	row ref=P-D case_ref=CS300001 raised_on=2025-08-22 stage1_on=2025-08-22
	# X: no case reference: never merged.
	row ref=P-X raised_on=2025-08-22 stage1_on=2025-08-22
	# C: closed by police, open for children's services: the closure stands.
	row ref=P-C case_ref=CS700001 raised_on=2025-08-22 stage1_on=2025-08-22 status=resolved closed_on=2025-08-27
	# E: 31 Jul to 6 Aug is 4 working days in England: not merged.
	row ref=P-E case_ref=CS600001 raised_on=2025-07-31 stage1_on=2025-07-31
} >"$T/police.csv"
{
	echo "$H"
	row ref=S-M case_ref="cs 104 233" raised_by=devon-cs raised_with=dc-police raised_on=2025-08-28 theme=information-sharing stage1_on=2025-08-28 stage2_on=2025-09-01 stage3_on=2025-09-05 status=resolved closed_on=2025-09-10
	row ref=S-N case_ref=CS200001 raised_by=devon-cs raised_with=dc-police raised_on=2025-08-29 stage1_on=2025-08-29
	row ref=S-D case_ref=CS300001 raised_by=devon-cs raised_with=nhs-devon raised_on=2025-08-22 stage1_on=2025-08-22
	row ref=S-X raised_by=devon-cs raised_with=dc-police raised_on=2025-08-22 stage1_on=2025-08-22
	row ref=S-C case_ref=cs700001 raised_by=devon-cs raised_with=dc-police raised_on=2025-08-25 stage1_on=2025-08-25
	row ref=S-E case_ref=CS600001 raised_by=devon-cs raised_with=dc-police raised_on=2025-08-06 stage1_on=2025-08-06
} >"$T/social.csv"
ov "$T/rc.db" load --json "$T/police.csv" >"$T/out"
check_eq "$(counts "$T/police.csv" 6 6 0 0 0 0)" "$(cat "$T/out")" "police log: 6 loaded"
ov "$T/rc.db" load --json "$T/social.csv" >"$T/out"
check_eq "$(counts "$T/social.csv" 6 4 0 0 2 0)" "$(cat "$T/out")" \
	"children's services log: M and C merged, N, D, X, E loaded"
check_eq "10|12" "$(sqlite3 "$T/rc.db" "SELECT count(*), sum(n_sources) FROM escalation")" \
	"12 source rows make 10 escalations"
check_eq "2" "$(esc "$T/rc.db" S-M n_sources)" "M: one escalation with both sources"
check_eq "$(esc "$T/rc.db" P-M id)" "$(esc "$T/rc.db" S-M id)" "M: both rows link to the same escalation"
# Earliest raised_on and stage dates, every stage either reached, the
# closure recorded by either; raised_by/theme are the earliest row's.
check_eq "dc-police|devon-cs|2025-08-22|threshold|2025-08-22|2025-09-01|2025-09-05|3|resolved|2025-09-10" \
	"$(esc "$T/rc.db" P-M "raised_by || '|' || raised_with || '|' || raised_on || '|' || theme || '|' ||
		stage1_on || '|' || stage2_on || '|' || stage3_on || '|' || top_stage || '|' || status || '|' || closed_on")" \
	"M: earliest dates, every stage, the closure"
check_eq "theme|threshold|information-sharing" "$(sqlite3 "$T/rc.db" "SELECT field || '|' || kept || '|' || other
	FROM conflict WHERE field = 'theme'")" "M: the theme conflict is recorded"
check_eq "$(esc "$T/rc.db" P-M id)" "$(sqlite3 "$T/rc.db" "SELECT escalation_id FROM conflict WHERE field = 'theme'")" \
	"M: the conflict belongs to the merged escalation"
check_eq "raised_on|2025-08-22|2025-08-28" "$(sqlite3 "$T/rc.db" "SELECT field || '|' || kept || '|' || other
	FROM conflict WHERE escalation_id = $(esc "$T/rc.db" P-M id) AND field = 'raised_on'")" \
	"M: the raised_on disagreement is recorded"
# stage events of the merged escalation.
check_eq "1|2025-08-22|2025-09-01
2|2025-09-01|2025-09-05
3|2025-09-05|2025-09-10" "$(sqlite3 "$T/rc.db" "SELECT stage || '|' || entered_on || '|' || completed_on
	FROM stage_event WHERE escalation_id = $(esc "$T/rc.db" P-M id) ORDER BY stage")" \
	"M: stage events of the merged escalation"

check_eq "1 1" "$(esc "$T/rc.db" P-N n_sources) $(esc "$T/rc.db" S-N n_sources)" "N: 4 working days apart: two escalations"
check_eq "1 1" "$(esc "$T/rc.db" P-D n_sources) $(esc "$T/rc.db" S-D n_sources)" "D: another pair: two escalations"
check_eq "1 1" "$(esc "$T/rc.db" P-X n_sources) $(esc "$T/rc.db" S-X n_sources)" "X: no case_ref: two escalations"
check_eq "1 1" "$(esc "$T/rc.db" P-E n_sources) $(esc "$T/rc.db" S-E n_sources)" "E: 4 working days in England: two escalations"
check_eq "2|2025-08-22|resolved|2025-08-27|2025-08-22" \
	"$(esc "$T/rc.db" S-C "n_sources || '|' || raised_on || '|' || status || '|' || closed_on || '|' || stage1_on")" \
	"C: merged (bank holiday raised_on: 0 working days); police's closure stands"
check_eq "2" "$(sqlite3 "$T/rc.db" "SELECT count(*) FROM escalation WHERE case_key IS NULL")" \
	"escalations without a case reference have no case_key"

# Scotland: Monday 4 August is a bank holiday there.
{
	echo "$H"
	row ref=PK-A1 partnership=perth-kinross raised_by=police-scotland raised_with=pk-sw case_ref=PK500001 raised_on=2025-07-31 stage1_on=2025-07-31
	row ref=PK-B1 partnership=perth-kinross raised_by=police-scotland raised_with=pk-sw case_ref=PK500002 raised_on=2025-07-31 stage1_on=2025-07-31
} >"$T/pk-police.csv"
{
	echo "$H"
	row ref=PK-A2 partnership=perth-kinross raised_by=pk-sw raised_with=police-scotland case_ref=PK500001 raised_on=2025-08-06 stage1_on=2025-08-06
	row ref=PK-B2 partnership=perth-kinross raised_by=pk-sw raised_with=police-scotland case_ref=PK500002 raised_on=2025-08-07 stage1_on=2025-08-07
} >"$T/pk-sw.csv"
ov "$T/rc.db" load --json "$T/pk-police.csv" "$T/pk-sw.csv" >"$T/out"
printf '%s\n%s\n' "$(counts "$T/pk-police.csv" 2 2 0 0 0 0)" "$(counts "$T/pk-sw.csv" 2 1 0 0 1 0)" >"$T/want"
check_cmp "$T/want" "$T/out" "perth-kinross: 31 Jul and 6 Aug merged (3 working days), 7 Aug not (4)"
check_eq "2" "$(esc "$T/rc.db" PK-A2 n_sources)" "scotland: 3 working days over the August bank holiday: merged"
check_eq "1 1" "$(esc "$T/rc.db" PK-B1 n_sources) $(esc "$T/rc.db" PK-B2 n_sources)" "scotland: 4 working days: two"

# The same case reference in another partnership is another case.
{
	echo "$H"
	row ref=G-M partnership=gloucestershire raised_by=glos-police raised_with=glos-cs case_ref=CS104233 raised_on=2025-08-22 stage1_on=2025-08-22
} >"$T/glos.csv"
ov "$T/rc.db" load --json "$T/glos.csv" >"$T/out"
check_eq "$(counts "$T/glos.csv" 1 1 0 0 0 0)" "$(cat "$T/out")" "same case_ref in another partnership: not merged"

# Reconciliation depends on the rows, not on the order of loading: the
# two logs loaded the other way round give the same escalations.
check_ok "init (other order)" ov "$T/rc2.db" init
ov "$T/rc2.db" load --json "$T/social.csv" "$T/police.csv" >"$T/out"
printf '%s\n%s\n' "$(counts "$T/social.csv" 6 6 0 0 0 0)" "$(counts "$T/police.csv" 6 4 0 0 2 0)" >"$T/want"
check_cmp "$T/want" "$T/out" "other order: children's services loaded, police merged"
escalations "$T/rc2.db" >"$T/rc2.esc"
sqlite3 "$T/rc.db" "DELETE FROM escalation WHERE partnership <> 'devon'"
escalations "$T/rc.db" >"$T/rc.esc"
check_cmp "$T/rc.esc" "$T/rc2.esc" "other order: the same escalations"

# An update re-derives the reconciliation: children's services correct
# S-M's raised_on to 29 August (4 working days after police's 22nd), so
# it no longer joins P-M.
sed 's/^S-M,devon,devon-cs,dc-police,cs 104 233,child,2025-08-28,information-sharing,case,n,n,2025-08-28,/S-M,devon,devon-cs,dc-police,cs 104 233,child,2025-08-29,information-sharing,case,n,n,2025-08-29,/' \
	"$T/social.csv" >"$T/social2.csv"
check_eq 1 "$(grep -c '^S-M,.*,2025-08-29,information' "$T/social2.csv")" "(the corrected file differs in S-M only)"
ov "$T/rc2.db" load --json "$T/social2.csv" >"$T/out"
check_eq "$(counts "$T/social2.csv" 6 0 1 5 0 0)" "$(cat "$T/out")" "S-M corrected: updated 1, unchanged 5"
check_eq "1 1" "$(esc "$T/rc2.db" P-M n_sources) $(esc "$T/rc2.db" S-M n_sources)" "S-M no longer merged: two escalations"
check_eq "2025-08-22|2025-09-03|2|open" \
	"$(esc "$T/rc2.db" P-M "raised_on || '|' || stage2_on || '|' || top_stage || '|' || status")" \
	"P-M alone again: its own stages and status"
check_eq "0" "$(sqlite3 "$T/rc2.db" "SELECT count(*) FROM conflict WHERE field = 'theme'")" \
	"the un-merged escalation's conflicts are gone"

finish
