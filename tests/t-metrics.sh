#!/bin/sh
# t-metrics.sh - "oversight metrics --json": every figure of DESIGN.md
# ("Definitions") on small hand-made logs, against values worked out BY
# HAND in the comments beside each check (never copied from the program).
#
# Scenarios, each in its own warehouse:
#   nel     North East Lincolnshire (England): "by working day N" deadlines
#           (stages 1-5: 2, 8, 11, 15, 22), weekend and bank-holiday
#           raising, gaps, a stage entered after its deadline, open
#           (breached / pending), withdrawn, a duplicate across agencies,
#           an even median, --as-of, a later export that must not change
#           a past quarter, and the schema itself.
#   dg      Dumfries & Galloway (Scotland): stage 4 "within 7 working days
#           of entering it" across the Scottish bank holiday 2025-08-04.
#   glos    Gloucestershire (England): stage 1 "within 1 working day of
#           raising" across the English bank holiday 2025-08-25.
#   devon   no timescale (breach_rate null), then Devon's local targets.
#   recon   duplicates reconciled in the partnership's own calendar.
#   pk      Perth & Kinross: the funnel, silent agencies, provisional SPC.
#   spc     Devon: a 24-month SPC series with a run below the mean.
#
# Calendars used below (weekdays checked with date(1), not with oversight):
#   July 2025:  Tue 1 ... Fri 4; Mon 7-Fri 11; 14-18; 21-25; 28-31.
#   August:     Fri 1; Mon 4-Fri 8; 11-15; 18-22; Mon 25-Fri 29.
#   September:  Mon 1-5; 8-12; 15-19; 22-26; Mon 29, Tue 30.
#   October:    Wed 1-Fri 3; Mon 6-10; 13-17; 20-24.
#   England and Wales: Mon 2025-08-25 is a bank holiday, 2025-08-04 is not.
#   Scotland: Mon 2025-08-04 is a bank holiday, 2025-08-25 is not.
#
# JSON is read with jq (tools/deps.sh installs it).
. "$(dirname "$0")/lib.sh"

if ! command -v jq >/dev/null 2>&1; then
	echo "not ok 1 - jq is needed to read the JSON (sh tools/deps.sh installs it)"
	exit 1
fi

export OVERSIGHT_TODAY=2025-12-31

# ov DB ARGS...: run oversight on warehouse DB.
ov() {
	db=$1
	shift
	OVERSIGHT_WAREHOUSE="$db" "$OV" "$@"
}
# met DB OUT ARGS...: metrics --json of DB into OUT.
met() {
	db=$1 out=$2
	shift 2
	ov "$db" metrics --json "$@" >"$out" 2>"$T/met.err" || {
		echo "# metrics $*: exit $?"
		sed 's/^/#   /' "$T/met.err"
	}
}
# jv FILE FILTER: the compact value of a jq filter.
jv() { jq -c "$2" "$1"; }
# jv4 FILE FILTER: the same, floats rounded to 4 significant digits (lib.sh).
jv4() { jq -c "$JQ_SIG4 $2 | sig4all" "$1"; }

H5=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme
H4=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,stage1_on,stage2_on,stage3_on,stage4_on,status,closed_on,learning,learning_theme

# ===========================================================================
# 1. North East Lincolnshire, 2025-Q3
# ===========================================================================
# The logs as exported on 2025-09-30: children's services hold the rows of
# nel-cs, education, health and focus (one file keeps the test short);
# Humberside Police send their own.  NCS-02 is children's services' copy
# of police's NHP-02 (same case "NL1234567" / "nl 123 4567", same pair):
# Fri 4 Jul to Mon 7 Jul is 1 working day (<= 3), so they are one
# escalation, raised 2025-07-04 (the earlier date), stage 1 2025-07-04.
N=north-east-lincolnshire
cat >"$T/nel-sep.csv" <<EOF
$H5
NCS-00,$N,nel-cs,humberside-police,NL0000001,child,2025-06-20,threshold,case,2025-06-20,,,,,open,,n,
NED-00,$N,education,health,NL0000010,child,2025-06-27,plan,case,2025-06-27,,,,,resolved,2025-07-02,y,Recording decisions
NCS-01,$N,nel-cs,health,NL0000101,child,2025-08-23,threshold,case,2025-08-23,2025-08-27,,,,resolved,2025-09-04,y,Threshold understanding
NED-01,$N,education,nel-cs,NL0000103,child,2025-09-23,threshold,case,2025-09-23,2025-09-25,,,,open,,n,
NFO-01,$N,focus,health,AS0000104,adult,2025-09-01,adult-protection-procedures,case,2025-09-01,,,,,open,,n,
NHE-01,$N,health,nel-cs,NL0000105,unborn,2025-07-02,plan,case,2025-07-02,,,,,withdrawn,2025-07-03,n,
NCS-02,$N,humberside-police,nel-cs,NL1234567,child,2025-07-04,threshold,case,2025-07-04,,,,,resolved,2025-07-08,n,
NCS-03,$N,nel-cs,education,NL0000107,child,2025-07-10,drift-delay,case,2025-07-10,,,,,withdrawn,2025-07-11,n,
NHE-02,$N,health,focus,AS0000109,adult,2025-09-15,assessment,case,,2025-09-15,,,,resolved,2025-09-18,n,
NCS-04,$N,nel-cs,nel-cs,,none,2025-07-17,plan,policy,2025-07-17,,,,,open,,n,
NCS-05,$N,nel-cs,humberside-police,NL0000112,child,2025-08-04,meeting-decision,case,2025-08-04,2025-08-06,,,,open,,n,
EOF
cat >"$T/police.csv" <<EOF
$H5
NHP-01,$N,humberside-police,nel-cs,NL0000102,child,2025-08-25,information-sharing,case,2025-08-25,,2025-09-10,,,resolved,2025-09-12,y,Threshold understanding
NHP-02,$N,humberside-police,nel-cs,nl 123 4567,child,2025-07-07,threshold,case,2025-07-07,,,,,resolved,2025-07-08,n,
NHP-03,$N,humberside-police,health,NL0000108,child,2025-07-01,threshold,case,2025-07-01,2025-07-03,2025-07-10,2025-07-15,2025-07-21,resolved,2025-07-31,y,Escalate early
EOF
# Short names used in the working below:
#   N0 NCS-00  N10 NED-00  N1 NCS-01  N3 NED-01  N4 NFO-01  N5 NHE-01
#   N6 NCS-02+NHP-02  N7 NCS-03  N9 NHE-02  N11 NCS-04  N12 NCS-05
#   N2 NHP-01  N8 NHP-03
NEL=$T/nel.db
check_ok "nel: init" ov "$NEL" init
check_ok "nel: load the september logs" ov "$NEL" load --quiet "$T/nel-sep.csv" "$T/police.csv"
check_eq "13|1" "$(sqlite3 "$NEL" "SELECT count(*), sum(n_sources = 2) FROM escalation")" \
	"nel: 14 rows make 13 escalations (NCS-02 and NHP-02 reconciled)"

met "$NEL" "$T/q3.json" --partnership $N --quarter 2025-Q3
J=$T/q3.json

# --- the schema: every key of DESIGN.md's example exists ------------------
check_eq true "$(jv "$J" '[has("partnership","period","raised","open_at_end","resolved",
	"withdrawn","entered_stage","by_agency","by_theme","by_subject","by_category",
	"resolved_at_stage","resolution_working_days","timescales","breach_rate","signals","spc")]
	| all')" "schema: every top-level key"
check_eq true "$(jv "$J" '(.period | [has("from","to","as_of")] | all)
	and (.resolution_working_days | [has("n","median")] | all)
	and (.signals | [has("funnel","silent")] | all)
	and (.spc | [has("months","mean","ucl","lcl","rules")] | all)
	and (.entered_stage[0] | [has("stage","n")] | all)
	and (.by_agency[0] | [has("agency","raised","received")] | all)
	and (.by_theme[0] | [has("theme","raised")] | all)
	and (.by_subject[0] | [has("subject","raised")] | all)
	and (.by_category[0] | [has("category","raised")] | all)
	and (.resolved_at_stage[0] | [has("stage","n")] | all)
	and (.timescales[0] | [has("stage","source","due","met","breached")] | all)
	and (.spc.months[0] | [has("month","n")] | all)')" "schema: every nested key"
# Lists sorted by id (or stage), holding only non-zero figures.
check_eq true "$(jv "$J" '[
	(.by_agency | (map(.agency) == (map(.agency) | sort)) and all(.raised + .received > 0)),
	(.by_theme | (map(.theme) == (map(.theme) | sort)) and all(.raised > 0)),
	(.by_subject | (map(.subject) == (map(.subject) | sort)) and all(.raised > 0)),
	(.by_category | (map(.category) == (map(.category) | sort)) and all(.raised > 0)),
	(.entered_stage | (map(.stage) == (map(.stage) | sort)) and all(.n > 0)),
	(.resolved_at_stage | (map(.stage) == (map(.stage) | sort)) and all(.n > 0))] | all')" \
	"lists: sorted by id, only non-zero ids"

check_eq '"north-east-lincolnshire"' "$(jv "$J" .partnership)" "nel: partnership"
check_eq '{"from":"2025-07-01","to":"2025-09-30","as_of":"2025-09-30"}' "$(jv "$J" .period)" \
	"nel: period, as_of defaults to the last day"

# --- headline ----------------------------------------------------------------
# Raised in Q3 (raised_on 1 Jul-30 Sep): N1 N2 N3 N4 N5 N6 N7 N8 N9 N11
# N12 = 11 (N0 20 Jun and N10 27 Jun are June's; N6 counts once).
# Open at 30 Sep: N0, N3, N4, N11, N12 = 5.
# Resolved in Q3: N1, N2, N6, N8, N9, and N10 (raised in June, closed 2
# Jul) = 6.  Withdrawn in Q3: N5, N7 = 2 (not in "resolved").
check_eq '[11,5,6,2]' "$(jv "$J" '[.raised, .open_at_end, .resolved, .withdrawn]')" \
	"nel: raised 11, open at end 5, resolved 6, withdrawn 2"

# Open at the end is counted from the entries after the end when the end
# is nearer the partnership's last raised_on (2025-09-23: Q3 above), and
# from those before it when nearer its first (2025-06-20): raised by the
# end, less those closed by it.  Both ways give the definition's figure.
# To Thu 10 Jul: raised 1-10 Jul N5 (2 Jul), N6 (4 Jul), N7 (10 Jul), N8
# (1 Jul) = 4; open at 10 Jul N0 (never closed), N7 (withdrawn 11 Jul),
# N8 (resolved 31 Jul) = 3, not N10, N5, N6 (closed 2, 3, 8 Jul);
# resolved N10 (2 Jul), N6 (8 Jul) = 2; withdrawn N5 = 1.
met "$NEL" "$T/early.json" --partnership $N --from 2025-07-01 --to 2025-07-10
check_eq '[4,3,2,1]' "$(jv "$T/early.json" '[.raised, .open_at_end, .resolved, .withdrawn]')" \
	"nel to 10 Jul (an end near the first raised): raised 4, open at end 3, resolved 2, withdrawn 1"
# To Tue 8 Jul: N6 closed on the end itself is not open at it; N7 is not
# raised yet: raised N5, N6, N8 = 3, open N0, N8 = 2, resolved 2,
# withdrawn 1.
met "$NEL" "$T/early8.json" --partnership $N --from 2025-07-01 --to 2025-07-08
check_eq '[3,2,2,1]' "$(jv "$T/early8.json" '[.raised, .open_at_end, .resolved, .withdrawn]')" \
	"nel to 8 Jul: one closed on the end is not open at it (open at end 2)"

# Entered stage N in Q3 (stageN_on in the quarter):
#   1: N1 N2 N3 N4 N5 N6 N7 N8 N11 N12 = 10 (N9 starts at stage 2)
#   2: N1 27 Aug, N3 25 Sep, N8 3 Jul, N9 15 Sep, N12 6 Aug = 5
#   3: N2 10 Sep (a gap: no stage 2), N8 10 Jul = 2;  4: N8;  5: N8
check_eq '[{"stage":1,"n":10},{"stage":2,"n":5},{"stage":3,"n":2},{"stage":4,"n":1},{"stage":5,"n":1}]' \
	"$(jv "$J" .entered_stage)" "nel: entered_stage"

# Raised in Q3, under raised_by / raised_with:
#   nel-cs raised N1 N7 N11 N12 = 4, received N2 N3 N5 N6 N11 = 5
#     (N11 is within nel-cs: counted under both)
#   humberside-police raised N2 N6 N8 = 3, received N12 = 1
#   health raised N5 N9 = 2, received N1 N4 N8 = 3
#   education raised N3, received N7;  focus raised N4, received N9
check_eq '[{"agency":"education","raised":1,"received":1},{"agency":"focus","raised":1,"received":1},{"agency":"health","raised":2,"received":3},{"agency":"humberside-police","raised":3,"received":1},{"agency":"nel-cs","raised":4,"received":5}]' \
	"$(jv "$J" .by_agency)" "nel: by_agency"
# Themes: threshold N1 N3 N6 N8 = 4; plan N5 N11 = 2; one each:
# adult-protection-procedures N4, assessment N9, drift-delay N7,
# information-sharing N2, meeting-decision N12.
check_eq '[{"theme":"adult-protection-procedures","raised":1},{"theme":"assessment","raised":1},{"theme":"drift-delay","raised":1},{"theme":"information-sharing","raised":1},{"theme":"meeting-decision","raised":1},{"theme":"plan","raised":2},{"theme":"threshold","raised":4}]' \
	"$(jv "$J" .by_theme)" "nel: by_theme"
# Subjects: adult N4 N9; none N11; unborn N5; child the other 7.
check_eq '[{"subject":"adult","raised":2},{"subject":"child","raised":7},{"subject":"none","raised":1},{"subject":"unborn","raised":1}]' \
	"$(jv "$J" .by_subject)" "nel: by_subject"
check_eq '[{"category":"case","raised":10},{"category":"policy","raised":1}]' \
	"$(jv "$J" .by_category)" "nel: by_category (N11 is a policy challenge)"
# Resolved in Q3 by highest stage reached: N6 1, N10 1, N1 2, N9 2, N2 3
# (stages 1 and 3: the gap does not matter), N8 5.
check_eq '[{"stage":1,"n":2},{"stage":2,"n":2},{"stage":3,"n":1},{"stage":5,"n":1}]' \
	"$(jv "$J" .resolved_at_stage)" "nel: resolved_at_stage"

# --- resolution time: working days d with raised_on < d <= closed_on ------
#   N10 Fri 27 Jun -> Wed 2 Jul: 30 Jun, 1, 2 Jul          = 3
#   N6  Fri 4 Jul  -> Tue 8 Jul: 7, 8                      = 2
#   N8  Tue 1 Jul  -> Thu 31 Jul: 2 Jul..31 Jul            = 22
#   N1  Sat 23 Aug -> Thu 4 Sep: 26 27 28 29 Aug (25th is a holiday), 1-4 Sep = 8
#   N2  Mon 25 Aug -> Fri 12 Sep: 26-29 Aug, 1-5, 8-12 Sep = 14
#   N9  Mon 15 Sep -> Thu 18 Sep: 16 17 18                 = 3
# Sorted 2 3 3 8 14 22: an even count, median = (3 + 8) / 2 = 5.5.
# Withdrawn N5, N7 are not in it.
check_eq '{"n":6,"median":5.5}' "$(jv "$J" .resolution_working_days)" \
	"nel: resolution time, even count: mean of the middle two"

# --- timescales: "by working day N", day 1 = raised_on if a working day,
# else the next working day ------------------------------------------------
# Day numbers (working days from day 1):
#   N8  Tue 1 Jul: 1=1 Jul 2=2 Jul 8=10 Jul 11=15 Jul 15=21 Jul 22=30 Jul
#   N5  Wed 2 Jul: 2=3 Jul.  N6 Fri 4 Jul: 2=Mon 7 Jul.
#   N7  Thu 10 Jul: 2=11 Jul.  N11 Thu 17 Jul: 2=18 Jul.
#   N12 Mon 4 Aug (a working day in England): 2=5 Aug, 8=13 Aug
#   N1  Sat 23 Aug and N2 Mon 25 Aug (bank holiday): day 1 is Tue 26 Aug,
#       2=27 Aug, 8=4 Sep, 11=9 Sep
#   N4  Mon 1 Sep: 2=2 Sep.  N9 Mon 15 Sep: 8=24 Sep.
#   N3  Tue 23 Sep: 2=24 Sep, 8=Thu 2 Oct (next quarter: not due in Q3)
#   N0 (2=23 Jun) and N10 (2=30 Jun) fell due in Q2.
# Stage completion: the next stage date above, or closed_on at the top.
# Stage 1 (day 2):
#   N1 due 27 Aug, stage 2 27 Aug: met      N2 due 27 Aug, stage 3 10 Sep: breached
#   N3 due 24 Sep, stage 2 25 Sep: breached N4 due 2 Sep, open, nothing: breached
#   N5 due 3 Jul, withdrawn 3 Jul: met      N6 due 7 Jul, closed 8 Jul: breached
#   N7 due 11 Jul, withdrawn 11 Jul: met    N8 due 2 Jul, stage 2 3 Jul: breached
#   N11 due 18 Jul, open: breached          N12 due 5 Aug, stage 2 6 Aug: breached
#   => due 10, met 3, breached 7 (7/10 = 0.7)
#   (Had 25 Aug been counted a working day, N1 would be due 26 Aug and
#   breached; had Scotland's calendar been used, N12 would be met.)
# Stage 2 (day 8):
#   N1 due 4 Sep, closed 4 Sep: met    N8 due 10 Jul, stage 3 10 Jul: met
#   N9 due 24 Sep, closed 18 Sep: met  N12 due 13 Aug, open: breached
#   => due 4, met 3, breached 1 (0.25)
# Stage 3 (day 11):
#   N2 due 9 Sep, entered 10 Sep (after its deadline), closed 12 Sep: breached
#   N8 due 15 Jul, stage 4 15 Jul: met  => due 2, met 1, breached 1 (0.5)
# Stage 4 (day 15): N8 due 21 Jul, stage 5 21 Jul: met  => 1, 1, 0 (0)
# Stage 5 (day 22): N8 due 30 Jul, closed 31 Jul: breached => 1, 0, 1 (1)
# Overall: met 3+3+1+1+0 = 8, breached 7+1+1+0+1 = 10: 10/18 = 0.5556.
check_eq '[{"stage":1,"source":"protocol","due":10,"met":3,"breached":7,"pending":0,"breach_rate":0.7},{"stage":2,"source":"protocol","due":4,"met":3,"breached":1,"pending":0,"breach_rate":0.25},{"stage":3,"source":"protocol","due":2,"met":1,"breached":1,"pending":0,"breach_rate":0.5},{"stage":4,"source":"protocol","due":1,"met":1,"breached":0,"pending":0,"breach_rate":0},{"stage":5,"source":"protocol","due":1,"met":0,"breached":1,"pending":0,"breach_rate":1}]' \
	"$(jv "$J" '[.timescales[] | {stage, source, due, met, breached, pending, breach_rate}]')" \
	"nel: timescales, every stage (by working day 2, 8, 11, 15, 22)"
check_eq '["by_working_day",2,"by_working_day",8,"by_working_day",11,"by_working_day",15,"by_working_day",22]' \
	"$(jv "$J" '[.timescales[] | .kind, .days]')" "nel: timescales are the flowchart's working days"
check_eq 0.5556 "$(jv4 "$J" .breach_rate)" "nel: breach_rate 10/18"

# --- signals: no activity loaded; every agency raised in Q2 or Q3 ----------
check_eq '[[],[]]' "$(jv "$J" '[.signals.funnel, .signals.silent]')" \
	"nel: no activity, no funnel; nobody silent"
# --- SPC: the data begin in June 2025 (N0), so 4 months -----------------------
# June N0 N10 = 2; July N5 N6 N7 N8 N11 = 5; August N1 N2 N12 = 3;
# September N3 N4 N9 = 3.  Mean 13/4 = 3.25; moving ranges 3 2 0, AMR 5/3;
# none >= 3.267 AMR; UCL 3.25 + 2.66 * 5/3 = 7.6833; LCL below 0 -> 0.
check_eq '[{"month":"2025-06","n":2},{"month":"2025-07","n":5},{"month":"2025-08","n":3},{"month":"2025-09","n":3}]' \
	"$(jv "$J" .spc.months)" "nel: spc months start at the earliest raised_on"
check_eq '[3.25,7.683,0,true,[]]' "$(jv4 "$J" '[.spc.mean, .spc.ucl, .spc.lcl, .spc.provisional, .spc.rules]')" \
	"nel: spc mean, limits, provisional with 4 months, no rule"

# --- --from/--to: the same quarter named by its dates ----------------------
met "$NEL" "$T/q3-dates.json" --partnership $N --from 2025-07-01 --to 2025-09-30
check_cmp "$J" "$T/q3-dates.json" "nel: --from 2025-07-01 --to 2025-09-30 = --quarter 2025-Q3"
# One month only, August: raised N1 N2 N12 = 3; stage 1 entered N1 N2
# N12; stage 2 N1 (27 Aug), N12 (6 Aug); stage 3 none (N2's is 10 Sep).
met "$NEL" "$T/aug.json" --partnership $N --from 2025-08-01 --to 2025-08-31
check_eq '[3,[{"stage":1,"n":3},{"stage":2,"n":2}]]' "$(jv "$T/aug.json" '[.raised, .entered_stage]')" \
	"nel: --from/--to August: raised 3, stages"

# --- --as-of 2025-08-26, earlier than the period's end ----------------------
# Events after Tue 26 Aug have not happened: N3, N4, N9 not yet raised;
# N1's stage 2 (27 Aug) and closure, N2's stage 3 and closure not yet.
#   raised: N1 N2 N5 N6 N7 N8 N11 N12 = 8
#   open at 26 Aug: N0, N1, N2, N11, N12 = 5
#   resolved: N6, N8, N10 = 3;  withdrawn N5, N7 = 2
#   entered: 1: N1 N2 N5 N6 N7 N8 N11 N12 = 8;  2: N8, N12 = 2;  3, 4, 5: N8
#   resolution: N10 3, N6 2, N8 22: median 3
#   timescales (due in the quarter; stages entered by 26 Aug):
#     1: N1, N2 due 27 Aug, not completed by 26 Aug: pending;
#        met N5 N7; breached N6 N8 N11 N12  => due 8, met 2, breached 4, pending 2
#     2: N8 met, N12 (due 13 Aug, open) breached; N1's not entered yet => 2, 1, 1
#     3: N8 met (N2's not entered yet); 4: N8 met; 5: N8 breached
#     overall met 2+1+1+1 = 5, breached 4+1+0+0+1 = 6: 6/11 = 0.5455
#   by agency: nel-cs raised N1 N7 N11 N12 = 4, received N2 N5 N6 N11 = 4;
#     police raised N2 N6 N8, received N12; health raised N5, received
#     N1 N8; education received N7.
#   SPC: the series ends with the as-of month (September has not begun):
#     June 2, July 5, August (to the 26th) N1 N2 N12 = 3.
met "$NEL" "$T/asof.json" --partnership $N --quarter 2025-Q3 --as-of 2025-08-26
A=$T/asof.json
check_eq '{"from":"2025-07-01","to":"2025-09-30","as_of":"2025-08-26"}' "$(jv "$A" .period)" "as-of: period"
check_eq '[8,5,3,2]' "$(jv "$A" '[.raised, .open_at_end, .resolved, .withdrawn]')" \
	"as-of: raised 8, open 5, resolved 3, withdrawn 2"
check_eq '[{"stage":1,"n":8},{"stage":2,"n":2},{"stage":3,"n":1},{"stage":4,"n":1},{"stage":5,"n":1}]' \
	"$(jv "$A" .entered_stage)" "as-of: entered_stage ignores later stage dates"
check_eq '[{"stage":1,"n":2},{"stage":5,"n":1}]' "$(jv "$A" .resolved_at_stage)" "as-of: resolved_at_stage"
check_eq '{"n":3,"median":3}' "$(jv "$A" .resolution_working_days)" "as-of: resolution time, odd count"
check_eq '[[1,8,2,4,2],[2,2,1,1,0],[3,1,1,0,0],[4,1,1,0,0],[5,1,0,1,0]]' \
	"$(jv "$A" '[.timescales[] | [.stage, .due, .met, .breached, .pending]]')" \
	"as-of: timescales, pending where the deadline is after the as-of date"
check_eq 0.5455 "$(jv4 "$A" .breach_rate)" "as-of: breach_rate 6/11"
check_eq '[{"agency":"education","raised":0,"received":1},{"agency":"health","raised":1,"received":2},{"agency":"humberside-police","raised":3,"received":1},{"agency":"nel-cs","raised":4,"received":4}]' \
	"$(jv "$A" .by_agency)" "as-of: by_agency"
check_eq '[["2025-06","2025-07","2025-08"],[2,5,3]]' "$(jv "$A" '[[.spc.months[].month], [.spc.months[].n]]')" \
	"as-of: the SPC series ends with the as-of month"

# --- a later export must not change a past quarter --------------------------
# December's export: N0 resolved 3 Oct; N3 stage 3 8 Oct, resolved 20 Oct;
# N4 stage 2 6 Oct, withdrawn 9 Oct; N11 resolved 1 Oct; N12 stage 3
# 2 Oct, stage 4 14 Oct; a new N13 (NCS-06) raised Wed 1 Oct.  Police's
# log is sent again unchanged.
sed -e 's/^\(NCS-00,.*\),open,,n,$/\1,resolved,2025-10-03,n,/' \
	-e 's/^NED-01,\(.*\),2025-09-23,2025-09-25,,,,open,,n,$/NED-01,\1,2025-09-23,2025-09-25,2025-10-08,,,resolved,2025-10-20,n,/' \
	-e 's/^NFO-01,\(.*\),2025-09-01,,,,,open,,n,$/NFO-01,\1,2025-09-01,2025-10-06,,,,withdrawn,2025-10-09,n,/' \
	-e 's/^\(NCS-04,.*\),open,,n,$/\1,resolved,2025-10-01,n,/' \
	-e 's/^NCS-05,\(.*\),2025-08-04,2025-08-06,,,,open,,n,$/NCS-05,\1,2025-08-04,2025-08-06,2025-10-02,2025-10-14,,open,,n,/' \
	"$T/nel-sep.csv" >"$T/nel-dec.csv"
echo "NCS-06,$N,nel-cs,health,NL0000113,child,2025-10-01,threshold,case,2025-10-01,,,,,open,,n," >>"$T/nel-dec.csv"
check_eq 6 "$(diff "$T/nel-sep.csv" "$T/nel-dec.csv" | grep -c '^>')" "december export: 5 rows changed, 1 added"
check_ok "nel: load december's export" ov "$NEL" load --quiet "$T/nel-dec.csv" "$T/police.csv"
met "$NEL" "$T/q3-after.json" --partnership $N --quarter 2025-Q3
check_cmp "$J" "$T/q3-after.json" "2025-Q3 identical after a later export closed cases and added stages"
met "$NEL" "$T/asof-after.json" --partnership $N --quarter 2025-Q3 --as-of 2025-08-26
check_cmp "$A" "$T/asof-after.json" "2025-Q3 as of 26 Aug identical after the later export"

# 2025-Q4 (as of 31 Dec), after December's export.  Timed stage instances:
#   N13 stage 1: Wed 1 Oct, due (day 2) Thu 2 Oct, open: breached
#   N3 stage 2: due (day 8) Thu 2 Oct, stage 3 on 8 Oct: breached
#   N3 stage 3: due (day 11) Tue 7 Oct, entered 8 Oct, closed 20 Oct: breached
#   N4 stage 2: due (day 8 from Mon 1 Sep) Wed 10 Sep, but entered only on
#      6 Oct: as of Q3's end it did not exist, so it cannot count in Q3
#      (Q3 must not change); it is counted when it is entered, in Q4:
#      completed (withdrawn) 9 Oct: breached
#   N12 stage 3: due (day 11 from Mon 4 Aug) Mon 18 Aug, entered 2 Oct,
#      stage 4 14 Oct: breached;  N12 stage 4: due (day 15) Fri 22 Aug,
#      entered 14 Oct, open: breached
#   N11's stage 1 (due 18 Jul, completed 1 Oct) belongs to Q3, as before.
#   => stage 1: 1 due, 1 breached; 2: 2, 2; 3: 2, 2; 4: 1, 1; 5: 0
#   breach_rate 6/6 = 1.
# Resolved in Q4: N0 (Fri 20 Jun -> Fri 3 Oct: 74 working days, 25 Aug
# excluded), N3 (Tue 23 Sep -> Mon 20 Oct: 19), N11 (Thu 17 Jul -> Wed
# 1 Oct: 53): median 53.  Withdrawn: N4.  Open at 31 Dec: N12, N13.
met "$NEL" "$T/q4.json" --partnership $N --quarter 2025-Q4
check_eq '[[1,1,0,1,0],[2,2,0,2,0],[3,2,0,2,0],[4,1,0,1,0],[5,0,0,0,0]]' \
	"$(jv "$T/q4.json" '[.timescales[] | [.stage, .due, .met, .breached, .pending]]')" \
	"q4: stages entered after their deadline count when entered"
check_eq '[1,1,2,3,1,{"n":3,"median":53}]' \
	"$(jv "$T/q4.json" '[.breach_rate, .raised, .open_at_end, .resolved, .withdrawn, .resolution_working_days]')" \
	"q4: breach rate 1, raised 1, open 2, resolved 3, withdrawn 1, median 53"
check_eq null "$(jv "$T/q4.json" '.timescales[4].breach_rate')" "q4: stage 5 had nothing due: its breach_rate is null"

# ===========================================================================
# 2. Dumfries & Galloway, 2025-Q3: stage 4 within 7 working days of entering
# ===========================================================================
# Scotland: Mon 4 Aug 2025 is a bank holiday.  Subject and category blank
# (child, case), as the D&G export leaves them.
#   D1 stage 4 Fri 1 Aug: 7th working day after: Tue 5 (1) Wed 6 Thu 7
#      Fri 8 Mon 11 Tue 12 Wed 13 (7): due 13 Aug; closed 13 Aug: met
#      (in England's calendar it would be due 12 Aug and breached)
#   D2 starts at stage 3; stage 4 Sat 2 Aug: due Wed 13 Aug; closed 14 Aug: breached
#   D3 stage 4 Thu 18 Sep: Fri 19 (1) 22 23 24 25 26 Mon 29 (7): due 29 Sep,
#      open at 30 Sep: breached
#   D4 stage 4 Tue 23 Sep: due Thu 2 Oct: not due in Q3
#   D6 stages 1 and 4 (gap); stage 4 Tue 8 Jul: 9 10 11 14 15 16 17 Jul:
#      due 17 Jul; closed 18 Jul: breached
#   D5 reaches stage 3 only: no timed instance
#   D7: dg-sw's copy (Fri 1 Aug) and NHS D&G's own row (Thu 7 Aug) of one
#      escalation: Tue 5, Wed 6, Thu 7 Aug = 3 working days in Scotland:
#      reconciled, raised 1 Aug.
#   => stage 4: due 4, met 1, breached 3: 0.75.
D=dumfries-galloway
cat >"$T/dg.csv" <<EOF
$H4
DSW-01,$D,dg-sw,nhs-dg,DGC000001,,2025-07-28,threshold,,2025-07-28,2025-07-29,2025-07-30,2025-08-01,resolved,2025-08-13,n,
DNH-01,$D,nhs-dg,dg-sw,DGC000002,,2025-07-31,threshold,,,,2025-07-31,2025-08-02,resolved,2025-08-14,n,
DPS-01,$D,police-scotland,education,DGC000003,,2025-09-15,significant-response,,2025-09-15,,,2025-09-18,open,,n,
DGE-01,$D,education,dg-sw,DGC000004,unborn,2025-09-22,plan,,2025-09-22,,,2025-09-23,open,,n,
DEY-01,$D,early-years,dg-sw,DGC000005,,2025-07-07,further-information,,,,2025-07-07,,resolved,2025-07-09,n,
DSW-02,$D,dg-sw,police-scotland,DGC000006,,2025-07-07,threshold,,2025-07-07,,,2025-07-08,resolved,2025-07-18,n,
DSW-03,$D,nhs-dg,dg-sw,DGC000007,,2025-08-01,information-sharing,,2025-08-01,,,,resolved,2025-08-08,n,
DNH-02,$D,nhs-dg,dg-sw,dgc 000007,,2025-08-07,information-sharing,,2025-08-07,,,,resolved,2025-08-08,n,
EOF
DG=$T/dg.db
check_ok "dg: init" ov "$DG" init
check_ok "dg: load" ov "$DG" load --quiet "$T/dg.csv"
met "$DG" "$T/dg.json" --partnership $D --quarter 2025-Q3
G=$T/dg.json
check_eq '[{"stage":4,"source":"protocol","kind":"within_of_entry","days":7,"due":4,"met":1,"breached":3,"pending":0,"breach_rate":0.75}]' \
	"$(jv "$G" '[.timescales[] | {stage, source, kind, days, due, met, breached, pending, breach_rate}]')" \
	"dg: stage 4 within 7 working days of entry, across the Scottish holiday"
check_eq 0.75 "$(jv "$G" .breach_rate)" "dg: breach_rate 3/4"
# Raised D1-D7 = 7 (D7 once); open D3 D4 = 2; resolved D1 D2 D5 D6 D7 = 5.
check_eq '[7,2,5,0]' "$(jv "$G" '[.raised, .open_at_end, .resolved, .withdrawn]')" \
	"dg: raised 7 (the reconciled pair once), open 2, resolved 5"
# Entered: 1: D1 D3 D4 D6 D7 = 5; 2: D1; 3: D1 D2 D5 = 3; 4: D1 D2 D3 D4 D6 = 5.
check_eq '[{"stage":1,"n":5},{"stage":2,"n":1},{"stage":3,"n":3},{"stage":4,"n":5}]' \
	"$(jv "$G" .entered_stage)" "dg: entered_stage"
# Resolution, Scottish calendar (4 Aug not a working day):
#   D1 Mon 28 Jul -> Wed 13 Aug: 29 30 31 Jul, 1 5 6 7 8 11 12 13 Aug = 11
#   D2 Thu 31 Jul -> Thu 14 Aug: 1 5 6 7 8 11 12 13 14 = 9
#   D5 Mon 7 Jul -> Wed 9 Jul = 2;  D6 Mon 7 Jul -> Fri 18 Jul = 9
#   D7 Fri 1 Aug -> Fri 8 Aug: 5 6 7 8 = 4
#   sorted 2 4 9 9 11: median 9
check_eq '{"n":5,"median":9}' "$(jv "$G" .resolution_working_days)" "dg: resolution time in Scotland's calendar"
# By highest stage: D7 1, D5 3, D1 D2 D6 4.
check_eq '[{"stage":1,"n":1},{"stage":3,"n":1},{"stage":4,"n":3}]' "$(jv "$G" .resolved_at_stage)" "dg: resolved_at_stage"
check_eq '[{"agency":"dg-sw","raised":2,"received":4},{"agency":"early-years","raised":1,"received":0},{"agency":"education","raised":1,"received":1},{"agency":"nhs-dg","raised":2,"received":1},{"agency":"police-scotland","raised":1,"received":1}]' \
	"$(jv "$G" .by_agency)" "dg: by_agency (early-years received none, still listed: it raised one)"
check_eq '[[{"subject":"child","raised":6},{"subject":"unborn","raised":1}],[{"category":"case","raised":7}]]' \
	"$(jv "$G" '[.by_subject, .by_category]')" \
	"dg: blank subject and category default to child and case"

# ===========================================================================
# 3. Gloucestershire, 2025-Q3: stage 1 within 1 working day of raising
# ===========================================================================
# England: Mon 25 Aug 2025 is a bank holiday.  "Within N working days of
# S" is the N-th working day strictly after S.
#   G1 raised Fri 22 Aug: due Tue 26 Aug; stage 2 on 26 Aug: met
#   G2 raised Mon 25 Aug (holiday): due Tue 26 Aug; closed 26 Aug: met
#   G3 raised Sun 24 Aug: due Tue 26 Aug; closed 27 Aug: breached
#   G4 raised Tue 30 Sep: due Wed 1 Oct: not due in Q3
#   G5 raised Mon 29 Sep: due Tue 30 Sep; open at 30 Sep: breached
#   G6 raised Mon 7 Jul: due Tue 8 Jul; stage 1 entered only on 9 Jul
#      (after its deadline), stage 2 10 Jul: breached
#   G7 starts at stage 2: no stage 1 instance
#   => due 5, met 2, breached 3: 0.6
GL=gloucestershire
cat >"$T/glos.csv" <<EOF
$H4
GCS-01,$GL,glos-cs,glos-police,GL0000001,child,2025-08-22,threshold,case,2025-08-22,2025-08-26,,,resolved,2025-08-29,n,
GPC-01,$GL,glos-police,glos-cs,GL0000002,child,2025-08-25,threshold,case,2025-08-25,,,,resolved,2025-08-26,n,
GHL-01,$GL,glos-health,glos-cs,GL0000003,child,2025-08-24,plan,case,2025-08-24,,,,resolved,2025-08-27,n,
GED-01,$GL,education,glos-cs,GL0000004,child,2025-09-30,assessment,case,2025-09-30,,,,open,,n,
GEY-01,$GL,early-years,glos-health,GL0000005,child,2025-09-29,information-sharing,case,2025-09-29,,,,open,,n,
GCS-02,$GL,glos-cs,education,GL0000006,child,2025-07-07,threshold,case,2025-07-09,2025-07-10,2025-07-14,2025-07-21,resolved,2025-07-28,n,
GPC-02,$GL,glos-police,glos-health,GL0000007,child,2025-07-14,drift-delay,case,,2025-07-14,,,resolved,2025-07-16,n,
EOF
GW=$T/glos.db
check_ok "glos: init" ov "$GW" init
check_ok "glos: load" ov "$GW" load --quiet "$T/glos.csv"
met "$GW" "$T/glos.json" --partnership $GL --quarter 2025-Q3
check_eq '[{"stage":1,"source":"protocol","kind":"within_of_raising","days":1,"due":5,"met":2,"breached":3,"pending":0,"breach_rate":0.6}]' \
	"$(jv "$T/glos.json" '[.timescales[] | {stage, source, kind, days, due, met, breached, pending, breach_rate}]')" \
	"glos: only stage 1 is timed; within 1 working day of raising"
check_eq 0.6 "$(jv "$T/glos.json" .breach_rate)" "glos: breach_rate 3/5"
# Resolution: G1 Fri 22 -> Fri 29 Aug: 26 27 28 29 = 4; G2 Mon 25 -> Tue
# 26 = 1; G3 Sun 24 -> Wed 27: 26 27 = 2; G6 Mon 7 -> Mon 28 Jul = 15;
# G7 Mon 14 -> Wed 16 Jul = 2.  Sorted 1 2 2 4 15: median 2.
check_eq '{"n":5,"median":2}' "$(jv "$T/glos.json" .resolution_working_days)" "glos: resolution time"
# As of the holiday itself, Mon 25 Aug: G1 G2 G3 are due on 26 Aug and
# not yet completed: pending; G6 breached; G4, G5 not raised yet.
met "$GW" "$T/glos-asof.json" --partnership $GL --quarter 2025-Q3 --as-of 2025-08-25
check_eq '[[[1,4,0,1,3]],1]' "$(jv "$T/glos-asof.json" '[[.timescales[] | [.stage, .due, .met, .breached, .pending]], .breach_rate]')" \
	"glos: as of 25 Aug, three deadlines pending, one breached"

# ===========================================================================
# 4. Devon: no timescale (null), then local targets
# ===========================================================================
# V1 raised Mon 7 Jul, stage 1 7 Jul, stage 2 Wed 9 Jul, resolved Thu 17 Jul.
cat >"$T/devon.csv" <<EOF
$H5
DCS-01,devon,devon-cs,dc-police,CS000001,child,2025-07-07,threshold,case,2025-07-07,2025-07-09,,,,resolved,2025-07-17,n,
EOF
DV=$T/devon.db
check_ok "devon: init (no targets)" ov "$DV" init
check_ok "devon: load" ov "$DV" load --quiet "$T/devon.csv"
met "$DV" "$T/devon.json" --partnership devon --quarter 2025-Q3
check_eq '[[],null]' "$(jv "$T/devon.json" '[.timescales, .breach_rate]')" \
	"devon without targets: no timed stage, breach_rate null (not 0)"
# Devon's example local targets (fixtures/devon/targets.json): stage 1
# within 2 working days of raising, 2 and 3 within 5 of entering, 4 within
# 10 of entering, 5 none.
#   V1 stage 1: due Wed 9 Jul (8 = 1, 9 = 2); stage 2 on 9 Jul: met
#   V1 stage 2: entered 9 Jul; 10 11 14 15 16: due 16 Jul; closed 17 Jul: breached
#   stages 3 and 4: nothing due: met + breached = 0, breach_rate null
#   overall 1/2 = 0.5
DT=$T/devon-targets.db
check_ok "devon: init with local targets" ov "$DT" init --targets "$ROOT/fixtures/devon/targets.json"
check_ok "devon: load (targets)" ov "$DT" load --quiet "$T/devon.csv"
met "$DT" "$T/devon-t.json" --partnership devon --quarter 2025-Q3
check_eq '[[1,"local","within_of_raising",2,1,1,0,0,0],[2,"local","within_of_entry",5,1,0,1,0,1],[3,"local","within_of_entry",5,0,0,0,0,null],[4,"local","within_of_entry",10,0,0,0,0,null]]' \
	"$(jv "$T/devon-t.json" '[.timescales[] | [.stage, .source, .kind, .days, .due, .met, .breached, .pending, .breach_rate]]')" \
	"devon with targets: local source, per-stage breach_rate null when nothing due"
check_eq 0.5 "$(jv "$T/devon-t.json" .breach_rate)" "devon with targets: breach_rate 1/2"

# Perth & Kinross has no timescale at all (checked with the signals below).

# ===========================================================================
# 5. Reconciliation in the partnership's own calendar
# ===========================================================================
# Two rows of the same case and pair are one escalation when at most 3
# working days lie from the earlier raised_on to the later:
#   Fri 1 Aug -> Thu 7 Aug: England Mon 4 Tue 5 Wed 6 Thu 7 = 4 (two
#     escalations); Scotland (4 Aug a holiday) Tue Wed Thu = 3 (one).
#   Fri 22 Aug -> Thu 28 Aug: England (25 Aug a holiday) 26 27 28 = 3
#     (one); Scotland Mon 25 .. Thu 28 = 4 (two).
# August's raised count: NEL 2 + 1 = 3, D&G 1 + 2 = 3.
cat >"$T/recon-nel.csv" <<EOF
$H5
RN-A1,$N,nel-cs,health,NL5550001,child,2025-08-01,threshold,case,2025-08-01,,,,,open,,n,
RN-A2,$N,health,nel-cs,nl 555 0001,child,2025-08-07,threshold,case,2025-08-07,,,,,open,,n,
RN-B1,$N,nel-cs,health,NL5550002,child,2025-08-22,threshold,case,2025-08-22,,,,,open,,n,
RN-B2,$N,nel-cs,health,NL5550002,child,2025-08-28,threshold,case,2025-08-28,,,,,open,,n,
EOF
cat >"$T/recon-dg.csv" <<EOF
$H4
RD-A1,$D,dg-sw,nhs-dg,DGC5550001,,2025-08-01,threshold,,2025-08-01,,,,open,,n,
RD-A2,$D,nhs-dg,dg-sw,DGC5550001,,2025-08-07,threshold,,2025-08-07,,,,open,,n,
RD-B1,$D,dg-sw,nhs-dg,DGC5550002,,2025-08-22,threshold,,2025-08-22,,,,open,,n,
RD-B2,$D,dg-sw,nhs-dg,DGC5550002,,2025-08-28,threshold,,2025-08-28,,,,open,,n,
EOF
RC=$T/recon.db
check_ok "recon: init" ov "$RC" init
check_ok "recon: load" ov "$RC" load --quiet "$T/recon-nel.csv" "$T/recon-dg.csv"
met "$RC" "$T/rn.json" --partnership $N --from 2025-08-01 --to 2025-08-31
met "$RC" "$T/rd.json" --partnership $D --from 2025-08-01 --to 2025-08-31
check_eq 3 "$(jv "$T/rn.json" .raised)" "recon: NEL (England) merges across 25 Aug, not across 4 Aug"
check_eq 3 "$(jv "$T/rd.json" .raised)" "recon: D&G (Scotland) merges across 4 Aug, not across 25 Aug"
# The merged escalation counts once everywhere: NEL by_agency has nel-cs
# raising A1, B (2) and receiving A2 (1); health raising A2.
check_eq '[{"agency":"health","raised":1,"received":2},{"agency":"nel-cs","raised":2,"received":1}]' \
	"$(jv "$T/rn.json" .by_agency)" "recon: NEL by_agency counts the merged escalation once"

# ===========================================================================
# 6. Signals: Perth & Kinross (no timescales), 2025-Q2 and 2025-Q3
# ===========================================================================
# Activity (referrals):      2025-Q2   2025-Q3
#   pk-sw                      100       400
#   police-scotland            100       300
#   nhs-tayside                 -        200
#   education                   -        100
#   third-sector                -         -     (no denominator)
# Escalations raised (one row each, all resolved the day they were raised):
#   Q2: pk-sw 14 (April 1-5, May 1-5, June 1-4); nobody else.
#   Q3: pk-sw 12 (1-4 July, 1-4 Aug, 1-4 Sep); police-scotland 1 (15 Jul);
#       nhs-tayside 4 (16, 17 Jul, 18 Aug, and 19 Sep with third-sector);
#       education 3 (21 Jul, 20 Aug, 22 Sep).
P=perth-kinross
{
	echo "ref,partnership,raised_by,raised_with,raised_on,theme,stage1_on,status,closed_on"
	n=0
	pk() { n=$((n + 1)); echo "PK-$n,$P,$1,$2,$3,threshold,$3,resolved,$3"; }
	for d in 01 02 03 04 05; do pk pk-sw police-scotland 2025-04-$d; done
	for d in 01 02 03 04 05; do pk pk-sw police-scotland 2025-05-$d; done
	for d in 01 02 03 04; do pk pk-sw police-scotland 2025-06-$d; done
	for m in 07 08 09; do for d in 01 02 03 04; do pk pk-sw nhs-tayside 2025-$m-$d; done; done
	pk police-scotland pk-sw 2025-07-15
	pk nhs-tayside pk-sw 2025-07-16
	pk nhs-tayside pk-sw 2025-07-17
	pk nhs-tayside pk-sw 2025-08-18
	pk nhs-tayside third-sector 2025-09-19
	pk education pk-sw 2025-07-21
	pk education pk-sw 2025-08-20
	pk education pk-sw 2025-09-22
} >"$T/pk.csv"
cat >"$T/pk-activity.csv" <<EOF
partnership,agency,quarter,measure,value
$P,pk-sw,2025-Q2,referrals,100
$P,police-scotland,2025-Q2,referrals,100
$P,pk-sw,2025-Q3,referrals,400
$P,police-scotland,2025-Q3,referrals,300
$P,nhs-tayside,2025-Q3,referrals,200
$P,education,2025-Q3,referrals,100
EOF
PK=$T/pk.db
check_ok "pk: init" ov "$PK" init
check_ok "pk: load" ov "$PK" load --quiet "$T/pk.csv"
check_ok "pk: load activity" ov "$PK" load --profile activity "$T/pk-activity.csv"
met "$PK" "$T/pk3.json" --partnership $P --quarter 2025-Q3
K=$T/pk3.json
check_eq '[20,[],null]' "$(jv "$K" '[.raised, .timescales, .breach_rate]')" \
	"pk: 20 raised in Q3; no timescale, breach_rate null"
# Q3 funnel: x = 12, 1, 4, 3 (Σ 20); n = 400, 300, 200, 100 (Σ 1000);
# p = 0.02; e = 8, 6, 4, 2.
#   police-scotland x 1, e 6: p_low = e^-6 (1 + 6) = 7 * 0.0024788 = 0.01735
#     (< 0.025, >= 0.001: watch); p_high = 1 - e^-6 = 0.9975
#   education x 3, e 2: p_low = e^-2 (1 + 2 + 2 + 4/3) = 0.8571;
#     p_high = 1 - e^-2 (1 + 2 + 2) = 0.3233
#   nhs-tayside x 4, e 4: p_low = e^-4 (1 + 4 + 8 + 32/3 + 32/3) = 0.6288;
#     p_high = 1 - e^-4 (1 + 4 + 8 + 32/3) = 0.5665
#   pk-sw x 12, e 8: p_low = 0.9362, p_high = 0.1119 (R: ppois(12, 8),
#     1 - ppois(11, 8) = 0.936203, 0.111924)
check_eq true "$(jv "$K" '[.signals.funnel[] | [has("agency","raised","activity","expected","p_low","level")] | all] | all')" \
	"schema: every key of a funnel item"
check_eq '[["education",3,100,2,0.8571,0.3233,"none"],["nhs-tayside",4,200,4,0.6288,0.5665,"none"],["pk-sw",12,400,8,0.9362,0.1119,"none"],["police-scotland",1,300,6,0.01735,0.9975,"watch"]]' \
	"$(jv4 "$K" '[.signals.funnel[] | [.agency, .raised, .activity, .expected, .p_low, .p_high, .level]]')" \
	"pk Q3: funnel of every agency with activity, by id; police-scotland at watch"
# Silent: raised none in Q3 nor in Q2: third-sector only (police-scotland
# raised none in Q2 but one in Q3).  One-way: third-sector received one
# (19 Sep) and raised none in the four quarters.  No denominator:
# third-sector.
check_eq '[["third-sector"],["third-sector"],["third-sector"]]' \
	"$(jv "$K" '[.signals.silent, .signals.one_way, .signals.no_denominator]')" \
	"pk Q3: silent, one-way, no denominator"
# SPC: data begin April 2025: April 5, May 5, June 4, July 4+1+2+1 = 8,
# August 4+1+1 = 6, September 4+1+1 = 6.  Mean 34/6 = 5.6667; moving
# ranges 0 1 4 2 0, AMR 7/5 = 1.4 (4 < 3.267 * 1.4 = 4.57: kept); UCL
# 5.6667 + 2.66 * 1.4 = 9.3907; LCL 5.6667 - 3.724 = 1.9427; fewer than
# 12 months: provisional; no rule.
check_eq '[[5,5,4,8,6,6],5.667,9.391,1.943,true,[]]' \
	"$(jv4 "$K" '[[.spc.months[].n], .spc.mean, .spc.ucl, .spc.lcl, .spc.provisional, .spc.rules]')" \
	"pk Q3: SPC over 6 months, provisional"
check_eq '["2025-04","2025-09"]' "$(jv "$K" '[.spc.months[0].month, .spc.months[-1].month]')" \
	"pk Q3: SPC from the earliest month to the period's last"

# Q2: pk-sw x 14, police-scotland x 0, n 100 each: p = 14/200 = 0.07,
# e = 7 each.  police-scotland p_low = e^-7 = 0.0009119 < 0.001: alert.
# pk-sw p_low = ppois(14, 7) = 0.9943, p_high = 1 - ppois(13, 7) = 0.01281
# (< 0.025: unusually high, which sets no lack-of-challenge level).
# Silent: none raised in Q1 or Q2: education, nhs-tayside,
# police-scotland, third-sector.
met "$PK" "$T/pk2.json" --partnership $P --quarter 2025-Q2
check_eq '[["pk-sw",14,7,0.9943,0.01281,"none",true],["police-scotland",0,7,0.0009119,1,"alert",false]]' \
	"$(jv4 "$T/pk2.json" '[.signals.funnel[] | [.agency, .raised, .expected, .p_low, .p_high, .level, .unusually_high]]')" \
	"pk Q2: police-scotland raised none against 7 expected: alert"
check_eq '["education","nhs-tayside","police-scotland","third-sector"]' "$(jv "$T/pk2.json" .signals.silent)" \
	"pk Q2: four silent agencies"
# Two quarters together (--from/--to): activity summed, 500 400 200 100;
# x = 26, 1, 4, 3 (Σ 34); p = 34/1200; police-scotland e = 11.333,
# p_low = e^-11.333 * 12.333 = 0.0001476: alert.  Others: education
# ppois(3, 2.833) = 0.6845, nhs-tayside ppois(4, 5.667) = 0.3321, pk-sw
# ppois(26, 14.167) = 0.9985: none.
met "$PK" "$T/pk23.json" --partnership $P --from 2025-04-01 --to 2025-09-30
check_eq '[["education",100,0.6845,"none"],["nhs-tayside",200,0.3321,"none"],["pk-sw",500,0.9985,"none"],["police-scotland",400,0.0001476,"alert"]]' \
	"$(jv4 "$T/pk23.json" '[.signals.funnel[] | [.agency, .activity, .p_low, .level]]')" \
	"pk Q2+Q3: activity summed over the quarters of the period"

# ===========================================================================
# 7. SPC over 24 months: Devon, 2025-Q3
# ===========================================================================
# One escalation in June 2023 (before the window), then monthly counts
# for the 24 months Oct 2023 .. Sep 2025: 10, 12, 10, 12 ... for 16 months
# (Oct 2023 .. Jan 2025), then 8, 9, 8, 9 ... for 8 months (Feb .. Sep 2025).
#   mean = (8 * 22 + 4 * 17) / 24 = 244 / 24 = 10.1667
#   moving ranges: 15 of 2, one of 4 (12 -> 8), 7 of 1: AMR = 41 / 23 = 1.7826
#   none >= 3.267 * 1.7826 = 5.82: nothing dropped
#   UCL = 10.1667 + 2.66 * 1.7826 = 14.9084; LCL = 10.1667 - 4.7417 = 5.4249
#   rules: the last 8 points (8, 9) are all below the mean: run-below;
#   none beyond the limits; no 7-point trend; two-of-three-low needs points
#   below 10.1667 - 1.773 * 1.7826 = 7.006: none.
{
	echo "ref,partnership,raised_by,raised_with,raised_on,theme,stage1_on,status,closed_on"
	echo "SPC-0,devon,devon-cs,dc-police,2023-06-15,threshold,2023-06-15,resolved,2023-06-15"
	i=0
	for ym in 2023-10 2023-11 2023-12 2024-01 2024-02 2024-03 2024-04 2024-05 \
		2024-06 2024-07 2024-08 2024-09 2024-10 2024-11 2024-12 2025-01 \
		2025-02 2025-03 2025-04 2025-05 2025-06 2025-07 2025-08 2025-09; do
		i=$((i + 1))
		if [ $i -le 16 ]; then k=$((10 + 2 * (1 - i % 2))); else k=$((8 + 1 - i % 2)); fi
		d=1
		while [ $d -le $k ]; do
			day=$(printf '%s-%02d' $ym $d)
			echo "SPC-$ym-$d,devon,devon-cs,dc-police,$day,threshold,$day,resolved,$day"
			d=$((d + 1))
		done
	done
} >"$T/spc.csv"
SP=$T/spc.db
check_ok "spc: init" ov "$SP" init
check_ok "spc: load" ov "$SP" load --quiet "$T/spc.csv"
met "$SP" "$T/spc.json" --partnership devon --quarter 2025-Q3
check_eq '[24,"2023-10","2025-09",[10,12,10,12,10,12,10,12,10,12,10,12,10,12,10,12,8,9,8,9,8,9,8,9]]' \
	"$(jv "$T/spc.json" '.spc.months | [length, .[0].month, .[-1].month, map(.n)]')" \
	"spc: the 24 months ending with the period's last month"
check_eq '[10.17,14.91,5.425,false,["run-below"]]' \
	"$(jv4 "$T/spc.json" '[.spc.mean, .spc.ucl, .spc.lcl, .spc.provisional, .spc.rules]')" \
	"spc: mean, limits, not provisional, run-below"

# As of 5 August 2025: the series ends with August (the as-of month), so it
# runs from September 2023, which has none.  The months counted from the
# rows the by-agency figures read (raised in the twelve months to the
# as-of date: from 6 August 2024) and those counted apart meet inside
# August 2024: its 10 (days 1-10) are days 1-5 and 6-10, and count once.
# August 2025 has days 1-5 by the as-of date, not its 8.
met "$SP" "$T/spc-aug.json" --partnership devon --quarter 2025-Q3 --as-of 2025-08-05
check_eq '[24,"2023-09","2025-08",[0,10,12,10,12,10,12,10,12,10,12,10,12,10,12,10,12,8,9,8,9,8,9,5]]' \
	"$(jv "$T/spc-aug.json" '.spc.months | [length, .[0].month, .[-1].month, map(.n)]')" \
	"spc: as of mid-month, each month counted once across the two reads"

finish
