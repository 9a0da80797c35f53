#!/bin/sh
# t-outcomes-papers.sh - the outcomes sections of the papers: the board
# paper (outcomes, feedback, informal resolution, immediate risk, repeat
# disagreements; time in each stage), the forum item (outcomes) and the
# agency pack (time in each stage per pair of agencies), their
# small-number rule and disclosure control.  The rows are
# t-outcomes-metrics.sh's North East Lincolnshire ones; the figures are
# worked out there, by hand, and repeated here as the paper words them.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-10-31
cd "$T" || exit 1
check_ok "init" "$OV" init
H=ref,partnership,raised_by,raised_with,case_ref,raised_on,theme,stage0_on,stage1_on,stage2_on,status,closed_on,outcome,feedback_on,immediate_risk
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
check_ok "nel: loads" "$OV" load --exported 2025-10-01 nel.csv
check_ok "board paper" "$OV" report board --partnership north-east-lincolnshire --quarter 2025-Q3 \
	-o out --no-charts
B=out/board-north-east-lincolnshire-2025-Q3.md
g() { check_grep "$1" "$B" "board: $2"; }
# Resolved in Q3: N-1 changed, N-2 partly, N-5 upheld, N-4 not recorded.
g '^| Changed (the decision or plan challenged was changed) | 1 |$' "changed 1"
g '^| Partly changed | 1 |$' "partly 1"
g '^| Upheld (the decision or plan stood) | 1 |$' "upheld 1"
g '^| Not recorded | 1 |$' "not recorded shown with its count"
g '^Of the 4 resolved escalations, 3 have an outcome recorded and 1 has \*\*none recorded\*\*. Where it is recorded, the decision or plan challenged was changed, in whole or in part, in 2 of 3.$' \
	"the changed share as counts (a denominator under 5)"
g '^Feedback: the practitioner who raised the disagreement was recorded as told the outcome for 3 of 4 of the resolved escalations, a median of 2.0 working days after it was resolved.$' \
	"feedback share and median"
g '^| Before stage 1: Attempt Resolution | 1 | 0 | 0 | 0 |$' "by stage: resolved informally, apart"
# Entered stage 0: N-1 (21 August) and N-6 (3 September) in 2025-Q3; none in
# 2025-Q2 nor in 2024-Q3 (the rows of 2024 have no stage0_on).
g '^| Entered the step before stage 1 (Attempt Resolution) | 2 | 0 | up 2 | 0 | up 2 |$' \
	"against earlier periods: the step before stage 1 entered, in its own row"
g '^| Entered Stage 1: Practitioner to escalate to Line Manager | 5 | 0 | up 5 | 1 | up 4 |$' \
	"against earlier periods: stage 1 entered (N-2, N-3, N-4, N-5, N-9 in Q3; N-8 in 2024-Q3)"
g '^| Stage 1: Practitioner to escalate to Line Manager | 0 | 0 | 1 | 1 |$' "by stage: stage 1"
g '^| Stage 2: Escalate to Organisation Safeguarding Representative | 0 | 1 | 0 | 0 |$' "by stage: stage 2"
g "^| Health | Children's Services | 1 | 0 | 1 | 0 |$" "by agencies, by name"
g "^| Children's Services | Humberside Police | 0 | 1 | 0 | 0 |$" "by agencies: the other direction apart"
# Informal 1 + stage 1 resolved 2 (N-4, N-5) = 3 of 4 at the lowest stages.
g '^Resolved informally, before stage 1 (the protocol.s "Attempt Resolution"): 1 of the resolved escalations;.* Resolved informally or at stage 1, the lowest stages: 3 of 4.$' \
	"informal resolution apart, and the share at the lowest stages"
g '^Escalations that entered the step before stage 1 in the period: 2.$' "stage 0 entered, apart (N-1, N-6)"
# The last eight quarters (2023-Q4 to 2025-Q3), stages entered by the
# date recorded: the step before stage 1 in 2025-Q3 by N-1 (21 Aug) and
# N-6 (3 Sep), set apart from the total; stage 1 in 2024-Q3 by N-8 (16
# Sep 2024), in 2024-Q4 by N-7 (4 Nov 2024), and in 2025-Q3 by N-2, N-3,
# N-4, N-5 and N-9 (5); stage 2 in 2025-Q3 by N-2 (26 Aug).  Totals: the
# stages alone, 1, 1 and 5 + 1 = 6, 8 in all.
g '^| Before stage 1: Attempt Resolution (not in the total) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 2 | 2 |$' \
	"eight quarters: the step before stage 1, apart"
g '^| Stage 1: [^|]* | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 5 | 7 |$' "eight quarters: stage 1"
g '^| \*\*Total\*\* | \*\*0\*\* | \*\*0\*\* | \*\*0\*\* | \*\*1\*\* | \*\*1\*\* | \*\*0\*\* | \*\*0\*\* | \*\*6\*\* | \*\*8\*\* |$' \
	"eight quarters: the total leaves the step before stage 1 out"
# Its chart stacks the stages alone.
check_ok "board paper with its charts" "$OV" report board --partnership north-east-lincolnshire \
	--quarter 2025-Q3 -o outc
C=outc/charts/board-north-east-lincolnshire-2025-Q3-stages.csv
check_grep '^Stage 1: [^,]*,0,0,0,1,1,0,0,5[^,0-9]*$' "$C" "stages chart: stage 1"
check_no_grep 'Before stage 1' "$C" "stages chart: the step before stage 1 is not stacked with the stages"
g '^Immediate risk: 3 escalations raised in the period .*; 2 of them reached their first stage on the working day they were raised.$' \
	"immediate risk"
g '^Repeat disagreements in the twelve months to 30 September 2025: cases with two or more escalations, 2; pairs of agencies that disagreed two or more times about the same case, 1.$' \
	"repeat disagreements as counts"
g '^| Before stage 1: Attempt Resolution | 2 | 2.5 |$' "time in stage 0: an even count's median"
g '^| Stage 1: Practitioner to escalate to Line Manager | 3 | 2.0 |$' "time in stage 1"
g '^| Stage 3: Escalate to Head of Service | 0 | - |$' "time in stage: nothing completed shows -"
g '^Escalations waited longest at the step before stage 1 (Attempt Resolution) (a median of 2.5 working days).$' \
	"the stage where escalations wait longest"
sed "/^## Analyst's appendix/,\$d" "$B" >"$T/board-body.md"
check_no_grep 'N-[0-9]\|C[0-9]\b\|north-east-lincolnshire\|nel-cs' "$T/board-body.md" "board: no reference, case or id before the analyst's appendix"
check_no_grep 'N-[0-9]\|C[0-9]\b' "$B" "board: no reference or case anywhere"

# Disclosure control: --suppress 3 hides counts 1 and 2, and the shares
# and medians that would give them away.
check_ok "board paper, --suppress 3" "$OV" report board --partnership north-east-lincolnshire \
	--quarter 2025-Q3 -o sup --no-charts --suppress 3
S=sup/board-north-east-lincolnshire-2025-Q3.md
check_no_grep '^| Not recorded | 1 |$' "$S" "suppress: the outcome count is hidden"
# 3 recorded beside 1 not recorded of 4 would give the 1 away: both go.
check_grep '^Of the 4 resolved escalations, how many have an outcome recorded and how many have \*\*none recorded\*\* is not shown under disclosure control. Where it is recorded, the share changed in whole or in part is not shown under disclosure control.$' \
	"$S" "suppress: the sentence hides the small counts, the other part of their total, and the share"
check_grep '^| Before stage 1: Attempt Resolution | \\<3 | - |$' "$S" \
	"suppress: time in stage hides a count under 3 and its median"
check_grep '^| Stage 1: Practitioner to escalate to Line Manager | 3 | 2.0 |$' "$S" \
	"suppress: a count of 3 and its median stay"
check_grep 'cases with two or more escalations, <3; pairs of agencies that disagreed two or more times about the same case, <3.$' \
	"$S" "suppress: repeat counts"

# The forum item carries the outcomes.
check_ok "forum item" "$OV" report scp --partnership north-east-lincolnshire --quarter 2025-Q3 \
	-o out --no-charts
check_grep '^## Outcomes: did challenge change anything?$' out/scp-north-east-lincolnshire-2025-Q3.md \
	"forum: the outcomes section"
check_grep '^| Not recorded | 1 |$' out/scp-north-east-lincolnshire-2025-Q3.md \
	"forum: not recorded shown with its count"

# Agency pack for Health: its pair health -> nel-cs completed N-1's stage
# 0 (3 working days) and N-5's stage 1 (2): 2 stages, median 2.5.
check_ok "agency pack" "$OV" report agency --partnership north-east-lincolnshire --agency health \
	--quarter 2025-Q3 -o out --no-charts
A=$(ls out/agency-north-east-lincolnshire-health-2025-Q3.md)
check_grep "^| Health | Children's Services | 2 | 2.5 |$" "$A" "agency pack: time in stage per pair"
check_no_grep "Humberside Police | Children's Services" "$A" "agency pack: only the agency's own pairs"

finish
