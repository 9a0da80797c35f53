#!/bin/sh
# t-subject.sh - subjects apart and a protocol's two readings of a stage
# timescale, on a small North East Lincolnshire log worked out BY HAND
# beside each check (never copied from the program):
#
#   --subject children (child, unborn) / adults (adult) on metrics, signals
#   and report: every figure counts only those escalations (subject none is
#   in neither); the SCP chair's paper is the children's, the SAB chair's
#   the adults'.
#   NEL stage 4: "by working day 15" (flowchart, the chosen reading) and
#   "by working day 11" (supporting text, the other reading), counted from
#   raising across the summer bank holiday.
#
# Calendar, England and Wales, 2025 (weekdays checked with date(1)):
#   June:    Mon 2, Tue 3, Wed 4 ...
#   August:  Wed 6, Thu 7, Fri 8; Mon 11-Fri 15; Mon 18-Fri 22; Mon 25 the
#            Summer bank holiday; Tue 26-Fri 29.
#   Sept.:   Mon 1-Fri 5; Mon 8-Fri 12; Mon 15-Fri 19; ... Tue 30.
# "By working day N": day 1 is raised_on (a working day here).
#
# The log (2025-Q3, as of Tue 30 Sep; A0 in Q2):
#   ref subject raised  by -> with                  stages           status
#   C1  child   Mon 11 Aug nel-cs -> health          1 11/8, 2 13/8,  resolved 29 Aug
#                                                    3 18/8, 4 20/8
#   C2  unborn  Fri 15 Aug health -> nel-cs          1 15/8, 4 22/8   open
#   C3  child   Mon  1 Sep humberside-police -> nel-cs 1 1/9, 4 2/9   resolved 17 Sep
#   C4  child   Mon 18 Aug nel-cs -> education       1 18/8, 4 19/8   resolved 27 Aug
#   A0  adult   Mon  2 Jun focus -> nel-cs           1 2/6            resolved 4 Jun
#   A2  adult   Thu  7 Aug focus -> nel-cs           1 7/8, 4 8/8     resolved 28 Aug
#   A3  adult   Mon  1 Sep health -> focus           1 1/9            open
#   A4  adult   Tue  2 Sep focus -> health           1 2/9            withdrawn 3 Sep
#   N1  none    Wed  6 Aug education -> nel-cs       1 6/8, 4 7/8     open
#
# Stage 4 deadlines (working day 11 = supporting text, 15 = flowchart):
#   C1 from Mon 11 Aug: 11..15 = 1..5, 18..22 = 6..10, (25 holiday) Tue 26
#      = 11, 27 28 29 = 12 13 14, Mon 1 Sep = 15.  Completed (closed) 29
#      Aug: flowchart met, text breached.
#   C2 from Fri 15 Aug: 15 = 1, 18..22 = 2..6, 26..29 = 7..10, Mon 1 Sep =
#      11, 2..5 Sep = 12..15: text 1 Sep, flowchart Fri 5 Sep.  Open: both
#      breached (deadlines before the as-of date).
#   C3 from Mon 1 Sep: 1..5 = 1..5, 8..12 = 6..10, Mon 15 = 11, Fri 19 =
#      15.  Closed 17 Sep: flowchart met, text breached.
#   C4 from Mon 18 Aug: 18..22 = 1..5, 26..29 = 6..9, 1 Sep = 10, Tue 2 Sep
#      = 11, Mon 8 Sep = 15.  Closed 27 Aug: met under both.
#   A2 from Thu 7 Aug: 7 8 = 1 2, 11..15 = 3..7, 18..22 = 8..12 (Thu 21 =
#      11), 26 27 28 = 13 14 15: text Thu 21 Aug, flowchart Thu 28 Aug
#      (Wed 27 without the bank holiday).  Closed 28 Aug: flowchart met
#      (because of the holiday), text breached.
#   N1 from Wed 6 Aug: 6 7 8 = 1..3, 11..15 = 4..8, 18 19 20 = 9 10 11
#      (text Wed 20 Aug), 21 22 = 12 13, 26 27 = 14 15 (flowchart Wed 27
#      Aug).  Open: both breached.
# Stage 1 ("by working day 2"), adults: A2 due Fri 8 Aug, completed 8 Aug
#   (stage 4): met; A3 due Tue 2 Sep, open: breached; A4 due Wed 3 Sep,
#   completed (withdrawn) 3 Sep: met.  A0 falls due in Q2.
. "$(dirname "$0")/lib.sh"

if ! command -v jq >/dev/null 2>&1; then
	echo "not ok 1 - jq is needed to read the JSON (sh tools/deps.sh installs it)"
	exit 1
fi
export OVERSIGHT_TODAY=2025-12-31
N=north-east-lincolnshire
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on
cat >"$T/nel.csv" <<EOF
$H
C1,$N,nel-cs,health,NL0000001,child,2025-08-11,threshold,case,2025-08-11,2025-08-13,2025-08-18,2025-08-20,,resolved,2025-08-29
C2,$N,health,nel-cs,NL0000002,unborn,2025-08-15,plan,case,2025-08-15,,,2025-08-22,,open,
C3,$N,humberside-police,nel-cs,NL0000003,child,2025-09-01,threshold,case,2025-09-01,,,2025-09-02,,resolved,2025-09-17
C4,$N,nel-cs,education,NL0000004,child,2025-08-18,assessment,case,2025-08-18,,,2025-08-19,,resolved,2025-08-27
A0,$N,focus,nel-cs,AS0000000,adult,2025-06-02,assessment,case,2025-06-02,,,,,resolved,2025-06-04
A2,$N,focus,nel-cs,AS0000002,adult,2025-08-07,assessment,case,2025-08-07,,,2025-08-08,,resolved,2025-08-28
A3,$N,health,focus,AS0000003,adult,2025-09-01,plan,case,2025-09-01,,,,,open,
A4,$N,focus,health,AS0000004,adult,2025-09-02,plan,case,2025-09-02,,,,,withdrawn,2025-09-03
N1,$N,education,nel-cs,,none,2025-08-06,other,case,2025-08-06,,,2025-08-07,,open,
EOF
cat >"$T/activity.csv" <<EOF
partnership,agency,quarter,measure,value
$N,nel-cs,2025-Q3,referrals,100
$N,humberside-police,2025-Q3,referrals,100
$N,health,2025-Q3,referrals,100
$N,education,2025-Q3,referrals,100
$N,focus,2025-Q3,referrals,100
EOF
check_ok "init" "$OV" init
check_ok "load the log (a shared log, exported 1 Oct)" "$OV" load --quiet --exported 2025-10-01 "$T/nel.csv"
check_ok "load the activity" "$OV" load --quiet --profile activity "$T/activity.csv"

met() {
	out=$1
	shift
	"$OV" metrics --partnership $N --quarter 2025-Q3 --json "$@" >"$out" 2>"$T/met.err" || {
		echo "# metrics $*: exit $?"
		sed 's/^/#   /' "$T/met.err"
	}
}
jv() { jq -c "$2" "$1"; }
met "$T/all.json"
met "$T/children.json" --subject children
met "$T/adults.json" --subject adults

# --- the subject the figures count -----------------------------------------
check_eq 'null' "$(jv "$T/all.json" .subject)" "no --subject: subject null"
check_eq '"children"' "$(jv "$T/children.json" .subject)" "--subject children: said in the JSON"
check_eq '"adults"' "$(jv "$T/adults.json" .subject)" "--subject adults: said in the JSON"

# --- headline: raised, open at the end, resolved, withdrawn ------------------
# All: Q3 raises C1-C4, A2-A4, N1 = 8; open at 30 Sep C2, A3, N1 = 3;
# resolved C1 C3 C4 A2 = 4; withdrawn A4 = 1.
check_eq '[8,3,4,1]' "$(jv "$T/all.json" '[.raised,.open_at_end,.resolved,.withdrawn]')" "all: 8 raised, 3 open, 4 resolved, 1 withdrawn"
# Children: C1-C4 = 4; open C2; resolved C1 C3 C4; none withdrawn.
check_eq '[4,1,3,0]' "$(jv "$T/children.json" '[.raised,.open_at_end,.resolved,.withdrawn]')" "children: 4 raised, 1 open, 3 resolved"
# Adults: A2-A4 = 3 (A0 is Q2's); open A3; resolved A2; withdrawn A4.
check_eq '[3,1,1,1]' "$(jv "$T/adults.json" '[.raised,.open_at_end,.resolved,.withdrawn]')" "adults: 3 raised, 1 open, 1 resolved, 1 withdrawn"
check_eq '[{"subject":"child","raised":3},{"subject":"unborn","raised":1}]' "$(jv "$T/children.json" .by_subject)" \
	"children: child 3 (C1 C3 C4), unborn 1 (C2); no adult, no none"
check_eq '[{"subject":"adult","raised":3}]' "$(jv "$T/adults.json" .by_subject)" "adults: adult 3 only"
# Children by agency (raised / received): nel-cs C1 C4 / C2 C3; health C2 / C1;
# humberside-police C3 / -; education - / C4.  Adults: focus A2 A4 / A3;
# health A3 / A4; nel-cs - / A2.
check_eq '[["education",0,1],["health",1,1],["humberside-police",1,0],["nel-cs",2,2]]' \
	"$(jv "$T/children.json" '[.by_agency[] | [.agency,.raised,.received]]')" "children: by agency"
check_eq '[["focus",2,1],["health",1,1],["nel-cs",0,1]]' \
	"$(jv "$T/adults.json" '[.by_agency[] | [.agency,.raised,.received]]')" "adults: by agency"
# Stages entered in Q3: children stage 1 C1-C4, 2 and 3 C1, 4 C1-C4;
# adults stage 1 A2 A3 A4, stage 4 A2.
check_eq '[[1,4],[2,1],[3,1],[4,4]]' "$(jv "$T/children.json" '[.entered_stage[] | [.stage,.n]]')" "children: stages entered"
check_eq '[[1,3],[4,1]]' "$(jv "$T/adults.json" '[.entered_stage[] | [.stage,.n]]')" "adults: stages entered"

# --- overdue at 30 Sep --------------------------------------------------------
# Open then: C2 (stage 4, flowchart deadline 5 Sep), A3 (stage 1, 2 Sep),
# N1 (stage 4, 27 Aug).
check_eq '{"n":3,"by_stage":[{"stage":1,"n":1},{"stage":4,"n":2}]}' "$(jv "$T/all.json" .overdue)" "all: 3 overdue"
check_eq '{"n":1,"by_stage":[{"stage":4,"n":1}]}' "$(jv "$T/children.json" .overdue)" "children: C2 overdue at stage 4"
check_eq '{"n":1,"by_stage":[{"stage":1,"n":1}]}' "$(jv "$T/adults.json" .overdue)" "adults: A3 overdue at stage 1"

# --- stage 4 under both readings ---------------------------------------------
# Flowchart (chosen, in "timescales"): all C1 met, C2 breached, C3 met, C4
# met, A2 met, N1 breached: due 6, met 4, breached 2.  Children: due 4,
# met 3 (C1 C3 C4), breached 1 (C2).  Adults: A2 met.
s4='.timescales[] | select(.stage == 4) | [.days,.due,.met,.breached,.pending]'
check_eq '[15,6,4,2,0]' "$(jv "$T/all.json" "$s4")" "all: stage 4 by working day 15: 6 due, 4 met, 2 breached"
check_eq '[15,4,3,1,0]' "$(jv "$T/children.json" "$s4")" "children: stage 4 by working day 15: 4 due, 3 met, 1 breached"
check_eq '[15,1,1,0,0]' "$(jv "$T/adults.json" "$s4")" "adults: stage 4 by working day 15: A2 met on its deadline (the bank holiday)"
# Supporting text (other reading): all C1 breached, C2 breached, C3
# breached, C4 met, A2 breached, N1 breached: due 6, met 1, breached 5.
# Children: met 1 (C4), breached 3.  Adults: A2 breached.
a4='.timescales_alternative[] | select(.stage == 4) | [.reading,.chosen_reading,.days,.due,.met,.breached,.pending]'
check_eq '["supporting text","flowchart",11,6,1,5,0]' "$(jv "$T/all.json" "$a4")" "all: stage 4 by working day 11: 6 due, 1 met, 5 breached"
check_eq '["supporting text","flowchart",11,4,1,3,0]' "$(jv "$T/children.json" "$a4")" "children: stage 4 by working day 11: 1 met, 3 breached"
check_eq '["supporting text","flowchart",11,1,0,1,0]' "$(jv "$T/adults.json" "$a4")" "adults: stage 4 by working day 11: A2 breached"
check_eq '1' "$(jv "$T/all.json" '.timescales_alternative | length')" "only stage 4 has another reading"
# The other reading is not in the breach rate: all, flowchart, stages 1-5.
# Stage 1 (by working day 2) in Q3: C1 due Tue 12 Aug, completed 13 Aug
# (stage 2): breached; C2 due Mon 18 Aug, completed 22 Aug: breached; C3
# due Tue 2 Sep, completed 2 Sep: met; C4 due Tue 19 Aug, completed 19
# Aug: met; A2 met, A3 breached, A4 met (above); N1 due Thu 7 Aug,
# completed 7 Aug: met.  8 due, 5 met, 3 breached.  Stage 2 (by working
# day 8): C1 due Wed 20 Aug (11..15, 18..20 = 1..8), completed 18 Aug:
# met.  Stage 3 (by working day 11): C1 due Tue 26 Aug, completed 20 Aug:
# met.  Stage 4: 4 met, 2 breached.  Overall 5 + 1 + 1 + 4 = 11 met,
# 3 + 2 = 5 breached: 5 / 16 = 0.3125.
check_eq '0.3125' "$(jv "$T/all.json" .breach_rate)" "all: breach rate of the chosen readings only"

# --- signals restricted too ------------------------------------------------
# Silent (none raised in Q3 nor Q2): children: education, focus; adults:
# education, humberside-police, nel-cs.  Every agency's log (the shared
# log) runs to 1 Oct.
check_eq '["education","focus"]' "$(jv "$T/children.json" .signals.silent)" "children: silent agencies"
check_eq '["education","humberside-police","nel-cs"]' "$(jv "$T/adults.json" .signals.silent)" "adults: silent agencies"
# Funnel numerators: the subject's escalations; denominators: each
# agency's whole activity (100 each).  Adults: focus 2, health 1; p = 3 /
# 500, expected 0.6 each.
check_eq '[["education",0,100],["focus",2,100],["health",1,100],["humberside-police",0,100],["nel-cs",0,100]]' \
	"$(jv "$T/adults.json" '[.signals.funnel[] | [.agency,.raised,.activity]]')" "adults: funnel raised against whole activity"
check_eq '0.6' "$(jq -c "$JQ_SIG4 [.signals.funnel[0].expected] | sig4all | .[0]" "$T/adults.json")" "adults: expected 0.6 = 100 x 3 / 500"
# SPC: from the month of the subject's earliest raised_on.  Adults: Jun
# (A0) 1, Jul 0, Aug (A2) 1, Sep (A3 A4) 2.  Children: Aug (C1 C2 C4) 3,
# Sep (C3) 1.
check_eq '[["2025-06",1],["2025-07",0],["2025-08",1],["2025-09",2]]' \
	"$(jv "$T/adults.json" '[.spc.months[] | [.month,.n]]')" "adults: the monthly series"
check_eq '[["2025-08",3],["2025-09",1]]' "$(jv "$T/children.json" '[.spc.months[] | [.month,.n]]')" "children: the monthly series"
# The previous quarter (Q2): adults raised A0; children none.
check_eq '1 0' "$(jv "$T/adults.json" .previous.raised) $(jv "$T/children.json" .previous.raised)" "previous quarter restricted too"

"$OV" signals --partnership $N --quarter 2025-Q3 --subject adults --json >"$T/sig.json" 2>"$T/sig.err"
check_eq '"adults" ["education","humberside-police","nel-cs"]' "$(jq -c .subject "$T/sig.json") $(jq -c .signals.silent "$T/sig.json")" \
	"signals --subject adults: the adults' silent list"
"$OV" signals --partnership $N --quarter 2025-Q3 --subject children >"$T/sig.txt" 2>"$T/sig.err"
check_grep '^escalations about children only; activity is each agency' "$T/sig.txt" "signals text says whom it counts"

# --- the papers --------------------------------------------------------------
check_ok "sab paper" "$OV" report sab --partnership $N --quarter 2025-Q3 --no-charts -o "$T/out"
check_ok "scp paper" "$OV" report scp --partnership $N --quarter 2025-Q3 --no-charts -o "$T/out"
check_ok "board paper, adults" "$OV" report board --partnership $N --quarter 2025-Q3 --subject adults --no-charts -o "$T/out"
check_ok "board paper, children" "$OV" report board --partnership $N --quarter 2025-Q3 --subject children --no-charts -o "$T/out"
check_ok "board paper" "$OV" report board --partnership $N --quarter 2025-Q3 --no-charts -o "$T/out"
BC=$T/out/board-$N-children-2025-Q3.md
SAB=$T/out/sab-$N-2025-Q3.md
SCP=$T/out/scp-$N-2025-Q3.md
BA=$T/out/board-$N-adults-2025-Q3.md
B=$T/out/board-$N-2025-Q3.md
check_grep '^subtitle: "Standing item, 2025-Q3: Adults"$' "$SAB" "sab: the subtitle says adults"
check_grep '^| Escalations about | Adults only |$' "$SAB" "sab: the title block says adults only"
check_grep '^| Escalations about | Children and unborn children only |$' "$SCP" "scp: the title block says children"
check_grep '^| Escalations about | Adults only |$' "$BA" "board --subject adults: says adults, named -adults-"
check_no_grep '^| Escalations about' "$B" "the whole board paper says no subject"
# SAB: adults' figures only (3 raised, 1 open, 1 resolved, 1 withdrawn).
check_grep '^| Raised | 3 | ' "$SAB" "sab: 3 raised"
check_grep '^| Open at the end of the period | 1 | ' "$SAB" "sab: 1 open"
check_grep '^| Focus (adult social work) | 2 | 1 |' "$BA" "board --subject adults: Focus raised 2, received 1"
check_grep '^| Children'"'"'s Services | 0 | 1 |' "$BA" "board --subject adults: Children's Services received A2 only"
check_grep '^| Raised | 4 | ' "$SCP" "scp: 4 raised"
check_grep '^| Raised | 3 | ' "$BA" "board --subject adults: 3 raised"
check_grep '^| Raised | 8 | ' "$B" "board: 8 raised"
# The timescale table (the board paper's, here restricted to one subject;
# a forum item starts from its own stage and leaves it to the board paper):
# the chosen reading first, then the other, outside the total.  Adults: stage 1 due 3, met 2, breached 1; stage 4 as above;
# total (chosen) due 4, met 3, breached 1: "1 of 4".
S4='Stage 4: Escalation to Assistant Director'
check_grep "^| $S4 | flowchart: completed by working day 15 from raising | protocol | 1 | 1 | 0 | 0 | 0 of 1 |\$" "$BA" \
	"board --subject adults: stage 4, flowchart: 1 due, 1 met"
check_grep "^| $S4 | supporting text: completed by working day 11 from raising | protocol (other reading, not in the total) | 1 | 0 | 1 | 0 | 1 of 1 |\$" "$BA" \
	"board --subject adults: stage 4, supporting text: 1 due, 1 breached"
check_eq "flowchart supporting text" "$(grep "^| $S4 | " "$BA" | grep -o 'flowchart\|supporting text' | tr '\n' ' ' | sed 's/ $//')" \
	"board --subject adults: the chosen reading first"
check_grep '^| \*\*Total\*\* |  |  | \*\*4\*\* | \*\*3\*\* | \*\*1\*\* | \*\*0\*\* | \*\*1 of 4\*\* |$' "$BA" \
	"board --subject adults: the total leaves the other reading out"
check_grep "^| $S4 | flowchart: completed by working day 15 from raising | protocol | 4 | 3 | 1 | 0 | 1 of 4 |\$" "$BC" \
	"board --subject children: stage 4, flowchart: 4 due, 3 met"
check_grep "^| $S4 | supporting text: completed by working day 11 from raising | protocol (other reading, not in the total) | 4 | 1 | 3 | 0 | 3 of 4 |\$" "$BC" \
	"board --subject children: stage 4, supporting text: 4 due, 1 met"
check_grep "^| $S4 | supporting text: completed by working day 11 from raising | protocol (other reading, not in the total) | 6 | 1 | 5 | 0 | 83.3% |\$" "$B" \
	"board: stage 4, supporting text: 6 due, 5 breached"
check_grep '^The protocol gives two timescales for Stage 4: Escalation to Assistant Director\. Its flowchart: ' "$B" \
	"board: the two readings said under the table"
# The board paper's "reported apart" names the papers that do it.
check_grep 'reports them apart in the papers for the NEL SAB Chair (adults) and the NEL SCP Chair (children and unborn children)\.' "$B" \
	"board: adults reported apart, in the SAB chair's paper"
check_no_grep 'reports them apart' "$SAB" "sab: no 'reported apart' in a one-subject paper"
check_grep '^Only escalations about adults are counted here, but each agency' "$BA" "board --subject adults: the funnel says activity is not split"
check_grep '^| Focus (adult social work) | 2 | 100 | 0\.6 |' "$BA" "board --subject adults: funnel row for Focus"

# --- usage errors ------------------------------------------------------------
check_exit 2 "--subject adult: usage error" "$OV" metrics --partnership $N --quarter 2025-Q3 --json --subject adult
check_grep "^oversight: --subject: 'adult' is not children or adults" "$T/.err" "the message names the option and the value"
check_exit 2 "signals --subject none: usage error" "$OV" signals --partnership $N --quarter 2025-Q3 --subject none
check_exit 2 "report --subject '': usage error" "$OV" report board --partnership $N --quarter 2025-Q3 --subject ''
check_exit 2 "report sab --subject children: not the forum's" "$OV" report sab --partnership $N --quarter 2025-Q3 --subject children -o "$T/bad"
check_grep '^oversight: --subject: children: the sab paper is about adults' "$T/.err" "the message says whom the paper is about"
check_ok "report sab --subject adults: the forum's own" "$OV" report sab --partnership $N --quarter 2025-Q3 --subject adults --no-charts -o "$T/out2"
check_eq "sab-$N-2025-Q3.md" "$(ls "$T/out2" | grep '\.md$')" "the forum's own subject is not repeated in the file name"
check_exit 2 "devon covers no adults" "$OV" metrics --partnership devon --quarter 2025-Q3 --json --subject adults
check_grep "^oversight: --subject: devon's protocol does not cover adults" "$T/.err" "the message says the protocol does not cover them"
check_exit 2 "report scp-sab is gone" "$OV" report scp-sab --partnership $N --quarter 2025-Q3 -o "$T/bad"

# --- the definition's format -------------------------------------------------
def() { jq "$1" "$ROOT/protocols/north-east-lincolnshire.json" >"$T/def.json"; }
def 'del(.stages[3].timescale.alternative.reading)'
check_exit 1 "alternative without a reading" "$OV" -w "$T/d.db" init --definition "$T/def.json"
check_grep 'stages\[3\]\.timescale\.alternative\.reading: missing' "$T/.err" "names the field"
def '.stages[3].timescale.alternative.days = 15'
check_exit 1 "alternative equal to the chosen timescale" "$OV" -w "$T/d.db" init --definition "$T/def.json"
check_grep 'stages\[3\]\.timescale\.alternative: the same timescale as the chosen reading' "$T/.err" "says why"
def 'del(.stages[3].timescale.reading)'
check_exit 1 "alternative without the chosen reading's name" "$OV" -w "$T/d.db" init --definition "$T/def.json"
check_grep 'stages\[3\]\.timescale\.reading: missing' "$T/.err" "names the field"
def '.stages[3].timescale.alternative.kind = "by_day"'
check_exit 1 "alternative of an unknown kind" "$OV" -w "$T/d.db" init --definition "$T/def.json"
def '.forums[0].subject = "adult"'
check_exit 1 "forum subject not children or adults" "$OV" -w "$T/d.db" init --definition "$T/def.json"
check_grep 'forums\[0\]\.subject: must be children or adults' "$T/.err" "names the field"

finish
