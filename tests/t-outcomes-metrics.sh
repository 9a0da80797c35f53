#!/bin/sh
# t-outcomes-metrics.sh - the figures of DESIGN.md "Outcome", "Time in
# stage" and "Informal resolution", with immediate risk and repeat
# disagreements, in `oversight metrics --json`, against answers worked out
# by hand below from the definitions, with a bank holiday of each
# jurisdiction inside the working days: England and Wales's Summer bank
# holiday, Monday 2025-08-25 (North East Lincolnshire), and Scotland's,
# Monday 2025-08-04 (Perth and Kinross).  Period 2025-Q3, as of 2025-09-30.
#
# "Working days from A to B": the working days d with A < d <= B.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-10-31
cd "$T" || exit 1
check_ok "init" "$OV" init
H=ref,partnership,raised_by,raised_with,case_ref,raised_on,theme,stage0_on,stage1_on,stage2_on,status,closed_on,outcome,feedback_on,immediate_risk

# --- North East Lincolnshire (England and Wales) ------------------------------
# N-1 (case C1, health -> nel-cs): raised Thu 08-21, Attempt Resolution
#     (stage 0) only, resolved Wed 08-27: resolved informally; outcome
#     changed; told Fri 08-29.
#     Stage 0: 08-21 -> 08-27: Fri 22, Tue 26, Wed 27 (Mon 25 is the bank
#     holiday) = 3.  Feedback: 08-27 -> 08-29: Thu 28, Fri 29 = 2.
# N-2 (case C1, nel-cs -> humberside-police): raised Fri 08-22, stage 1
#     the same day, stage 2 Tue 08-26, resolved Thu 08-28, partly, told the
#     day it closed (0), immediate risk.
#     Stage 1: 08-22 -> 08-26: Tue 26 = 1.  Stage 2: 08-26 -> 08-28: 2.
#     Immediate risk: stage 1 on the day raised (a working day): same day.
# N-3 (case C2, humberside-police -> nel-cs): raised Sat 08-23, stage 1
#     Tue 08-26, open, immediate risk.  Working day 1 of a Saturday is the
#     next working day: Tue 08-26, the bank holiday Monday being none, so
#     it reached stage 1 on the working day raised.
# N-4 (case C3, humberside-police -> nel-cs): raised Mon 09-01, stage 1
#     Tue 09-02, resolved Wed 09-10, outcome not recorded, immediate risk
#     (stage 1 a working day late: not the same day).
#     Stage 1: 09-02 -> 09-10: 3, 4, 5, 8, 9, 10 = 6.
# N-5 (case C4, health -> nel-cs): raised Tue 09-02, stage 1 the same day,
#     resolved Thu 09-04, upheld, told Mon 09-08.
#     Stage 1: 09-02 -> 09-04: 2.  Feedback: 09-04 -> 09-08: Fri 5, Mon 8 = 2.
# N-6 (case C5, education -> nel-cs): stage 0 Wed 09-03, withdrawn Fri
#     09-05.  Stage 0: 2 (a withdrawn escalation completes its stage too;
#     not resolved, so no outcome).
# N-7 (case C4, health -> nel-cs): 2024-11-04, resolved 2024-11-06.
# N-8 (case C8, education -> nel-cs): 2024-09-15, resolved 2024-09-20.
# N-9 (case C8, education -> nel-cs): raised Thu 07-10, stage 1, open.
cat >nel.csv <<EOF
$H
N-1,north-east-lincolnshire,health,nel-cs,C1,2025-08-21,threshold,2025-08-21,,,resolved,2025-08-27,changed,2025-08-29,n
N-2,north-east-lincolnshire,nel-cs,humberside-police,C1,2025-08-22,plan,,2025-08-22,2025-08-26,resolved,2025-08-28,partly,2025-08-28,y
N-3,north-east-lincolnshire,humberside-police,nel-cs,C2,2025-08-23,plan,,2025-08-26,,open,,,,y
N-4,north-east-lincolnshire,humberside-police,nel-cs,C3,2025-09-01,plan,,2025-09-02,,resolved,2025-09-10,,,y
N-5,north-east-lincolnshire,health,nel-cs,C4,2025-09-02,assessment,,2025-09-02,,resolved,2025-09-04,upheld,2025-09-08,
N-6,north-east-lincolnshire,education,nel-cs,C5,2025-09-03,threshold,2025-09-03,,,withdrawn,2025-09-05,,,
N-7,north-east-lincolnshire,health,nel-cs,C4,2024-11-04,assessment,,2024-11-04,,resolved,2024-11-06,,,
N-8,north-east-lincolnshire,education,nel-cs,C8,2024-09-15,plan,,2024-09-16,,resolved,2024-09-20,,,
N-9,north-east-lincolnshire,education,nel-cs,C8,2025-07-10,plan,,2025-07-10,,open,,,,
EOF
check_ok "nel: loads" "$OV" load nel.csv
check_grep "read 9, loaded 9" "$T/.out" "nel: nine escalations, none merged"
"$OV" metrics --partnership north-east-lincolnshire --quarter 2025-Q3 --json >nel.json
j() { jq -c "$JQ_SIG4 $2 | sig4all" "$1"; }
# Outcome: resolved in Q3 are N-1 (changed, stage 0), N-2 (partly, stage
# 2), N-4 (not recorded, stage 1), N-5 (upheld, stage 1): recorded 3,
# changed share (1 + 1) / 3 = 0.6667.
check_eq '[3,1,1,1,1,0.6667]' \
	"$(j nel.json '[.outcome | .recorded, .changed, .partly, .upheld, .not_recorded, .changed_share]')" \
	"nel outcome: recorded, changed, partly, upheld, not recorded, changed share"
check_eq '[[0,1,0,0,0],[1,0,0,1,1],[2,0,1,0,0]]' \
	"$(j nel.json '[.outcome.by_stage[] | [.stage, .changed, .partly, .upheld, .not_recorded]]')" \
	"nel outcome by highest stage reached (0: resolved informally)"
check_eq '[["health","nel-cs",1,0,1,0],["humberside-police","nel-cs",0,0,0,1],["nel-cs","humberside-police",0,1,0,0]]' \
	"$(j nel.json '[.outcome.by_pair[] | [.raised_by, .raised_with, .changed, .partly, .upheld, .not_recorded]]')" \
	"nel outcome by raising and receiving agency"
# Feedback: N-1 (2), N-2 (0), N-5 (2) of 4 resolved: share 0.75, median 2.
check_eq '[3,0.75,2]' "$(j nel.json '[.feedback | .n, .share, .median_days]')" \
	"nel feedback: n, share of resolved, median working days (across the bank holiday)"
# Time in stage, completed in Q3: stage 0 N-1 3, N-6 2 -> median 2.5 (an
# even count: the mean of the middle two); stage 1 N-2 1, N-4 6, N-5 2 ->
# 2; stage 2 N-2 2.
check_eq '[[0,2,2.5],[1,3,2],[2,1,2]]' "$(j nel.json '[.time_in_stage[] | [.stage, .n, .median]]')" \
	"nel time in stage: stage 0 apart, medians across the bank holiday"
check_eq '1' "$(j nel.json '.resolved_informally')" "nel: one resolved informally (N-1)"
check_eq '2' "$(j nel.json '.entered_informally')" "nel: two entered stage 0 in Q3 (N-1 08-21, N-6 09-03)"
check_eq '[3,2]' "$(j nel.json '[.immediate_risk | .n, .same_working_day]')" \
	"nel immediate risk: 3 flagged, 2 reached stage 1 on the working day raised"
# Repeats in the twelve months 2024-10-01 .. 2025-09-30: C1 (N-1, N-2)
# and C4 (N-5, N-7); C8's N-8 is before the window.  Pairs that
# disagreed twice about one case: health / nel-cs (C4); C1's two are
# different pairs.
check_eq '[2,1]' "$(j nel.json '[.repeats | .cases, .pairs]')" "nel repeats: cases, agency pairs"
# Stage 0 is apart from the ladder: raised counts N-1 and N-6 (7 raised
# in Q3), entered_stage and resolved_at_stage do not list stage 0.
check_eq '[7,[[1,5],[2,1]],[[1,2],[2,1]],4]' \
	"$(j nel.json '[.raised, [.entered_stage[] | [.stage, .n]], [.resolved_at_stage[] | [.stage, .n]], .resolved]')" \
	"nel: raised includes stage 0 only; the stage lists leave stage 0 apart"

# --- Perth and Kinross (Scotland) ---------------------------------------------
# S-1: raised Thu 07-31, Resolution (stage 0) the same day, stage 1 Tue
#      08-05, resolved Wed 08-06, changed, told Mon 08-11.
#      Stage 0: 07-31 -> 08-05: Fri 1, Tue 5 (Mon 4 is Scotland's bank
#      holiday) = 2.  Stage 1: 08-05 -> 08-06 = 1.
#      Feedback: 08-06 -> 08-11: Thu 7, Fri 8, Mon 11 = 3.
# S-2: raised Fri 08-01, stage 1 the same day, stage 2 Thu 08-07, resolved
#      08-07, no outcome; immediate risk, stage 1 the day raised.
#      Stage 1: 08-01 -> 08-07: Tue 5, Wed 6, Thu 7 = 3.  Stage 2: 0.
# S-3: raised Sat 08-02, stage 1 Tue 08-05, open; immediate risk.  Working
#      day 1 of a Saturday is Tue 08-05 in Scotland (Mon 4 a holiday):
#      the same working day.  (In England it would be Mon 08-04.)
cat >pk.csv <<EOF
$H
S-1,perth-kinross,pk-sw,nhs-tayside,K1,2025-07-31,plan,2025-07-31,2025-08-05,,resolved,2025-08-06,changed,2025-08-11,n
S-2,perth-kinross,police-scotland,pk-sw,K2,2025-08-01,plan,,2025-08-01,2025-08-07,resolved,2025-08-07,,,y
S-3,perth-kinross,education,pk-sw,K3,2025-08-02,plan,,2025-08-05,,open,,,,y
EOF
check_ok "pk: loads" "$OV" load pk.csv
"$OV" metrics --partnership perth-kinross --quarter 2025-Q3 --json >pk.json
# Time in stage: stage 0 [2]; stage 1 [1, 3] -> an even count, median 2;
# stage 2 [0].
check_eq '[[0,1,2],[1,2,2],[2,1,0]]' "$(j pk.json '[.time_in_stage[] | [.stage, .n, .median]]')" \
	"pk time in stage across Scotland's August bank holiday"
check_eq '[1,1,0,0,1,1]' \
	"$(j pk.json '[.outcome | .recorded, .changed, .partly, .upheld, .not_recorded, .changed_share]')" \
	"pk outcome: one recorded (changed), one not recorded"
check_eq '[1,0.5,3]' "$(j pk.json '[.feedback | .n, .share, .median_days]')" \
	"pk feedback: 1 of 2 resolved, 3 working days"
check_eq '[2,2]' "$(j pk.json '[.immediate_risk | .n, .same_working_day]')" \
	"pk immediate risk: both the same working day (a Saturday's first working day is Tuesday)"
check_eq '[0,0,0]' "$(j pk.json '[.resolved_informally, .repeats.cases, .repeats.pairs]')" \
	"pk: none resolved informally; no repeats"

# --- Devon: no step before stage 1, nothing recorded ----------------------------
cat >devon.csv <<'EOF'
ref,partnership,raised_by,raised_with,raised_on,theme,stage1_on,status,closed_on
D-1,devon,dc-police,devon-cs,2025-07-01,plan,2025-07-01,resolved,2025-07-02
EOF
check_ok "devon: loads" "$OV" load devon.csv
"$OV" metrics --partnership devon --quarter 2025-Q3 --json >devon.json
check_eq '[0,1,null,0,0,null]' \
	"$(j devon.json '[.outcome.recorded, .outcome.not_recorded, .outcome.changed_share, .feedback.n, .feedback.share, .feedback.median_days]')" \
	"devon: a resolved escalation with no outcome is not recorded; no changed share; feedback 0 of 1"
check_eq '[[1,1,1]]' "$(j devon.json '[.time_in_stage[] | [.stage, .n, .median]]')" \
	"devon: time in stage 1 (07-01 -> 07-02 = 1)"

# --- Gloucestershire: a pair is the same in either order ------------------------
# Repeats in the twelve months 2024-10-01 .. 2025-09-30:
#   R1: glos-police -> glos-health (07-01), then glos-health -> glos-police
#       (07-15): two escalations of one pair, raised from either side;
#   R2: education -> glos-cs twice (08-01, 08-15: ten working days apart,
#       two escalations, not one logged twice);
#   R4: glos-police -> glos-cs on 2024-09-02, before the window, and
#       glos-cs -> glos-police on 2025-09-01: one in the window, no repeat.
# Cases with two or more: R1, R2 = 2.  Pairs with two or more about one
# case: glos-health / glos-police (R1), education / glos-cs (R2) = 2.
cat >glos.csv <<EOF
$H
G-1,gloucestershire,glos-police,glos-health,R1,2025-07-01,plan,,2025-07-01,,open,,,,
G-2,gloucestershire,glos-health,glos-police,R1,2025-07-15,plan,,2025-07-15,,open,,,,
G-3,gloucestershire,education,glos-cs,R2,2025-08-01,plan,,2025-08-01,,open,,,,
G-4,gloucestershire,education,glos-cs,R2,2025-08-15,plan,,2025-08-15,,open,,,,
G-5,gloucestershire,glos-police,glos-cs,R4,2024-09-02,plan,,2024-09-02,,open,,,,
G-6,gloucestershire,glos-cs,glos-police,R4,2025-09-01,plan,,2025-09-01,,open,,,,
EOF
check_ok "glos: loads" "$OV" load glos.csv
check_grep "read 6, loaded 6" "$T/.out" "glos: six escalations, none merged"
"$OV" metrics --partnership gloucestershire --quarter 2025-Q3 --json >glos.json
check_eq '[2,2]' "$(j glos.json '[.repeats | .cases, .pairs]')" \
	"glos repeats: a pair raised from either side is one pair"

finish
