#!/bin/sh
# t-overdue.sh - escalations overdue at the as-of date (DESIGN.md
# "Overdue at the as-of date"): open then, current stage (the highest
# entered by then) timed, its deadline before the as-of date; working days
# overdue from the deadline to the as-of date (d with deadline < d <= as-of).
# Counts in `metrics --json` ("overdue") and the list in a forum paper, on
# small hand-made logs, against figures worked out BY HAND beside each
# check (never copied from the program).
#
# Calendars (weekdays checked with date(1)):
#   June 2025:  Mon 2-Fri 6; 9-13; 16-20; 23-27; Mon 30.
#   July 2025:  Tue 1-Fri 4; 7-11; 14-18; 21-25; 28-31: 23 working days.
#   August:     Fri 1; Mon 4-Fri 8; 11-15; 18-22; Mon 25-Fri 29: 21
#               weekdays, less one bank holiday either side of the border
#               (England and Wales: Mon 25 Aug; Scotland: Mon 4 Aug): 20.
#   September:  Mon 1-5; 8-12; 15-19; 22-26; Mon 29, Tue 30: 22.
. "$(dirname "$0")/lib.sh"

if ! command -v jq >/dev/null 2>&1; then
	echo "not ok 1 - jq is needed to read the JSON (sh tools/deps.sh installs it)"
	exit 1
fi
export OVERSIGHT_TODAY=2025-12-31

ov() {
	db=$1
	shift
	OVERSIGHT_WAREHOUSE="$db" "$OV" "$@"
}
met() {
	db=$1 out=$2
	shift 2
	ov "$db" metrics --json "$@" >"$out" 2>"$T/met.err" || {
		echo "# metrics $*: exit $?"
		sed 's/^/#   /' "$T/met.err"
	}
}
jv() { jq -c "$2" "$1"; }

H5=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme
H4=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,stage1_on,stage2_on,stage3_on,stage4_on,status,closed_on,learning,learning_theme

# ===========================================================================
# 1. North East Lincolnshire, 2025-Q3 as of Tue 30 Sep: "by working day N"
#    (stages 1-5: 2, 8, 11, 15, 22); day 1 is raised_on if a working day.
# ===========================================================================
#   NA raised Fri 22 Aug, stage 1, open: day 1 Fri 22, day 2 Tue 26 (Mon 25
#      the bank holiday): deadline 26 Aug.  Overdue: 27 28 29 Aug (3) + 22
#      in September = 25.
#   NB raised Mon 2 Jun (Q2), stage 2 on 3 Jun, open: stage 2 by working
#      day 8: 2 3 4 5 6 9 10 11 Jun: deadline Wed 11 Jun (an earlier
#      quarter).  Overdue: 12 13 16-20 23-27 30 Jun (13) + 23 + 20 + 22 = 78.
#   NC raised Thu 25 Sep, stage 1, open: day 2 Fri 26 Sep; overdue 29 30 = 2.
#   ND raised Mon 29 Sep: day 2 Tue 30 Sep, the as-of date itself: not
#      before it, so not overdue.
#   NE raised Tue 30 Sep: deadline Wed 1 Oct: not overdue.
#   NF raised Mon 1 Sep, stage 1, closed Mon 15 Sep: not open.
#   NG raised Mon 1 Sep, stage 1, stage 2 Wed 1 Oct, closed 15 Oct: open at
#      30 Sep and at stage 1 then (stage 2 not yet happened): deadline Tue
#      2 Sep; overdue 3-5 (3) 8-12 15-19 22-26 (15) 29 30 (2) = 20.
#   NH raised Mon 1 Sep, stages 1 and 3 (3 entered Mon 29 Sep), open:
#      stage 3 by working day 11: 1-5 (5) 8-12 (10) Mon 15 (11): deadline
#      15 Sep; overdue 16-19 (4) 22-26 (5) 29 30 (2) = 11.
#   => overdue 5: stage 1 NA NC NG (3), stage 2 NB (1), stage 3 NH (1).
N=north-east-lincolnshire
cat >"$T/nel.csv" <<EOF
$H5
NA,$N,nel-cs,humberside-police,NL0000001,child,2025-08-22,threshold,case,2025-08-22,,,,,open,,n,
NB,$N,health,nel-cs,NL0000002,child,2025-06-02,plan,case,2025-06-02,2025-06-03,,,,open,,n,
NC,$N,education,nel-cs,NL0000003,child,2025-09-25,threshold,case,2025-09-25,,,,,open,,n,
ND,$N,nel-cs,health,NL0000004,child,2025-09-29,threshold,case,2025-09-29,,,,,open,,n,
NE,$N,nel-cs,education,NL0000005,child,2025-09-30,threshold,case,2025-09-30,,,,,open,,n,
NF,$N,humberside-police,nel-cs,NL0000006,child,2025-09-01,threshold,case,2025-09-01,,,,,resolved,2025-09-15,n,
NG,$N,humberside-police,health,NL0000007,child,2025-09-01,threshold,case,2025-09-01,2025-10-01,,,,resolved,2025-10-15,n,
NH,$N,focus,nel-cs,AS0000008,adult,2025-09-01,assessment,case,2025-09-01,,2025-09-29,,,open,,n,
EOF
NEL=$T/nel.db
check_ok "nel: init" ov "$NEL" init
check_ok "nel: load" ov "$NEL" load --quiet "$T/nel.csv"
met "$NEL" "$T/nel.json" --partnership $N --quarter 2025-Q3
check_eq '{"n":5,"by_stage":[{"stage":1,"n":3},{"stage":2,"n":1},{"stage":3,"n":1}]}' \
	"$(jv "$T/nel.json" .overdue)" "nel: 5 overdue, by stage 3, 1, 1 (one deadline from Q2)"
# As of Mon 25 Aug (the bank holiday): NA's deadline (26 Aug) is still to
# come; NB (11 Jun) is overdue; NC-NH are not raised yet.
met "$NEL" "$T/nel-aug.json" --partnership $N --quarter 2025-Q3 --as-of 2025-08-25
check_eq '{"n":1,"by_stage":[{"stage":2,"n":1}]}' "$(jv "$T/nel-aug.json" .overdue)" \
	"nel: as of the bank holiday, only the stage 2 from Q2 is overdue"
# 2025-Q4 as of Wed 31 Dec: NG closed 15 Oct; the rest still open, every
# deadline passed (ND's 30 Sep, NE's 1 Oct too): stage 1 NA NC ND NE (4),
# stage 2 NB, stage 3 NH.
met "$NEL" "$T/nel-q4.json" --partnership $N --quarter 2025-Q4
check_eq '{"n":6,"by_stage":[{"stage":1,"n":4},{"stage":2,"n":1},{"stage":3,"n":1}]}' \
	"$(jv "$T/nel-q4.json" .overdue)" "nel: Q4, deadlines of earlier quarters still count while open"

# The SCP chair's paper counts the children's escalations (all but NH),
# the SAB chair's the adults' (NH alone); each lists the overdue at its own
# stage (5) only: none here.
check_ok "nel: scp paper" ov "$NEL" report scp --partnership $N --quarter 2025-Q3 --no-charts -o "$T/out"
check_ok "nel: sab paper" ov "$NEL" report sab --partnership $N --quarter 2025-Q3 --no-charts -o "$T/out"
NP=$T/out/scp-$N-2025-Q3.md
SP=$T/out/sab-$N-2025-Q3.md
check_grep '^No escalation was open past a stage deadline at the as-of date, at this stage\.$' "$NP" \
	"nel: the forum item lists only its own stage's overdue (none at stage 5)"
check_no_grep '| 2025-06-11 |\|11 June 2025' "$NP" "nel: a stage 2 overdue is not in the stage 5 item"
check_no_grep 'nel-cs\|humberside-police' "$NP" "nel: agencies by name, not id"
check_grep '^| Overdue now (open past a stage deadline) | 4 | ' "$NP" "nel: scp front page, the children's 4"
check_grep '^| Overdue now (open past a stage deadline) | 1 | ' "$SP" "nel: sab front page, the adults' 1"
# The board paper counts them all.
check_ok "nel: board paper" ov "$NEL" report board --partnership $N --quarter 2025-Q3 --no-charts -o "$T/out"
NB=$T/out/board-$N-2025-Q3.md
check_grep '^| Overdue now (open past a stage deadline) | 5 | ' "$NB" "nel: front page total"
check_grep '^| Overdue at Stage 1: Practitioner to escalate to Line Manager | 3 | ' "$NB" "nel: headline stage 1"
check_grep '^| Overdue at Stage 2: Escalate to Organisation Safeguarding Representative | 1 | ' "$NB" "nel: headline stage 2"

# ===========================================================================
# 2. Gloucestershire, 2025-Q3: stage 1 "within 1 working day of raising"
#    (the 1st working day strictly after raised_on); no other stage timed.
# ===========================================================================
#   GA raised Fri 22 Aug, stage 1, open: deadline Tue 26 Aug (Mon 25 the
#      bank holiday); overdue 27 28 29 Aug (3) + 22 = 25.
#   GB raised Sun 24 Aug, stage 2 on Tue 26 Aug, open: stage 2 has no
#      timescale: not overdue.
#   GC raised Mon 30 Jun (Q2), stage 1, open: deadline Tue 1 Jul; overdue
#      2-31 Jul (23 - 1 = 22) + 20 + 22 = 64.
#   GD raised Mon 29 Sep: deadline Tue 30 Sep, the as-of date: not overdue.
#   GE raised Mon 1 Sep, resolved Tue 2 Sep: closed, not overdue.
#   => overdue 2, stage 1.
GL=gloucestershire
cat >"$T/glos.csv" <<EOF
$H4
GA,$GL,glos-cs,glos-police,GL0000001,child,2025-08-22,threshold,case,2025-08-22,,,,open,,n,
GB,$GL,glos-health,glos-cs,GL0000002,child,2025-08-24,plan,case,2025-08-24,2025-08-26,,,open,,n,
GC,$GL,education,glos-cs,GL0000003,child,2025-06-30,threshold,case,2025-06-30,,,,open,,n,
GD,$GL,glos-police,glos-cs,GL0000004,child,2025-09-29,threshold,case,2025-09-29,,,,open,,n,
GE,$GL,glos-cs,education,GL0000005,child,2025-09-01,threshold,case,2025-09-01,,,,resolved,2025-09-02,n,
EOF
GW=$T/glos.db
check_ok "glos: init" ov "$GW" init
check_ok "glos: load" ov "$GW" load --quiet "$T/glos.csv"
met "$GW" "$T/glos.json" --partnership $GL --quarter 2025-Q3
check_eq '{"n":2,"by_stage":[{"stage":1,"n":2}]}' "$(jv "$T/glos.json" .overdue)" \
	"glos: 2 overdue at stage 1 (one from Q2); stage 2 untimed"
check_ok "glos: resolution-group paper" ov "$GW" report resolution-group --partnership $GL --quarter 2025-Q3 --no-charts -o "$T/out"
GP=$T/out/resolution-group-$GL-2025-Q3.md
check_grep '^No timescale is set for this stage, so no escalation at it can be overdue\.$' "$GP" \
	"glos: the stage 4 item: no timescale, no overdue list"
check_ok "glos: board paper" ov "$GW" report board --partnership $GL --quarter 2025-Q3 --no-charts -o "$T/out"
GB=$T/out/board-$GL-2025-Q3.md
check_grep '^| Overdue now (open past a stage deadline) | 2 | ' "$GB" "glos: front page, the one timed stage"

# ===========================================================================
# 3. Dumfries & Galloway, 2025-Q3: stage 4 "within 7 working days of
#    entering it", Scotland's calendar (Mon 4 Aug a holiday, 25 Aug not).
# ===========================================================================
#   DA raised Mon 28 Jul, stage 4 Fri 1 Aug, open: 5 6 7 8 11 12 13 Aug:
#      deadline Wed 13 Aug; overdue 14 15 (2) 18-22 (5) 25-29 (5) + 22 = 34.
#   DB raised Thu 1 May, stage 4 Fri 6 Jun, open: 9 10 11 12 13 16 17 Jun:
#      deadline Tue 17 Jun (Q2); overdue 18 19 20 23-27 30 Jun (9) + 23 +
#      20 + 22 = 74.
#   DC stage 3 only, open: no timescale, not overdue.
#   DD stage 4 Tue 23 Sep: deadline Thu 2 Oct: not overdue.
#   => overdue 2, stage 4: 74, 34.
D=dumfries-galloway
cat >"$T/dg.csv" <<EOF
$H4
DA,$D,dg-sw,nhs-dg,DGC000001,,2025-07-28,threshold,,2025-07-28,,,2025-08-01,open,,n,
DB,$D,nhs-dg,dg-sw,DGC000002,,2025-05-01,threshold,,2025-05-01,,,2025-06-06,open,,n,
DC,$D,police-scotland,education,DGC000003,,2025-09-01,plan,,,,2025-09-01,,open,,n,
DD,$D,education,dg-sw,DGC000004,,2025-09-22,plan,,2025-09-22,,,2025-09-23,open,,n,
EOF
DG=$T/dg.db
check_ok "dg: init" ov "$DG" init
check_ok "dg: load" ov "$DG" load --quiet "$T/dg.csv"
met "$DG" "$T/dg.json" --partnership $D --quarter 2025-Q3
check_eq '{"n":2,"by_stage":[{"stage":4,"n":2}]}' "$(jv "$T/dg.json" .overdue)" \
	"dg: 2 overdue at stage 4 (one deadline from Q2)"
check_ok "dg: girfec paper" ov "$DG" report girfec --partnership $D --quarter 2025-Q3 --no-charts -o "$T/out"
DP=$T/out/girfec-$D-2025-Q3.md
check_eq '74 34' "$(grep -A5 '^| Ref | Stage | Raised by' "$DP" | awk -F'|' 'NR > 2 && NF > 6 { gsub(/ /, "", $7); printf "%s%s", s, $7; s = " " }')" \
	"dg: working days overdue in Scotland's calendar, longest first"
check_grep '| 17 June 2025 | 74 |$' "$DP" "dg: the Q2 deadline, as a date a reader reads"
check_grep '| 13 August 2025 | 34 |$' "$DP" "dg: across the Scottish holiday"
check_ok "dg: girfec --public" ov "$DG" report girfec --partnership $D --quarter 2025-Q3 --no-charts --public -o "$T/pub"
check_no_grep '| 17 June 2025 |' "$T/pub/girfec-$D-2025-Q3.md" "dg: the public paper leaves the list out"

# ===========================================================================
# 4. Open escalations by age: seven bands (up to 5, 6-10, 11-20, 21-40,
#    41-60, 61-120, over 120 working days since raised, d with raised < d
#    <= the end of the period)
# ===========================================================================
# ages: count the rows of a paper's age table, one band a line.
ages() { grep -A10 '^| Age | Open |' "$1" | awk -F'|' 'NR > 2 && NF > 2 { gsub(/^ +| +$/, "", $2); gsub(/ /, "", $3); print $2 ":" $3 }' | tr '\n' ' '; }
# D&G at Tue 30 Sep (Scotland: 5 and 26 May, 4 Aug holidays):
#   DA Mon 28 Jul: 29-31 Jul (3) + August 20 + September 22 = 45: 41-60
#   DB Thu 1 May: May 2-30 less 5 and 26 May (19) + June 21 + 23 + 20 + 22
#      = 105: 61-120
#   DC Mon 1 Sep: 2-30 Sep = 21: 21-40
#   DD Mon 22 Sep: 23 24 25 26 29 30 = 6: 6-10
check_ok "dg: board paper" ov "$DG" report board --partnership $D --quarter 2025-Q3 --no-charts -o "$T/out"
check_eq 'up to 5 working days:0 6-10:1 11-20:0 21-40:1 41-60:1 61-120:1 over 120:0 **Total**:**4** ' \
	"$(ages "$T/out/board-$D-2025-Q3.md")" "dg: open by age, seven bands"
# NEL at Wed 31 Dec 2025 (England: Christmas Thu 25, Boxing Day Fri 26):
# October 23, November 20, December 23 - 2 = 21: 64 working days after
# 30 Sep.  At 30 Sep: NA Fri 22 Aug: 26-29 Aug (4) + 22 = 26; NB Mon 2 Jun:
# 3-6 (4) 9-27 (15) 30 (1) Jun = 20, + 23 + 20 + 22 = 85; NC 3; ND 1; NE 0;
# NH 21 (NG closed 15 Oct, NF 15 Sep).  Add 64: NA 90, NB 149, NC 67,
# ND 65, NE 64, NH 85: five in 61-120, NB over 120.
check_ok "nel: board paper, Q4" ov "$NEL" report board --partnership $N --quarter 2025-Q4 --no-charts -o "$T/out"
check_eq 'up to 5 working days:0 6-10:0 11-20:0 21-40:0 41-60:0 61-120:5 over 120:1 **Total**:**6** ' \
	"$(ages "$T/out/board-$N-2025-Q4.md")" "nel: open by age at 31 Dec, the backlog over 120 apart"

# ===========================================================================
# 5. Small numbers: a rate or share over fewer than 5 is shown as its
#    counts ("1 of 1"), from 5 on as a percentage; the JSON keeps the value.
# ===========================================================================
# D&G (section 3) stage 4 deadlines: DA due 13 Aug, open at 30 Sep:
# breached; DB's (17 Jun) fell due in Q2, breached by 30 Jun (open); DD's
# (2 Oct) after Q3.  Q3: due 1, met 0, breached 1: "1 of 1"; Q2 the same;
# the two quarters together 2 of 2.
check_eq 1 "$(jv "$T/dg.json" .breach_rate)" "dg: the JSON keeps the rate 1/1"
check_grep '^| Stage deadlines breached | 1 of 1 | the same as 1 of 1 | ' "$T/out/board-$D-2025-Q3.md" \
	"dg: the front page gives 1 of 1, not 100%, and Q2's the same"
check_grep '^| Stage 4: Where Disagreements Remain | [^|]* | protocol | 1 | 0 | 1 | 0 | 1 of 1 |$' "$T/out/board-$D-2025-Q3.md" \
	"dg: the timescales table gives 1 of 1"
check_grep '^| 2025-Q2 | 1 | 0 | 1 | 0 | 1 of 1 |$' "$T/out/board-$D-2025-Q3.md" "dg: breach rate by quarter, Q2"
check_grep '^| \*\*Total\*\* | \*\*2\*\* | \*\*0\*\* | \*\*2\*\* | \*\*0\*\* | \*\*2 of 2\*\* |$' "$T/out/board-$D-2025-Q3.md" \
	"dg: breach rate by quarter, total"
check_no_grep '100\.0%' "$T/out/board-$D-2025-Q3.md" "dg: no percentage of fewer than 5"
# Gloucestershire (section 2) stage 1 deadlines due in Q3: GA 26 Aug open:
# breached; GB 26 Aug, stage 2 entered 26 Aug: met; GC 1 Jul open:
# breached; GD 30 Sep (the as-of date) open: breached; GE 2 Sep, closed
# 2 Sep: met.  Due 5, met 2, breached 3: 3 / 5 = 60.0%.
# Raised in Q3: GA GB GD GE = 4 (GC in Q2): threshold GA GD GE 3 of 4,
# plan GB 1 of 4.  Resolved in Q3: GE, at stage 1: 1 of 1 at stage 1 or 2.
check_eq 0.6 "$(jv "$T/glos.json" .breach_rate)" "glos: breach_rate 3/5"
check_grep '^| Stage deadlines breached | 60\.0% | ' "$GB" \
	"glos: a denominator of 5 is a percentage"
check_grep '^| Stage 1: Preventing Disputes | [^|]* | protocol | 5 | 2 | 3 | 0 | 60\.0% |$' "$GB" \
	"glos: the timescales table, 60.0%"
check_grep '^| Thresholds | 3 | 3 of 4 |$' "$GB" "glos: theme share of 4 raised as counts"
check_grep '^| Plan for the child | 1 | 1 of 4 |$' "$GB" "glos: theme share, plan"
check_grep '^Of the escalations resolved in the period, 1 of 1 were resolved at stage 1 or 2\.$' "$GB" \
	"glos: resolved at stage 1 or 2, 1 of 1"
# The agency pack: Children's Social Care raised GA (breached) and GE
# (met): 1 of 2.
check_ok "glos: agency pack" ov "$GW" report agency --partnership $GL --agency glos-cs --quarter 2025-Q3 --no-charts -o "$T/out"
check_grep '^| Stage 1: Preventing Disputes | protocol | 2 | 1 | 1 | 0 | 1 of 2 |$' \
	"$T/out/agency-$GL-glos-cs-2025-Q3.md" "glos: the agency pack's breach rate as counts"
# The breach-rate chart leaves out a quarter with fewer than 5 met or
# breached, and says so (D&G: every quarter has 0 or 1).
if command -v gnuplot >/dev/null 2>&1; then
	check_ok "dg: board paper with charts" ov "$DG" report board --partnership $D --quarter 2025-Q3 -o "$T/ch"
	check_grep '^The line leaves out quarters with fewer than 5 stage deadlines met or breached' \
		"$T/ch/board-$D-2025-Q3.md" "dg: the chart's note on small numbers"
	# eight quarters 2023-Q4 to 2025-Q3, none with 5 met or breached
	check_eq '8 rows, 0 rates' "$(tr -d '\r' <"$T/ch/charts/board-$D-2025-Q3-breach.csv" |
		awk -F, 'NR > 1 { n++; if ($6 != "") k++ } END { printf "%d rows, %d rates", n, k }')" \
		"dg: no breach-rate point for the small quarters"
fi

# ===========================================================================
# 6. One pass, three dates: North East Lincolnshire 2025-Q3 beside the
#    previous quarter (as of Mon 30 Jun 2025) and the same quarter a year
#    earlier (as of Mon 30 Sep 2024), counted together
#    (queries/m_overdue_events.sql).  An escalation never closed whose
#    highest stage was entered by every date it was open at is read from
#    that stage alone; one whose highest stage came after such a date, and
#    one closed after the earliest date, from each stage event.  Stages by
#    working day 2, 8 and 11 from raising (2024: Mon 2 Sep day 1, Tue 3
#    day 2, Wed 11 day 8, Mon 16 day 11; Mon 1 Jul day 1, Tue 2 Jul day 2).
# ===========================================================================
#   XA raised Mon 2 Sep 2024, stage 1, never closed: its highest stage
#      alone; stage 1 due 3 Sep 2024: overdue at all three dates.
#   XB raised 2 Sep 2024, stage 1, stage 2 Thu 1 May 2025, never closed:
#      stage 2 came after 30 Sep 2024, a date it was open at.  30 Sep 2024:
#      stage 1 (due 3 Sep 2024); 30 Jun and 30 Sep 2025: stage 2 (due 11
#      Sep 2024, passed before it was entered).
#   XC raised Mon 2 Jun 2025, stage 1, stage 2 Mon 1 Sep 2025, never
#      closed: 30 Jun 2025 stage 1 (due Tue 3 Jun); 30 Sep 2025 stage 2
#      (day 8: 2-6, 9-11 Jun: due Wed 11 Jun).  Not raised in 2024.
#   XD raised Mon 29 Sep 2025, stage 1, never closed: due Tue 30 Sep, the
#      as-of date itself: not overdue.
#   XE raised Mon 2 Sep 2024, stage 1, resolved Mon 3 Mar 2025: open at
#      30 Sep 2024 only: stage 1 overdue then.
#   XF raised Mon 2 Sep 2024, stage 1, stage 3 Mon 2 Jun 2025, resolved Wed
#      1 Oct 2025 (after all three dates): 30 Sep 2024 stage 1; 30 Jun and
#      30 Sep 2025 stage 3 (due 16 Sep 2024).  About an adult.
#   XG raised Mon 1 Sep 2025, stage 1, stage 2 Wed 1 Oct 2025 (after the
#      as-of date), never closed: 30 Sep 2025 stage 1 (due Tue 2 Sep).
#   XH raised Mon 1 Jul 2024, stage 1, resolved Fri 1 Nov 2024: 30 Sep 2024
#      stage 1 (due Tue 2 Jul 2024).
#   XI raised Mon 1 Sep 2025, stage 1, never closed: 30 Sep 2025 stage 1.
#   => 30 Sep 2024: XA XB XE XF XH, 5 at stage 1.
#      30 Jun 2025: XA XC at stage 1, XB at stage 2, XF at stage 3: 4.
#      30 Sep 2025: XA XG XI at stage 1, XB XC at stage 2, XF at stage 3: 6.
cat >"$T/three.csv" <<EOF
$H5
XA,$N,nel-cs,health,NL0000101,child,2024-09-02,threshold,case,2024-09-02,,,,,open,,n,
XB,$N,health,nel-cs,NL0000102,child,2024-09-02,threshold,case,2024-09-02,2025-05-01,,,,open,,n,
XC,$N,education,nel-cs,NL0000103,child,2025-06-02,plan,case,2025-06-02,2025-09-01,,,,open,,n,
XD,$N,nel-cs,education,NL0000104,child,2025-09-29,threshold,case,2025-09-29,,,,,open,,n,
XE,$N,humberside-police,nel-cs,NL0000105,child,2024-09-02,threshold,case,2024-09-02,,,,,resolved,2025-03-03,n,
XF,$N,focus,nel-cs,AS0000106,adult,2024-09-02,assessment,case,2024-09-02,,2025-06-02,,,resolved,2025-10-01,n,
XG,$N,nel-cs,humberside-police,NL0000107,child,2025-09-01,threshold,case,2025-09-01,2025-10-01,,,,open,,n,
XH,$N,health,education,NL0000108,child,2024-07-01,threshold,case,2024-07-01,,,,,resolved,2024-11-01,n,
XI,$N,education,health,NL0000109,child,2025-09-01,plan,case,2025-09-01,,,,,open,,n,
EOF
X3=$T/three.db
check_ok "three: init" ov "$X3" init
check_ok "three: load" ov "$X3" load --quiet "$T/three.csv"
met "$X3" "$T/x-2024q3.json" --partnership $N --quarter 2024-Q3
check_eq '{"n":5,"by_stage":[{"stage":1,"n":5}]}' "$(jv "$T/x-2024q3.json" .overdue)" \
	"three: as of 30 Sep 2024, 5 at stage 1 (two since closed)"
met "$X3" "$T/x-2025q2.json" --partnership $N --quarter 2025-Q2
check_eq '{"n":4,"by_stage":[{"stage":1,"n":2},{"stage":2,"n":1},{"stage":3,"n":1}]}' \
	"$(jv "$T/x-2025q2.json" .overdue)" "three: as of 30 Jun 2025, 4: stages 1, 1, 2, 3"
met "$X3" "$T/x-2025q3.json" --partnership $N --quarter 2025-Q3
check_eq '{"n":6,"by_stage":[{"stage":1,"n":3},{"stage":2,"n":2},{"stage":3,"n":1}]}' \
	"$(jv "$T/x-2025q3.json" .overdue)" "three: as of 30 Sep 2025, 6: stages 1 x3, 2 x2, 3"
met "$X3" "$T/x-adults.json" --partnership $N --quarter 2025-Q3 --subject adults
check_eq '{"n":1,"by_stage":[{"stage":3,"n":1}]}' "$(jv "$T/x-adults.json" .overdue)" \
	"three: the adults' alone: XF at stage 3"
# The board paper's front page gives the three from the one pass.
check_ok "three: board paper" ov "$X3" report board --partnership $N --quarter 2025-Q3 --no-charts -o "$T/x"
check_grep '^| Overdue now (open past a stage deadline) | 6 | up from 4 | up from 5 | ' \
	"$T/x/board-$N-2025-Q3.md" "three: 6 now, 4 the quarter before, 5 a year before"

finish
