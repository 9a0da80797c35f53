#!/bin/sh
# t-compare.sh - partnerships side by side (`oversight report compare`) and
# `metrics --json` for several partnerships at once, on small hand-made
# logs and activity files for 2025-Q3 (as of Tue 30 Sep 2025).  Every
# figure is worked out BY HAND below from DESIGN.md's definitions, never
# copied from the program.
#
# Calendars (weekdays checked with date(1)):
#   July 2025:  Tue 1-Fri 4; 7-11; 14-18; 21-25; 28-31.
#   August:     Fri 1; Mon 4-Fri 8; 11-15; 18-22; Mon 25-Fri 29; bank
#               holiday Mon 25 Aug in England and Wales, Mon 4 Aug in
#               Scotland.
#   September:  Mon 1-5; 8-12; 15-19; 22-26; Mon 29, Tue 30.
#
# ---------------------------------------------------------------------------
# Gloucestershire (England).  Stage 1 "within 1 working day of raising"
# (the 1st working day strictly after raised_on); stages 1, 2, 3, 4 are
# held at the levels line manager, service lead, head of service and
# partnership forum (tiers 1, 2, 3, 5).  One shared log (no agency named
# in every row), exported 3 Oct: every agency covered.
#   G1 police->cs    raised Fri 22 Aug, s1 22 Aug, s2 Tue 26 Aug, resolved
#                    Thu 28 Aug.  s1 deadline: Mon 25 is the bank holiday,
#                    so Tue 26 Aug; completed 26 Aug: MET (without the
#                    holiday it would be breached).  Resolution: 25 (hol)
#                    26 27 28 -> 3 working days.
#   G2 health->cs    raised Fri 22 Aug, s1 22 Aug, s2 Wed 27 Aug, s3 Mon 1
#                    Sep, open.  s1 deadline Tue 26 Aug, completed 27 Aug:
#                    BREACHED.  Reached head of service (s3).  Current stage
#                    3 has no timescale: not overdue.
#   G3 education->police raised Mon 7 Jul, s1 7 Jul, resolved Tue 8 Jul.
#                    deadline Tue 8 Jul, completed 8 Jul: MET.  1 day.
#   G4 early-years->health raised Tue 23 Sep, s1 23 Sep, open.  deadline
#                    Wed 24 Sep, not completed by 30 Sep: BREACHED; open at
#                    stage 1 past its deadline: OVERDUE.
#   G5 cs->education raised Tue 30 Sep, s1 30 Sep, open.  deadline Wed 1
#                    Oct, after the as-of date: pending, due in Q4: not in
#                    the breach rate, not overdue.
#   G6 police->education raised Wed 2 Jul, s1 2 Jul, s2 3 Jul, s3 Fri 4 Jul,
#                    s4 Mon 7 Jul, resolved Fri 18 Jul.  s1 deadline Thu 3
#                    Jul, completed 3 Jul: MET.  Reached head of service.
#                    Resolution: 3 4 (2) 7-11 (5) 14-18 (5) = 12.
#   G7 police->health raised Mon 30 Jun (Q2), s1 30 Jun, s2 Wed 2 Jul,
#                    resolved Mon 14 Jul.  s1 deadline Tue 1 Jul (due in Q3),
#                    completed 2 Jul: BREACHED.  Not raised in Q3.
#                    Resolution: 1-4 Jul (4) 7-11 (5) 14 (1) = 10.
#   => raised 6 (G1-G6).  Reached head of service or higher: G2, G6 = 2 of
#      6 = 33.3%.  Protocol breach rate: due in Q3 G1 G2 G3 G4 G6 G7, met
#      G1 G3 G6 (3), breached G2 G4 G7 (3): 3 / 6 = 50.0%.  Local targets:
#      none ("no timescale set").  Resolved in Q3: G1 G3 G6 G7, days 3, 1,
#      12, 10 -> sorted 1 3 10 12, median (3 + 10) / 2 = 6.5.  Overdue now:
#      G4 = 1.
#   Entered in Q3: s1 G1-G6 = 6; s2 G1 G2 G6 G7 = 4; s3 G2 G6 = 2; s4 G6 = 1.
#   Activity (referrals, 2025-Q3): glos-cs 1000, glos-police 500,
#   glos-health 300, education 200; early years none (so not in the
#   funnel).  Funnel x = raised by the agencies with activity: cs 1 (G5),
#   police 2 (G3 is education's; police raised G1 G6), health 1 (G2),
#   education 1 (G3) = 5; n = 2000.  Per 1,000 = 5 / 2000 * 1000 = 2.5.
#
# ---------------------------------------------------------------------------
# Dumfries and Galloway (Scotland).  Stage 4 "within 7 working days of
# entering it"; stages 1-4 at line manager, service lead, head of service
# (senior managers) and partnership forum.  Shared log exported 3 Oct.
#   D1 nhs->sw      raised Tue 1 Jul, s1 1 Jul, s2 8 Jul, s3 15 Jul, s4 Fri
#                   1 Aug, resolved Wed 13 Aug.  s4 deadline: 5 6 7 8 (4)
#                   11 12 13 (7), Mon 4 Aug the Scottish bank holiday: Wed
#                   13 Aug; completed 13 Aug: MET.  Resolution: Jul 2-4 (3)
#                   7-11 14-18 21-25 (15) 28-31 (4) = 22; Aug 1 (1), 5-8
#                   (4), 11-13 (3) = 8; total 30.
#   D2 police->sw   raised Mon 1 Sep, s1 1 Sep, s4 Mon 8 Sep, open.  s4
#                   deadline 9-12 (4) 15 16 17 (7): Wed 17 Sep, not
#                   completed: BREACHED; OVERDUE.
#   D3 education->nhs raised Mon 7 Jul, s1 7 Jul, resolved Fri 11 Jul: 4.
#   D4 sw->education raised Mon 22 Sep, s1 22 Sep, s4 Thu 25 Sep, open.
#                   s4 deadline 26 29 30 Sep 1 2 3 6 Oct: Mon 6 Oct,
#                   pending (due in Q4): not counted, not overdue.
#   D5 early-years->police raised Wed 2 Jul, s1 2 Jul, withdrawn Fri 4 Jul.
#   => raised 5.  Reached head of service or higher (s3 or s4): D1 D2 D4 =
#      3 of 5 = 60.0%.  Protocol breach rate: D1 met, D2 breached: 1 of 2
#      (a denominator under 5: shown as counts).  Resolved: D1 30, D3 4:
#      median 17.0.  Overdue: D2 = 1.
#   Entered in Q3: s1 5; s2 D1 = 1; s3 D1 = 1; s4 D1 D2 D4 = 3.
#   Activity: dg-sw 300, nhs-dg 250, police-scotland 200, education 150,
#   early-years 100 = 1000; all five raised one each: x = 5.  Per 1,000 = 5.0.
#
# All partnerships compared: raised 6 + 5 = 11; activity 3000; per 1,000
# (5 + 5) / 3000 * 1000 = 3.33 -> 3.3; reached (2 + 3) / (6 + 5) = 45.5%.
#
# Funnel across the two: p = 10 / 3000 = 1/300.
#   Gloucestershire e = 2000 / 300 = 6.667; P(X <= 5):
#     e^-6.667 = 0.0012726; terms 1, 6.667, 22.22, 49.38, 82.30, 109.74
#     sum 271.32 -> 0.3453 -> "0.345"; level none.
#   Dumfries and Galloway e = 3.333; P(X <= 5): e^-3.333 = 0.035674; terms
#     1, 3.333, 5.556, 6.173, 5.144, 3.429 sum 24.635 -> 0.8788 -> "0.879";
#     level none.
#
# Perth and Kinross: its only log exported Mon 15 Sep, before the as-of
# date: no agency covered, so it is named as left out and compared nowhere.
#
# The front page: the two partnerships compared taken together.
#   This quarter: raised 6 + 5 = 11; open at 30 Sep G2 G4 G5 + D2 D4 = 5;
#   resolved G1 G3 G6 G7 + D1 D3 = 6; overdue now G4 + D2 = 2.
#   Previous quarter (1 Apr to 30 Jun, as of 30 Jun): raised G7 (30 Jun) =
#   1; open at 30 Jun G7 = 1; resolved 0; overdue 0 (G7's stage 1 deadline
#   is Tue 1 Jul, not before 30 Jun).  Same quarter of 2024: nothing.
#   Signals: the funnel of the period flags neither (above).  The four
#   quarters 1 Oct 2024 to 30 Sep 2025 hold the same activity (Q3 only)
#   and G7 besides (police, with activity): Gloucestershire x = 6, n =
#   2000; Dumfries and Galloway x = 5, n = 1000; p = 11 / 3000.
#     Gloucestershire e = 7.333: P(X <= 6) = e^-7.333 (0.000653) x (1 +
#     7.333 + 26.89 + 65.73 + 120.5 + 176.7 + 216.0 = 614.2) = 0.401: none.
#     Dumfries and Galloway e = 3.667: P(X <= 4) = 0.02556 x 27.14 = 0.694,
#     so P(X >= 5) = 0.306: none.  So no signal fired.
#   D9 (raised_on 2025-13-01, no such month) is quarantined: one row could
#   not be used, Dumfries and Galloway's.
# The appendix: each partnership's own lines, under its name.
. "$(dirname "$0")/lib.sh"

if ! command -v jq >/dev/null 2>&1; then
	echo "not ok 1 - jq is needed to read the JSON (sh tools/deps.sh installs it)"
	exit 1
fi
export OVERSIGHT_TODAY=2025-12-31
H4=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,stage1_on,stage2_on,stage3_on,stage4_on,status,closed_on

G=gloucestershire
cat >"$T/glos.csv" <<EOF
$H4
G1,$G,glos-police,glos-cs,GC01,child,2025-08-22,threshold,case,2025-08-22,2025-08-26,,,resolved,2025-08-28
G2,$G,glos-health,glos-cs,GC02,child,2025-08-22,plan,case,2025-08-22,2025-08-27,2025-09-01,,open,
G3,$G,education,glos-police,GC03,child,2025-07-07,threshold,case,2025-07-07,,,,resolved,2025-07-08
G4,$G,early-years,glos-health,GC04,child,2025-09-23,assessment,case,2025-09-23,,,,open,
G5,$G,glos-cs,education,GC05,child,2025-09-30,threshold,case,2025-09-30,,,,open,
G6,$G,glos-police,education,GC06,child,2025-07-02,plan,case,2025-07-02,2025-07-03,2025-07-04,2025-07-07,resolved,2025-07-18
G7,$G,glos-police,glos-health,GC07,child,2025-06-30,threshold,case,2025-06-30,2025-07-02,,,resolved,2025-07-14
EOF
D=dumfries-galloway
cat >"$T/dg.csv" <<EOF
$H4
D1,$D,nhs-dg,dg-sw,DG01,child,2025-07-01,threshold,case,2025-07-01,2025-07-08,2025-07-15,2025-08-01,resolved,2025-08-13
D2,$D,police-scotland,dg-sw,DG02,child,2025-09-01,plan,case,2025-09-01,,,2025-09-08,open,
D3,$D,education,nhs-dg,DG03,child,2025-07-07,threshold,case,2025-07-07,,,,resolved,2025-07-11
D4,$D,dg-sw,education,DG04,child,2025-09-22,assessment,case,2025-09-22,,,2025-09-25,open,
D5,$D,early-years,police-scotland,DG05,child,2025-07-02,threshold,case,2025-07-02,,,,withdrawn,2025-07-04
D9,$D,nhs-dg,dg-sw,DG09,child,2025-13-01,threshold,case,2025-07-01,,,,open,
EOF
K=perth-kinross
cat >"$T/pk.csv" <<EOF
$H4
K1,$K,pk-sw,police-scotland,PK01,child,2025-07-07,threshold,case,2025-07-07,,,,open,
K2,$K,nhs-tayside,pk-sw,PK02,child,2025-07-08,threshold,case,2025-07-08,,,,open,
EOF
cat >"$T/activity.csv" <<EOF
partnership,agency,quarter,measure,value
$G,glos-cs,2025-Q3,referrals,1000
$G,glos-police,2025-Q3,referrals,500
$G,glos-health,2025-Q3,referrals,300
$G,education,2025-Q3,referrals,200
$D,dg-sw,2025-Q3,referrals,300
$D,nhs-dg,2025-Q3,referrals,250
$D,police-scotland,2025-Q3,referrals,200
$D,education,2025-Q3,referrals,150
$D,early-years,2025-Q3,referrals,100
$K,pk-sw,2025-Q3,referrals,900
EOF
check_ok "init" "$OV" init
check_ok "load gloucestershire" "$OV" load --quiet --exported 2025-10-03 "$T/glos.csv"
check_ok "load dumfries-galloway" "$OV" load --quiet --exported 2025-10-03 "$T/dg.csv"
check_ok "load perth-kinross (exported before the as-of date)" "$OV" load --quiet \
	--exported 2025-09-15 "$T/pk.csv"
check_ok "load activity" "$OV" load --quiet --profile activity "$T/activity.csv"

# --- the paper -------------------------------------------------------------
OUT=$T/out
check_ok "report compare" "$OV" report compare --partnerships $G,$D,$K --quarter 2025-Q3 \
	-o "$OUT" --no-charts
MD=$OUT/compare-$G-$D-$K-2025-Q3.md
check_eq "$MD" "$(cat "$T/.out")" "the paper's path is printed"
[ -f "$MD" ] || { echo "not ok - no paper"; finish; }

# A table row of the paper, by the text of its first cell.
row() { grep -F "| $1 |" "$MD" | sed -n "${2:-1}p"; }
GN="Gloucestershire Safeguarding Children Partnership"
DN="Dumfries and Galloway Children's Services Strategic and Planning Partnership"
KN="Perth and Kinross Child Protection Committee"

# Raised, activity, per 1,000, reached head of service or higher.
check_eq "| $GN | 6 | 2000 | 2.5 | 33.3% |" "$(row "$GN" 2)" "gloucestershire: raised, activity, per 1,000, head of service share"
check_eq "| $DN | 5 | 1000 | 5.0 | 60.0% |" "$(row "$DN" 2)" "dumfries-galloway: raised, activity, per 1,000, head of service share"
check_eq "| **All partnerships compared** | **11** | **3000** | **3.3** | **45.5%** |" \
	"$(row "**All partnerships compared**")" "the partnerships together"
# Breach rates (protocol, local), resolved, median, overdue now.
check_eq "| $GN | 50.0% | no timescale set | 4 | 6.5 | 1 |" "$(row "$GN" 3)" \
	"gloucestershire: breach rate across the bank holiday, median, overdue"
check_eq "| $DN | 1 of 2 | no timescale set | 2 | 17.0 | 1 |" "$(row "$DN" 3)" \
	"dumfries-galloway: breach rate as counts (denominator under 5), median, overdue"
# The funnel across partnerships.
check_eq "| $GN | 5 | 2000 | 6.7 | 0.345 | none |" "$(row "$GN" 4)" "funnel: gloucestershire"
check_eq "| $DN | 5 | 1000 | 3.3 | 0.879 | none |" "$(row "$DN" 4)" "funnel: dumfries-galloway"
# The stage ladders side by side, by level.
check_eq "| Line manager | Stage 1: Preventing Disputes (6) | Stage 1: Line Managers (5) |" \
	"$(row "Line manager")" "ladder: line manager"
check_eq "| Head of service / senior manager | Stage 3: Formal Dispute Procedure (2) | Stage 3: Senior Managers (1) |" \
	"$(row "Head of service / senior manager")" "ladder: head of service"
check_eq "| Partnership forum | Stage 4: Where Disagreements Remain (1) | Stage 4: Where Disagreements Remain (3) |" \
	"$(row "Partnership forum")" "ladder: partnership forum"
check_eq "| Practitioners | - | - |" "$(row "Practitioners")" "ladder: no stage at practitioner level"
# Perth and Kinross: named as left out, in no comparison.
check_grep "$KN\*\*: no agency's log runs to 30 September 2025 (the latest was exported on 15 September 2025)" \
	"$MD" "perth-kinross named as left out, with its latest export"
check_eq "| $KN | 0 of 5 | 15 September 2025 |" "$(row "$KN")" "perth-kinross in the logs table only"
check_eq 1 "$(grep -c -F "$KN |" "$MD")" "perth-kinross in no table that compares"
check_no_grep "P&K" "$MD" "no perth-kinross column in the ladders"
# The front page, before everything else.
check_eq "## At a glance" "$(grep '^## ' "$MD" | head -1)" "the paper opens with its front page"
check_eq "| Raised | 11 | up from 1 | up from 0 |" "$(row Raised)" "front page: raised, against Q2 and 2024-Q3"
check_eq "| Open at the end of the period | 5 | up from 1 | up from 0 |" \
	"$(row "Open at the end of the period")" "front page: open at the end"
check_eq "| Resolved | 6 | up from 0 | up from 0 |" "$(row Resolved)" "front page: resolved"
check_eq "| Overdue now (open past a stage deadline) | 2 | up from 0 | up from 0 |" \
	"$(row "Overdue now (open past a stage deadline)")" "front page: overdue now"
check_grep "The figures are those of the 2 partnerships compared, taken together" "$MD" \
	"front page: the partnerships present, taken together"
check_grep "^\*\*Signals that fired\*\*: none across the partnerships compared" "$MD" \
	"front page: no signal, in the period or the four quarters"
check_grep "^\*\*Agency logs\*\*: every agency's log of the partnerships compared runs to the as-of date" \
	"$MD" "front page: the logs of the two compared"
check_grep "^\*\*Left out for want of data\*\*: $KN (no agency's log runs to the as-of date): it is in no comparison" \
	"$MD" "front page: perth-kinross left out"
check_grep "^\*\*Data quality\*\*: 1 row of the agencies' logs could not be used" "$MD" \
	"front page: the one quarantined row"
# The appendix, last, partnership by partnership.
check_eq "## Analyst's appendix" "$(grep '^## ' "$MD" | tail -1)" "the paper ends with the analyst's appendix"
sed -n "/^## Analyst's appendix/,\$p" "$MD" >"$T/app"
check_eq "### $GN|### $DN|### $KN" "$(grep '^### ' "$T/app" | paste -sd'|')" \
	"appendix: each partnership under its name, in the order asked"
check_eq "0 1 0" "$(sed -n 's/^- Rows quarantined by the loads of this partnership.s logs: \([0-9]*\),.*/\1/p' "$T/app" | paste -sd' ')" \
	"appendix: rows quarantined, by partnership (d&g's D9)"
check_grep "oversight agencies --partnership $D" "$T/app" "appendix: the command for d&g's logs"
# Words for a board: levels, not tiers; names, not ids.
check_no_grep "[Tt]ier" "$MD" "the paper never says tier"
check_no_grep "glos-\|dg-sw\|nhs-dg\|police-scotland" "$MD" "no agency ids"
check_no_grep "^| $G \|^| $D " "$MD" "no partnership ids in a table"

# Disclosure control: counts under 5 hidden, in the ladders too.
check_ok "report compare --public" "$OV" report compare --partnerships $G,$D --quarter 2025-Q3 \
	-o "$T/pub" --no-charts --public
PUB=$T/pub/compare-$G-$D-2025-Q3.md
# (markdown escapes the "<" of "<5").
row() { grep -F "| $1 |" "$PUB" | sed -n "${2:-1}p"; }
check_eq "| Head of service / senior manager | Stage 3: Formal Dispute Procedure (\\<5) | Stage 3: Senior Managers (\\<5) |" \
	"$(row "Head of service / senior manager")" "--public: small ladder counts shown as <5"
# Breach rates: glos 3 of 6 (3 breached, under 5) and d&g 1 of 2 would
# give small counts away: blank; resolved 4 and 2 hidden, so the medians
# too; overdue 1 and 1 hidden.
check_eq "| $GN |  | no timescale set | \\<5 |  | \\<5 |" "$(row "$GN" 3)" \
	"--public: gloucestershire's timescales, counts hidden"
check_eq "| $DN |  | no timescale set | \\<5 |  | \\<5 |" "$(row "$DN" 3)" \
	"--public: d&g's timescales, no \"1 of 2\""
check_grep "| Line manager | Stage 1: Preventing Disputes (6) | Stage 1: Line Managers (5) |" \
	"$PUB" "--public: counts of 5 and more shown"

# --measure contacts: Gloucestershire 10000 + 5000 + 4000 + 800 = 19800
# (its four agencies with activity raised 5, as above), Dumfries and
# Galloway 5 x 40 = 200 (x = 5).  p = 10 / 20000 = 0.0005.
#   Gloucestershire e = 9.9; per 1,000 = 5 / 19800 * 1000 = 0.2525 ->
#     "0.3"; P(X <= 5): e^-9.9 = e^-10 * e^0.1 = 4.5400e-5 * 1.10517 =
#     5.0175e-5; terms 1, 9.9, 49.005, 161.72, 400.25, 792.49, sum 1414.36
#     -> 0.07097, "0.071" to 3 significant digits; level none.
#   Dumfries and Galloway e = 0.1; per 1,000 = 25.0; P(X <= 5) rounds to
#     1; P(X >= 5) ~ 0.1^5 / 120 * e^-0.1 = 7.5e-8 < 0.025: unusually
#     high.
#   Together: 10 / 20000 * 1000 = 0.5.
cat >"$T/contacts.csv" <<EOF
partnership,agency,quarter,measure,value
$G,glos-cs,2025-Q3,contacts,10000
$G,glos-police,2025-Q3,contacts,5000
$G,glos-health,2025-Q3,contacts,4000
$G,education,2025-Q3,contacts,800
$D,dg-sw,2025-Q3,contacts,40
$D,nhs-dg,2025-Q3,contacts,40
$D,police-scotland,2025-Q3,contacts,40
$D,education,2025-Q3,contacts,40
$D,early-years,2025-Q3,contacts,40
EOF
check_ok "load contacts" "$OV" load --quiet --profile activity "$T/contacts.csv"
check_ok "report compare --measure contacts" "$OV" report compare --partnerships $G,$D \
	--quarter 2025-Q3 -o "$T/contacts" --no-charts --measure contacts
MD=$T/contacts/compare-$G-$D-2025-Q3.md
row() { grep -F "| $1 |" "$MD" | sed -n "${2:-1}p"; }
check_eq "| $GN | 6 | 19800 | 0.3 | 33.3% |" "$(row "$GN" 2)" "contacts: gloucestershire per 1,000"
check_eq "| $DN | 5 | 200 | 25.0 | 60.0% |" "$(row "$DN" 2)" "contacts: d&g per 1,000"
check_eq "| **All partnerships compared** | **11** | **20000** | **0.5** | **45.5%** |" \
	"$(row "**All partnerships compared**")" "contacts: together"
check_eq "| $GN | 5 | 19800 | 9.9 | 0.071 | none |" "$(row "$GN" 4)" "contacts: funnel, gloucestershire"
check_eq "| $DN | 5 | 200 | 0.1 | 1 | unusually high |" "$(row "$DN" 4)" \
	"contacts: funnel, d&g unusually high"
# The front page names it, in the period and over the four quarters 1
# Oct 2024 to 30 Sep 2025: x = 6 + 5, n = 19800 + 200, p = 11 / 20000;
# Dumfries and Galloway e = 0.11, P(X >= 5) ~ 0.11^5 / 120 = 1.3e-7:
# unusually high; Gloucestershire e = 10.89, P(X <= 6) = e^-10.89
# (1.864e-5) x (1 + 10.89 + 59.30 + 215.3 + 586.0 + 1276 + 2317 = 4465) =
# 0.083: none.
check_grep "^- Escalations against activity in the period: $DN (unusually high against its activity)\.\$" \
	"$MD" "contacts: the front page's signal in the period"
check_grep "^- Escalations against activity over the four quarters 1 October 2024 to 30 September 2025: $DN (unusually high against its activity)\.\$" \
	"$MD" "contacts: and over the four quarters"

# The funnel plot of partnerships: its data name partnerships, and its
# centre line is the rate of the partnerships compared.
if command -v gnuplot >/dev/null 2>&1; then
	check_ok "report compare with charts" "$OV" report compare --partnerships $G,$D \
		--quarter 2025-Q3 -o "$T/charts"
	C=$T/charts/charts/compare-$G-$D-2025-Q3-funnel
	check_grep "^.\{0,3\}Partnership,Raised,Activity (referrals)," "$C.csv" "funnel data: partnerships"
	check_grep "^$GN,5,2000," "$C.csv" "funnel data: gloucestershire's row"
	check_grep '"Rate of the partnerships compared"' "$C.dat" "funnel plot: the centre line's title"
	check_grep "compare-$G-$D-2025-Q3-funnel.png" "$T/charts/compare-$G-$D-2025-Q3.md" \
		"the paper shows the funnel plot"
fi

# all: every partnership the warehouse knows; those with no log named.
check_ok "report compare --partnerships all" "$OV" report compare --partnerships all \
	--quarter 2025-Q3 -o "$T/all" --no-charts
ALL=$T/all/compare-all-2025-Q3.md
check_grep "Devon Children and Families Partnership\*\*: no agency's log has been received" "$ALL" \
	"all: a partnership with no log named as left out"
check_grep "| $GN | 6 | 2000 | 2.5 | 33.3% |" "$ALL" "all: gloucestershire compared"

# Usage: an unknown id is named; one partnership alone is --partnership's.
check_exit 2 "unknown partnership in the list" "$OV" report compare \
	--partnerships $G,nowhere --quarter 2025-Q3 -o "$T/x"
check_grep "unknown partnership 'nowhere'" "$T/.err" "the unknown id is named"
check_exit 2 "an empty list" "$OV" report compare --partnerships "" --quarter 2025-Q3 -o "$T/x"
check_grep "^oversight: --partnerships: no partnership named\$" "$T/.err" "an empty list: says so"
check_exit 2 "compare without --partnerships" "$OV" report compare --quarter 2025-Q3 -o "$T/x"
check_exit 2 "--partnerships with another kind" "$OV" report board --partnerships $G,$D \
	--quarter 2025-Q3 -o "$T/x"
# No partnership covered: a data error (exit 1), unless --allow-incomplete.
check_exit 1 "compare with no covered partnership" "$OV" report compare --partnerships $K \
	--quarter 2025-Q3 -o "$T/x" --no-charts
check_ok "compare with no covered partnership, --allow-incomplete" "$OV" report compare \
	--partnerships $K --quarter 2025-Q3 -o "$T/x" --no-charts --allow-incomplete
check_grep "nothing is compared" "$T/x/compare-$K-2025-Q3.md" "the paper says nothing is compared"

# --- metrics for several partnerships: a JSON array -------------------------
"$OV" metrics --partnership $G,$D --quarter 2025-Q3 --json >"$T/two.json" 2>"$T/two.err"
check_eq '["gloucestershire","dumfries-galloway"]' "$(jq -c '[.[].partnership]' "$T/two.json")" \
	"metrics P,Q: an array, in the order asked"
check_eq '[6,5]' "$(jq -c '[.[].raised]' "$T/two.json")" "metrics array: raised"
check_eq '[0.5,0.5]' "$(jq -c '[.[].breach_rate]' "$T/two.json")" \
	"metrics array: breach rates (3 of 6; 1 of 2)"
check_eq '[6.5,17]' "$(jq -c '[.[].resolution_working_days.median]' "$T/two.json")" \
	"metrics array: median resolution"
check_eq '[1,1]' "$(jq -c '[.[].overdue.n]' "$T/two.json")" "metrics array: overdue"
"$OV" metrics --partnership $G --quarter 2025-Q3 --json >"$T/one.json"
check_eq object "$(jq -r type "$T/one.json")" "metrics for one partnership: still an object"
check_eq "$(jq -c . "$T/one.json")" "$(jq -c '.[0]' "$T/two.json")" \
	"the array's element is the one partnership's object"
"$OV" metrics --partnership all --quarter 2025-Q3 --json >"$T/all.json"
check_eq '["devon","dumfries-galloway","gloucestershire","north-east-lincolnshire","perth-kinross"]' \
	"$(jq -c '[.[].partnership]' "$T/all.json")" "metrics all: every partnership, by id"
check_exit 2 "metrics: unknown partnership in the list" "$OV" metrics --partnership $G,nowhere \
	--quarter 2025-Q3 --json
check_grep "unknown partnership 'nowhere'" "$T/.err" "metrics: the unknown id is named"
finish
