#!/bin/sh
# t-report.sh - "oversight report": whole board papers of a small
# hand-made data set against expected markdown, disclosure control,
# --public, refusals, the temporary output file, markdown escaping of
# hostile text, and (on every fixture) that no case reference or learning
# label beside a case reaches a paper.
#
# The expected files tests/expected/report-*.md take their fixed prose
# and layout from a run of the program; EVERY NUMBER in them was checked
# against the hand working below (the comment "checked:" lists which
# figure was checked how).  The "latest loaded" date of the title block
# (the clock) and the pseudonymous refs of the case list (keyed by the
# random warehouse key) are masked before comparing.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-12-31
EXP=$ROOT/tests/expected
GL=gloucestershire
H4=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,stage1_on,stage2_on,stage3_on,stage4_on,status,closed_on,learning,learning_theme

# mask FILE: the report with its clock and keyed refs masked.
mask() {
	sed -e 's/latest loaded [0-9-]* |/latest loaded DATE |/' \
		-e 's/^| E[0-9A-F]\{7\} |/| E??????? |/' "$1"
}

# ===========================================================================
# The data set: Gloucestershire, 2025-Q2 and 2025-Q3 (England)
# ===========================================================================
# Four agency logs.  Escalations (short names in the working):
#   R1  GCS-00 glos-cs -> glos-health, Tue 10 Jun, threshold, s1 10 Jun,
#       s2 12 Jun, open
#   R2  GHL-00 glos-health -> glos-cs, Mon 16 Jun, plan, s1 17 Jun,
#       resolved 18 Jun, learning (closed in Q2)
#   R3  GCS-01 glos-cs -> glos-police, Fri 22 Aug, threshold, s1 22 Aug,
#       s2 26 Aug, resolved 29 Aug, learning "Threshold understanding"
#   R4  GPC-01 glos-police -> glos-cs, Mon 25 Aug (bank holiday),
#       threshold, s1 25 Aug, resolved 26 Aug, learning: a hostile label
#   R5  GHL-01 glos-health -> glos-cs, Sun 24 Aug, plan, s1 24 Aug,
#       resolved 27 Aug, learning: a label holding a line break; and
#       children's services' copy GCS-03 (case "gl 000 0003"), identical:
#       reconciled into one escalation, no disagreement
#   R6  GED-01 education -> glos-cs, Tue 30 Sep, assessment, unborn, open
#   R7  GED-02 education -> early-years, Mon 29 Sep, information-sharing, open
#   R8  GCS-02 glos-cs -> education, Mon 7 Jul, threshold, s1 9 Jul, s2
#       10 Jul, s3 14 Jul, s4 21 Jul, resolved 28 Jul, learning
#       "Threshold understanding"
#   R9  GPC-02 glos-police -> glos-health, Mon 14 Jul, drift-delay, starts
#       at s2 14 Jul, withdrawn 16 Jul
#   R10 GHL-02 glos-health -> glos-police, Wed 3 Sep, threshold, s1 3 Sep,
#       s2 4 Sep, s3 8 Sep, s4 10 Sep, open
#   and GPC-99, quarantined (unknown theme 'neglect').
# Activity 2025-Q3 (referrals): glos-cs, glos-police, glos-health and
# education 100 each, early-years 600.
cat >"$T/cs.csv" <<EOF
$H4
GCS-00,$GL,glos-cs,glos-health,GL0000010,child,2025-06-10,threshold,case,2025-06-10,2025-06-12,,,open,,n,
GCS-01,$GL,glos-cs,glos-police,GL0000001,child,2025-08-22,threshold,case,2025-08-22,2025-08-26,,,resolved,2025-08-29,y,Threshold understanding
GCS-02,$GL,glos-cs,education,GL0000006,child,2025-07-07,threshold,case,2025-07-09,2025-07-10,2025-07-14,2025-07-21,resolved,2025-07-28,y,Threshold understanding
GCS-03,$GL,glos-health,glos-cs,gl 000 0003,child,2025-08-24,plan,case,2025-08-24,,,,resolved,2025-08-27,y,"Line one
## Injected heading"
EOF
cat >"$T/police.csv" <<EOF
$H4
GPC-01,$GL,glos-police,glos-cs,GL0000002,child,2025-08-25,threshold,case,2025-08-25,,,,resolved,2025-08-26,y,Pipes | and #hash <script>alert(1)</script>
GPC-02,$GL,glos-police,glos-health,GL0000007,child,2025-07-14,drift-delay,case,,2025-07-14,,,withdrawn,2025-07-16,n,
GPC-99,$GL,glos-police,glos-cs,GL0000099,child,2025-07-15,neglect,case,2025-07-15,,,,open,,n,
EOF
cat >"$T/health.csv" <<EOF
$H4
GHL-00,$GL,glos-health,glos-cs,GL0000011,child,2025-06-16,plan,case,2025-06-17,,,,resolved,2025-06-18,y,Recording decisions
GHL-01,$GL,glos-health,glos-cs,GL0000003,child,2025-08-24,plan,case,2025-08-24,,,,resolved,2025-08-27,y,"Line one
## Injected heading"
GHL-02,$GL,glos-health,glos-police,GL0000008,child,2025-09-03,threshold,case,2025-09-03,2025-09-04,2025-09-08,2025-09-10,open,,n,
EOF
cat >"$T/education.csv" <<EOF
$H4
GED-01,$GL,education,glos-cs,GL0000004,unborn,2025-09-30,assessment,case,2025-09-30,,,,open,,n,
GED-02,$GL,education,early-years,GL0000005,child,2025-09-29,information-sharing,case,2025-09-29,,,,open,,n,
EOF
cat >"$T/activity.csv" <<EOF
partnership,agency,quarter,measure,value
$GL,glos-cs,2025-Q3,referrals,100
$GL,glos-police,2025-Q3,referrals,100
$GL,glos-health,2025-Q3,referrals,100
$GL,education,2025-Q3,referrals,100
$GL,early-years,2025-Q3,referrals,600
EOF
check_ok "init" "$OV" init
# --shared: this data set stands for the whole partnership's escalations,
# so every agency is covered (t-coverage.sh tests missing logs).
check_ok "load the four logs" "$OV" load --quiet --shared "$T/cs.csv" "$T/police.csv" "$T/health.csv" "$T/education.csv"
check_ok "load the activity" "$OV" load --quiet --profile activity "$T/activity.csv"
check_eq "10|1" "$(sqlite3 "$OVERSIGHT_WAREHOUSE" "SELECT count(*), sum(n_sources = 2) FROM escalation")" \
	"12 rows, 1 quarantined, 1 reconciled: 10 escalations"

# ===========================================================================
# 1. The board report, 2025-Q3
# ===========================================================================
# checked (hand working from DESIGN.md "Definitions"):
# Title block: 11 current rows (cs 4 + police 2 + health 3 + education 2;
#   the quarantined row is none) from 4 files; 2025-Q3 is 2025/26 Q2.
#   Agency logs: the four files are loaded as the partnership's shared log
#   (--shared), exported "today", 31 December 2025 (OVERSIGHT_TODAY): every
#   agency, in the protocol's order, "shared log to 31 December 2025",
#   covered (on or after the as-of date, 30 September 2025).
# Headline, this quarter (as of 30 Sep) / previous quarter (as of 30 Jun):
#   raised R3-R10 = 8 / R1 R2 = 2 (+6); open at end R1 R6 R7 R10 = 4 / R1 = 1
#   (+3); resolved R3 R4 R5 R8 = 4 / R2 = 1 (+3); withdrawn R9 = 1 / 0 (+1);
#   entered stage 1: R3 R4 R5 R6 R7 R8 R10 = 7 / R1 R2 = 2 (+5); stage 2:
#   R3 R8 R9 R10 = 4 / R1 = 1 (+3); stage 3: R8 R10 = 2 / 0; stage 4:
#   R8 R10 = 2 / 0.
# Overdue (open at the as-of date, current stage timed, its deadline before
#   the as-of date): only stage 1 is timed.  At 30 Sep R6 (due 1 Oct) and
#   R7 (due 30 Sep, the as-of date itself) are not yet overdue; R1 and R10
#   are at untimed stages 2 and 4: 0.  At 30 Jun R1 is at stage 2: 0.
#   Forum papers: "No escalation was open past a stage deadline".
# Resolution time, working days d with raised < d <= resolved: R4 Mon 25
#   -> Tue 26 Aug = 1; R5 Sun 24 -> Wed 27 Aug: 26, 27 = 2; R3 Fri 22 ->
#   Fri 29 Aug: 26-29 = 4 (25th a holiday); R8 Mon 7 -> Mon 28 Jul = 15.
#   Median of 1 2 4 15 = (2 + 4) / 2 = 3.0, "4 resolved".
# Stage 1 "within 1 working day of raising" (the first working day after):
#   R3 due Tue 26 Aug, stage 2 26 Aug: met; R4 due 26 Aug, closed 26: met;
#   R5 due 26 Aug (Sun, then the holiday), closed 27: breached; R6 due
#   Wed 1 Oct: not in Q3; R7 due Tue 30 Sep, open: breached; R8 due Tue
#   8 Jul, stage 1 entered 9 Jul, completed 10 Jul: breached; R10 due Thu
#   4 Sep, stage 2 4 Sep: met.  Due 6, met 3, breached 3: 50.0%.
#   Q2: R1 due Wed 11 Jun, completed 12 Jun: breached; R2 due Tue 17 Jun,
#   closed 18 Jun: breached: due 2, breached 2: "2 of 2" (fewer than 5 met
#   or breached: counts, not a percentage).  The eight quarters
#   together: due 8, met 3, breached 5: 62.5%.
# Stages entered per quarter: 2025-Q2 stage 1 2, stage 2 1 (total 3);
#   2025-Q3 7, 4, 2, 2 (15); rows 9, 5, 2, 2; all 18; earlier quarters 0.
# Agencies (raised in Q3): glos-cs R3 R8 = 2, received R4 R5 R6 = 3;
#   glos-police R4 R9 = 2 / R3 R10 = 2; glos-health R5 R10 = 2 / R9 = 1;
#   education R6 R7 = 2 / R8 = 1; early-years 0 / R7 = 1.  Totals 8, 8.
# Themes: threshold R3 R4 R8 R10 = 4 (50.0%), then 1 each (12.5%):
#   assessment R6, drift-delay R9, information-sharing R7, plan R5.
# Subject: unborn R6 = 1, child 7.  Category: case 8.
# Open at 30 Sep by working days since raised: R6 0 and R7 1 (up to 5); R10
#   Wed 3 -> Tue 30 Sep = 19 (11-20); R1 Tue 10 Jun: 11-13, 16-20, 23-27,
#   30 Jun (14) + July 23 + August 20 + September 22 = 79 (61-120).  Total 4.
# Resolved by highest stage: R4 R5 1; R3 2; R8 4: at stage 1 or 2 "3 of 4"
#   (a share of fewer than 5: counts).
# Learning, closed in Q3 with learning: "Threshold understanding" R3 R8 = 2;
#   R4's and R5's labels 1 each (R2's closed in Q2); total 4.
# Funnel: x = 2 for glos-cs, glos-police, glos-health, education, 0 for
#   early-years; n = 100, 100, 100, 100, 600.  p = 8 / 1000 = 0.008;
#   e = 0.8 each, 4.8 for early-years.  P(X <= 2 | 0.8) = e^-0.8 (1 + 0.8 +
#   0.32) = 0.953: none.  early-years P(X <= 0 | 4.8) = e^-4.8 = 0.00823:
#   watch.  Total raised 8, activity 1000.
# Funnel over the four quarters 1 Oct 2024 - 30 Sep 2025 (activity only in
#   Q3, so n as above): x = glos-cs R1 R3 R8 = 3, glos-health R2 R5 R10 =
#   3, glos-police R4 R9 = 2, education R6 R7 = 2, early-years 0; p = 10 /
#   1000 = 0.01, e = 1.0 each, 6.0 for early-years.  P(X <= 2 | 1) = e^-1
#   x 2.5 = 0.920, P(X <= 3 | 1) = e^-1 x 2.667 = 0.981: none;
#   early-years e^-6 = 0.00248: watch.  Total 10, activity 1000.
# Headline, same quarter last year (2024-Q3): nothing raised before R1
#   (10 Jun 2025), so 0 in every row and the change is this quarter's count.
# Silent (none raised 1 Apr - 30 Sep): early-years.  One-way (received
#   R7, raised none in the four quarters): early-years.
# Monthly trend: data begin June 2025: June R1 R2 = 2, July R8 R9 = 2,
#   August R3 R4 R5 = 3, September R6 R7 R10 = 3: 4 months, mean 2.5;
#   moving ranges 0 1 0, AMR 1/3; limits 2.5 -/+ 2.66/3 = 1.6 to 3.4,
#   provisional; no rule.
# Data quality: 1 row quarantined; 1 escalation logged by two agencies
#   (R5), 0 disagreeing; every agency is in some escalation of Q3.
# Outcomes (the logs record none): resolved R3 R4 R5 R8 = 4, all not
#   recorded; no feedback.  By highest stage: 1: R4 R5 = 2, 2: R3 = 1, 3:
#   0, 4: R8 = 1.  By agencies (raised by -> with, by id): glos-cs ->
#   education R8, glos-cs -> glos-police R3, glos-health -> glos-cs R5
#   (the reconciled pair's first row, GCS-03, raised by glos-health),
#   glos-police -> glos-cs R4: 1 each.  No step before stage 1: resolved
#   at stage 1, 2 of 4.  Immediate risk 0.  Repeats (1 Oct 2024 - 30 Sep
#   2025): every case has one escalation: 0 cases, 0 pairs.
# Time in stage, stages completed in Q3 (working days, Mon 25 Aug a bank
#   holiday): stage 1: R3 22->26 Aug 1, R4 25->26 Aug 1, R5 24->27 Aug 2,
#   R8 9->10 Jul 1, R10 3->4 Sep 1: n 5, median 1.0; stage 2: R3 26->29
#   Aug 3, R8 10->14 Jul 2, R9 14->16 Jul 2, R10 4->8 Sep 2: n 4, median
#   2.0; stage 3: R8 14->21 Jul 5, R10 8->10 Sep 2: n 2, median 3.5;
#   stage 4: R8 21->28 Jul 5: n 1, 5.0, the longest wait.  Under
#   --suppress 5 only stage 1's count (5) and median stay.
check_ok "board report" "$OV" report board --partnership $GL --quarter 2025-Q3 --no-charts -o "$T/out"
check_eq "$T/out/board-$GL-2025-Q3.md" "$(cat "$T/.out")" "board: prints the path it wrote"
mask "$T/out/board-$GL-2025-Q3.md" >"$T/board.md"
check_cmp "$EXP/report-board-gloucestershire-2025-Q3.md" "$T/board.md" "board: whole report as worked out by hand"

# ===========================================================================
# 2. The Resolution Group's standing item (stage 4)
# ===========================================================================
# The item starts from its own stage and leaves the rest to the board
# report.  Stage 4 (the last) by 30 Sep and
# open at some time in Q3: R8 (raised 7 Jul, resolved, 15 working days)
# and R10 (raised 3 Sep, open, Wed 3 -> Tue 30 Sep = 19): 2; open 1,
# resolved 1, withdrawn 0.  Threshold disputes raised in Q3, by pair
# (ids in order): glos-cs -> education R8, glos-cs -> glos-police R3,
# glos-health -> glos-police R10, glos-police -> glos-cs R4: 1 each, 4.
check_ok "resolution-group report" "$OV" report resolution-group --partnership $GL --quarter 2025-Q3 --no-charts -o "$T/out"
mask "$T/out/resolution-group-$GL-2025-Q3.md" >"$T/rg.md"
check_cmp "$EXP/report-resolution-group-gloucestershire-2025-Q3.md" "$T/rg.md" \
	"resolution-group: whole report as worked out by hand"
check_eq 2 "$(grep -c '^| E[0-9A-F]\{7\} |' "$T/out/resolution-group-$GL-2025-Q3.md")" \
	"resolution-group: two escalations listed by pseudonymous ref"
check_no_grep 'GL000\|GCS-\|GHL-\|GPC-\|GED-' "$T/out/resolution-group-$GL-2025-Q3.md" \
	"resolution-group: no case ref and no source ref"

# ===========================================================================
# 3. Markdown escaping: hostile text stays data
# ===========================================================================
B=$T/out/board-$GL-2025-Q3.md
check_grep '^| Pipes \\| and \\#hash \\<script\\>alert(1)\\</script\\> | 1 |$' "$B" \
	"hostile label: | # < > escaped, one cell"
check_no_grep '<script>' "$B" "hostile label: no raw <script> anywhere"
check_grep '^| Line one \\#\\# Injected heading | 1 |$' "$B" "a line break in a label becomes a space"
check_no_grep '^## Injected' "$B" "a label cannot start a heading"
# Every row of the learning table has exactly 3 unescaped pipes.
check_eq "" "$(sed -n '/^## Learning identified/,/^## Challenge/p' "$B" | grep '^|' |
	sed 's/\\|//g' | awk -F'|' 'NF != 4')" "learning table: every row has two cells"

# ===========================================================================
# 4. Disclosure control: --suppress 5
# ===========================================================================
# checked, from the unsuppressed figures above (counts 1-4 become <5;
# a cell hidden only so that a total cannot give another away is [c]):
#   Headline: previous-quarter 2, 1, 1, 2, 1 and this quarter's 4, 4, 1, 4,
#     2, 2 hidden; the change column is blank wherever a count is hidden
#     (8 - 2 = +6 would give the 2 away); the median sentence is left out
#     (4 resolved) and the breach rate too (met 3, breached 3).
#   Stages per quarter, row "Stage 1": 2025-Q2 2 is hidden and the row
#     total 9 is shown, so 2025-Q3's 7 is hidden too ([c]); the total row:
#     2025-Q2 3 hidden, so 2025-Q3's 15 is [c]; the 18 stays.
#   Subject: unborn 1 hidden and the total 8 shown: child 7 is [c].
#   Timescales: met 3, breached 3 hidden (two in the row: safe); the rates
#     are left out.  Breach rate by quarter: 2025-Q2 due 2 and breached 2
#     hidden; in the Due column that leaves 2025-Q3's 6 as [c]; in the
#     total row met 3 is hidden and Due 8 shown, so breached 5 is [c].
#   Agencies, themes, open ages, resolved-at, learning: every count 1-4.
#   Funnel: the raised 2s hidden, and their p low (which would give them
#     away) left blank; early-years' 0 and its p low stay.
#   Data quality: "counted once: <5".
check_ok "board --suppress 5" "$OV" report board --partnership $GL --quarter 2025-Q3 --no-charts --suppress 5 -o "$T/sup"
mask "$T/sup/board-$GL-2025-Q3.md" >"$T/sup.md"
check_cmp "$EXP/report-board-gloucestershire-2025-Q3-suppress5.md" "$T/sup.md" \
	"suppress 5: whole report as worked out by hand"
S=$T/sup/board-$GL-2025-Q3.md
check_grep '^| Child | \\\[c\\\] |$' "$S" "suppress: the one other cell of a column with a small cell is hidden"
check_grep '^| Stage 1: Preventing Disputes | 0 | 0 | 0 | 0 | 0 | 0 | \\<5 | \\\[c\\\] | 9 |$' "$S" \
	"suppress: the one other cell of a row with a small cell is hidden"
# Same quarter last year (2024-Q3): nothing raised before R1 (10 Jun 2025),
# so 0, shown.  On the front page the previous quarter's hidden 2 is "<5"
# ("up from <5": 8 is shown, so the direction tells nothing hidden); the
# open 4 and resolved 4 beside a hidden 1 are not set against each other.
check_grep '^| Raised | 8 | up from <5 | up from 0 | ' "$S" "suppress: a hidden count in words on the front page"
check_grep '^| Open at the end of the period | <5 | also <5 | up from 0 | |$' "$S" \
	"suppress: two hidden counts not set against each other"
# Withdrawn 1 (R9), 0 and 0 before: the change beside the hidden 1 is blank.
check_grep '^| Withdrawn | \\<5 | 0 |  | 0 |  |$' "$S" "suppress: no change beside a hidden count"
check_no_grep '[^0-9.][1-4] working days\|: [1-4];\|: [1-4]\.\| [1-4] resolved' "$S" "suppress: no small count in the prose"
check_no_grep '^| [^|]* | \\<5 | [0-9]* | [0-9.]* | 0\.' "$S" "suppress: no p low beside a hidden count"

# The row relation Due = Met + Breached + Pending: a separate warehouse,
# Gloucestershire 2024-Q1, six stage 1 deadlines: X1-X5 raised Mon 8 - Fri
# 12 Jan and resolved the next working day (Fri 12 -> Mon 15): met; X6
# raised Mon 15 Jan, resolved Wed 17 (due Tue 16): breached.  Due 6, met
# 5, breached 1, pending 0: with breached hidden, 6 - 5 - 0 would give it
# away, so met is hidden too; the total row likewise.
{
	echo "$H4"
	n=0
	for d in 08:09 09:10 10:11 11:12 12:15 15:17; do
		n=$((n + 1))
		echo "X$n,$GL,glos-cs,glos-police,,child,2024-01-${d%:*},threshold,case,2024-01-${d%:*},,,,resolved,2024-01-${d#*:},n,"
	done
} >"$T/x.csv"
X=$T/x.db
check_ok "row relation: init" env OVERSIGHT_WAREHOUSE="$X" "$OV" init
check_ok "row relation: load" env OVERSIGHT_WAREHOUSE="$X" "$OV" load --quiet "$T/x.csv"
check_ok "row relation: report" env OVERSIGHT_WAREHOUSE="$X" "$OV" report board --partnership $GL --quarter 2024-Q1 --no-charts -o "$T/x"
check_grep '^| Stage 1: Preventing Disputes | completed within 1 working day of raising | protocol | 6 | 5 | 1 | 0 | 16.7% |$' \
	"$T/x/board-$GL-2024-Q1.md" "row relation: unsuppressed, due 6 met 5 breached 1"
check_ok "row relation: report --suppress 5" env OVERSIGHT_WAREHOUSE="$X" "$OV" report board --partnership $GL --quarter 2024-Q1 --no-charts --suppress 5 -o "$T/xs"
check_grep '^| Stage 1: Preventing Disputes | completed within 1 working day of raising | protocol | 6 | \\\[c\\\] | \\<5 | 0 |  |$' \
	"$T/xs/board-$GL-2024-Q1.md" "row relation: met hidden beside the hidden breached count"
check_grep '^| \*\*Total\*\* |  |  | \*\*6\*\* | \*\*\\\[c\\\]\*\* | \*\*\\<5\*\* | \*\*0\*\* |  |$' \
	"$T/xs/board-$GL-2024-Q1.md" "row relation: the total row too"

# A flagged agency whose count is hidden: Perth & Kinross 2025-Q3, as in
# t-metrics.sh: raised pk-sw 12, police-scotland 1, nhs-tayside 4,
# education 3 against referrals 400, 300, 200, 100: p = 20/1000, police
# expected 6.0, p_low = 7 e^-6 = 0.0174: watch.  Its "1" is hidden, so is
# its p low, and the sentence says "fewer" without the count.
{
	echo "ref,partnership,raised_by,raised_with,raised_on,theme,stage1_on,status,closed_on"
	n=0
	for a in pk-sw:12 police-scotland:1 nhs-tayside:4 education:3; do
		k=0
		while [ $k -lt ${a#*:} ]; do
			n=$((n + 1)) k=$((k + 1))
			d=2025-07-$(printf %02d $k)
			echo "K$n,perth-kinross,${a%:*},pk-sw,$d,threshold,$d,resolved,$d"
		done
	done
} >"$T/k.csv"
{
	echo "partnership,agency,quarter,measure,value"
	echo "perth-kinross,pk-sw,2025-Q3,referrals,400"
	echo "perth-kinross,police-scotland,2025-Q3,referrals,300"
	echo "perth-kinross,nhs-tayside,2025-Q3,referrals,200"
	echo "perth-kinross,education,2025-Q3,referrals,100"
} >"$T/k-activity.csv"
K=$T/k.db
check_ok "pk: init" env OVERSIGHT_WAREHOUSE="$K" "$OV" init
check_ok "pk: load" env OVERSIGHT_WAREHOUSE="$K" "$OV" load --quiet --shared "$T/k.csv"
check_ok "pk: load activity" env OVERSIGHT_WAREHOUSE="$K" "$OV" load --quiet --profile activity "$T/k-activity.csv"
check_ok "pk: board" env OVERSIGHT_WAREHOUSE="$K" "$OV" report board --partnership perth-kinross --quarter 2025-Q3 --no-charts -o "$T/k"
check_grep '^- \*\*Police Scotland\*\* raised 1 escalation against 6.0 expected from its activity (300 referrals): level \*watch\* (p = 0.0174)\.$' \
	"$T/k/board-perth-kinross-2025-Q3.md" "pk: the flagged agency, plain"
check_ok "pk: board --suppress 5" env OVERSIGHT_WAREHOUSE="$K" "$OV" report board --partnership perth-kinross --quarter 2025-Q3 --no-charts --suppress 5 -o "$T/ks"
check_grep '^| Police Scotland | \\<5 | 300 | 6.0 |  | watch: fewer than expected |$' \
	"$T/ks/board-perth-kinross-2025-Q3.md" "pk suppressed: count and p low hidden, level kept"
check_grep '^- \*\*Police Scotland\*\* raised fewer escalations than the 6.0 expected from its activity (300 referrals): level \*watch\*\.$' \
	"$T/ks/board-perth-kinross-2025-Q3.md" "pk suppressed: the sentence gives no count and no p"

# ===========================================================================
# 5. --public: disclosure control and no case-level list
# ===========================================================================
# checked: the forum's 2 escalations (open 1, resolved 1) become "<5" and
# the list is left out; the threshold pairs (1 each, total 4) are hidden.
check_ok "resolution-group --public" "$OV" report resolution-group --partnership $GL --quarter 2025-Q3 --no-charts --public -o "$T/pub"
P=$T/pub/resolution-group-$GL-2025-Q3.md
mask "$P" >"$T/pub.md"
check_cmp "$EXP/report-resolution-group-gloucestershire-2025-Q3-public.md" "$T/pub.md" \
	"public: whole report as worked out by hand"
check_no_grep 'E[0-9A-F]\{7\}' "$P" "public: no pseudonymous ref"
check_no_grep '^| Ref |' "$P" "public: no case-level table"
check_grep 'left out of the public version' "$P" "public: says the list is left out"
check_grep '^| Disclosure control | counts from 1 to 4 are shown as <5' "$P" "public: implies --suppress 5"

# ===========================================================================
# 6. Refusals and the output file
# ===========================================================================
check_exit 2 "pdg refused for gloucestershire" "$OV" report pdg --partnership $GL --quarter 2025-Q3 --no-charts -o "$T/ref"
check_grep "report 'pdg': gloucestershire has no forum with that report (its reports: board, resolution-group)" "$T/.err" \
	"pdg refused: says which reports the partnership has"
check_eq "" "$(ls "$T/ref" 2>/dev/null)" "pdg refused: nothing written"
check_exit 2 "unknown partnership refused" "$OV" report board --partnership glos --quarter 2025-Q3 --no-charts -o "$T/ref"
check_exit 2 "-o ../x refused" "$OV" report board --partnership $GL --quarter 2025-Q3 --no-charts -o ../x
check_grep "climbs out" "$T/.err" "-o ../x: says why"
check_exit 2 "-o out/../../x refused" "$OV" report board --partnership $GL --quarter 2025-Q3 --no-charts -o out/../../x
# --from/--to names the file by its dates.
check_ok "--from/--to report" "$OV" report board --partnership $GL --from 2025-08-01 --to 2025-08-31 --no-charts -o "$T/range"
check_eq "board-$GL-2025-08-01_2025-08-31.md" "$(ls "$T/range")" "--from/--to: file named by its dates"
# August only: raised R3 R4 R5 = 3.  One whole month: the previous month
# is July 2025 (R8 7 Jul, R9 14 Jul; GPC-99 was quarantined) = 2, change
# up; the same month last year, August 2024, nothing (data begin 10 Jun
# 2025) = 0, up.
check_grep '^| Raised | 3 | up from 2 | up from 0 | ' "$T/range/board-$GL-2025-08-01_2025-08-31.md" \
	"--from/--to: August raised 3, previous month 2, August 2024 none"
check_grep '^| Figure | This period | Previous month | Change | Same month last year | Change |$' \
	"$T/range/board-$GL-2025-08-01_2025-08-31.md" "--from/--to: the columns of one whole month"
check_grep 'beside them the previous month (1 July to 31 July 2025) and the same month a year earlier (1 August to 31 August 2024)' \
	"$T/range/board-$GL-2025-08-01_2025-08-31.md" "--from/--to: the header names the columns' months"

# An output folder that cannot be made (a file stands in its way).
: >"$T/afile"
check_exit 3 "unwritable folder: exit 3" "$OV" report board --partnership $GL --quarter 2025-Q3 --no-charts -o "$T/afile/sub"
check_eq "$T/afile" "$(find "$T/afile"* 2>/dev/null)" "unwritable folder: nothing created"
# A write that fails half-way (file size limit; SIGXFSZ ignored so that
# write() fails with EFBIG): no report and no temporary file is left, and
# the complete report already there is kept as it was.
# A copy of the warehouse in rollback-journal mode, so that reading it
# writes nothing (WAL would grow a -shm file past the limit first).
mkdir "$T/full"
cp "$B" "$T/full/board-$GL-2025-Q3.md"
cp "$OVERSIGHT_WAREHOUSE" "$T/del.db" && cp "$OVERSIGHT_WAREHOUSE.key" "$T/del.db.key"
sqlite3 "$T/del.db" "PRAGMA journal_mode=DELETE" >/dev/null
(
	trap '' XFSZ
	ulimit -f 4 # 4 blocks of 512 bytes (1024 in bash): far less than the report
	OVERSIGHT_WAREHOUSE="$T/del.db" exec "$OV" report board --partnership $GL --quarter 2025-Q3 --no-charts -o "$T/full"
) >"$T/.out" 2>"$T/.err"
rc=$?
check_eq 1 "$([ $rc -ne 0 ] && echo 1)" "failed write: non-zero exit"
check_grep "write failed\|File too large" "$T/.err" "failed write: says the write failed"
check_eq "board-$GL-2025-Q3.md" "$(ls -A "$T/full")" "failed write: no temporary file left"
check_cmp "$B" "$T/full/board-$GL-2025-Q3.md" "failed write: the earlier report is untouched"
if [ "$(id -u)" != 0 ]; then
	mkdir "$T/ro" && chmod 555 "$T/ro"
	check_exit 3 "read-only folder: exit 3" "$OV" report board --partnership $GL --quarter 2025-Q3 --no-charts -o "$T/ro"
	check_eq "" "$(ls -A "$T/ro")" "read-only folder: nothing left"
	chmod 755 "$T/ro"
fi

# ===========================================================================
# 7. Every fixture: no case reference, no learning label beside a case
# ===========================================================================
# As tools/demo.sh: all five partnerships, June then September exports,
# activity; every report kind, plain and --public.
F=$T/fx.db
export OVERSIGHT_TODAY=2026-09-30
fx() { OVERSIGHT_WAREHOUSE="$F" "$OV" "$@"; }
check_ok "fixtures: init" fx init --targets "$ROOT/fixtures/devon/targets.json"
PS="devon gloucestershire perth-kinross north-east-lincolnshire dumfries-galloway"
ok=1
for p in $PS; do
	fx load --quiet "$ROOT"/fixtures/$p/2026-06/*.csv >/dev/null 2>&1 || ok=0
	fx load --quiet $(ls "$ROOT"/fixtures/$p/*.csv | grep -v /activity.csv) >/dev/null 2>&1 || ok=0
	fx load --quiet --profile activity "$ROOT/fixtures/$p/activity.csv" >/dev/null 2>&1 || ok=0
done
check_eq 1 $ok "fixtures: every file loads"
ok=1
for p in $PS; do
	kinds="board $(sqlite3 "$F" "SELECT report FROM forum WHERE partnership = '$p' AND report IS NOT NULL")"
	for k in $kinds; do
		for q in 2026-Q3 2026-Q2; do
			fx report $k --partnership $p --quarter $q --no-charts -o "$T/fx" >/dev/null || ok=0
			fx report $k --partnership $p --quarter $q --no-charts --public -o "$T/fxp" >/dev/null || ok=0
		done
	done
done
check_eq 1 $ok "fixtures: every report written"
check_eq 44 "$(ls "$T/fx" "$T/fxp" | grep -c '\.md$')" "fixtures: 11 kinds x 2 quarters x plain and public"
# column NAME FILE: the values of a column of a fixture CSV.  The fixtures
# quote only learning_theme, their last column, so splitting on commas is
# exact for every column before it; learning_theme is everything after
# the comma before it, unquoted.
column() {
	awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
		c && name != "learning_theme" { print $c }
		c && name == "learning_theme" { s = $0; for (i = 1; i < c; i++) sub(/^[^,]*,/, "", s);
			if (s ~ /^"/) { s = substr(s, 2, length(s) - 2); gsub(/""/, "\"", s) } print s }' "$2"
}
for f in "$ROOT"/fixtures/*/*.csv "$ROOT"/fixtures/*/2026-06/*.csv; do
	case $f in */activity.csv) continue ;; esac
	column case_ref "$f"
done | grep -v '^$' | sort -u >"$T/caserefs"
# The same refs normalised as the loader does (no spaces, upper case).
tr -d ' ' <"$T/caserefs" | tr 'a-z' 'A-Z' | sort -u >"$T/caserefs.norm"
check_eq 1 "$([ "$(wc -l <"$T/caserefs")" -gt 2000 ] && echo 1)" "fixtures: over 2000 distinct case refs to look for"
check_grep '^[0-9]\{3\} [0-9]\{3\} [0-9]\{4\}$' "$T/caserefs" "fixtures: spaced NHS numbers are among them"
check_grep '^[a-z]' "$T/caserefs" "fixtures: lower-case spellings are among them"
cat "$T"/fx/*.md "$T"/fxp/*.md >"$T/all.md"
check_no_grep "$(head -1 "$T/caserefs")" "$T/all.md" "fixtures: a first case ref is absent (sanity)"
if grep -F -f "$T/caserefs" "$T/all.md" >"$T/hits" || grep -F -f "$T/caserefs.norm" "$T/all.md" >>"$T/hits"; then
	_notok "fixtures: no case ref in any report"; head -5 "$T/hits" | sed 's/^/#   /'
else
	_ok "fixtures: no case ref in any report"
fi
# Learning labels, raw and as md_escape() writes them, never on a line of
# a case-level list (a row starting with a pseudonymous ref).
for f in "$ROOT"/fixtures/*/*.csv; do
	case $f in */activity.csv) continue ;; esac
	column learning_theme "$f"
done | grep -v '^$' | sort -u >"$T/labels"
sed 's/[][\\|*_`#<>~!$]/\\&/g' "$T/labels" >"$T/labels.md"
check_eq 1 "$([ "$(wc -l <"$T/labels")" -gt 5 ] && echo 1)" "fixtures: learning labels found"
check_grep 'Pre-birth planning (\\<20 weeks)' "$T/labels.md" "fixtures: labels escaped as the reports write them"
grep -h '^| E[0-9A-F]\{7\} |' "$T"/fx/*.md >"$T/caserows"
check_eq 1 "$([ -s "$T/caserows" ] && echo 1)" "fixtures: forum reports list escalations"
check_no_grep 'E[0-9A-F]\{7\}' "$T/fxp/pdg-devon-2026-Q3.md" "fixtures: public pdg lists none"
if grep -F -f "$T/labels" "$T/caserows" >"$T/hits" || grep -F -f "$T/labels.md" "$T/caserows" >>"$T/hits"; then
	_notok "fixtures: no learning label beside a case"; head -5 "$T/hits" | sed 's/^/#   /'
else
	_ok "fixtures: no learning label beside a case"
fi
# Learning labels do appear, grouped, in the learning tables.
check_grep '^| Threshold understanding, early help | [0-9]* |$' "$T/fx/board-devon-2026-Q3.md" \
	"fixtures: labels are shown grouped with counts"

# ===========================================================================
# 8. The quarterly cycle: June then September = September alone
# ===========================================================================
# Every June row is in September's export, brought up to date (fixtures/
# README.md), so both warehouses must give the same figures for every
# period, and the same papers but for their "Data sources" line (which
# names the loads).
S1=$T/sep.db
check_ok "september alone: init" env OVERSIGHT_WAREHOUSE="$S1" "$OV" init --targets "$ROOT/fixtures/devon/targets.json"
ok=1
for p in $PS; do
	OVERSIGHT_WAREHOUSE="$S1" "$OV" load --quiet $(ls "$ROOT"/fixtures/$p/*.csv | grep -v /activity.csv) >/dev/null 2>&1 || ok=0
	OVERSIGHT_WAREHOUSE="$S1" "$OV" load --quiet --profile activity "$ROOT/fixtures/$p/activity.csv" >/dev/null 2>&1 || ok=0
done
check_eq 1 $ok "september alone: every file loads"
for p in $PS; do
	for q in 2026-Q3 2026-Q2; do
		fx metrics --partnership $p --quarter $q --json >"$T/js.json"
		OVERSIGHT_WAREHOUSE="$S1" "$OV" metrics --partnership $p --quarter $q --json >"$T/s.json"
		check_cmp "$T/s.json" "$T/js.json" "cycle: $p $q metrics, june then september = september alone"
	done
	OVERSIGHT_WAREHOUSE="$S1" "$OV" report board --partnership $p --quarter 2026-Q3 --no-charts -o "$T/sep" >/dev/null
	grep -v '^| Data sources |' "$T/fx/board-$p-2026-Q3.md" >"$T/a.md"
	grep -v '^| Data sources |' "$T/sep/board-$p-2026-Q3.md" >"$T/b.md"
	check_cmp "$T/b.md" "$T/a.md" "cycle: $p 2026-Q3 board paper the same"
done

finish
