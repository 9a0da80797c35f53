#!/bin/sh
# t-front.sh - the front page every paper opens with (key figures against
# the previous period and the same period a year earlier, the direction of
# change in words, the Making Data Count reading of the monthly series and
# its icon, the signals that fired, the logs missing or out of date, data
# quality), --commentary, and the analyst's appendix at the end.
#
# Every expected figure is worked out BY HAND in the comment beside it
# (DESIGN.md "Definitions"; Gloucestershire's stage 1 is "completed within
# 1 working day of raising": the deadline is the first working day after
# the day raised).
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2026-12-31
GL=gloucestershire
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,stage1_on,stage2_on,stage3_on,stage4_on,status,closed_on,learning,learning_theme

# ===========================================================================
# The data set: one shared log (every agency), exported 5 October 2026
# ===========================================================================
#   A  glos-cs -> early-years,   Mon 6 Jul 2026, resolved Tue 7 Jul
#   B  glos-police -> glos-cs,   Wed 8 Jul 2026, resolved Mon 13 Jul
#   C  glos-cs -> glos-health,   Tue 1 Sep 2026, open at stage 1
#   D  glos-police -> education, Thu 10 Sep 2026, stage 2 Fri 11 Sep, open
#   E  glos-health -> glos-cs,   Mon 14 Sep 2026, withdrawn Tue 15 Sep
#   F  education -> glos-cs,     Wed 10 Jun 2026, open at stage 1
#   G  education -> glos-police, Mon 1 Jun 2026, resolved Fri 5 Jun
#   G2 education -> glos-health, Tue 2 Jun 2026, resolved Wed 3 Jun
#   H  glos-cs -> glos-police,   Tue 1 Jul 2025, resolved Wed 2 Jul
#   I  glos-police -> glos-cs,   Mon 7 Jul 2025, resolved Tue 8 Jul
#   J  glos-health -> education, Mon 8 Sep 2025, resolved Tue 9 Sep
#   K  education -> glos-cs,     Mon 15 Sep 2025, resolved Fri 3 Oct 2025
#   X  quarantined (unknown theme 'neglect')
# Every escalation enters stage 1 the day it is raised.
cat >"$T/log.csv" <<EOF
$H
A,$GL,glos-cs,early-years,GLA,child,2026-07-06,threshold,case,2026-07-06,,,,resolved,2026-07-07,n,
B,$GL,glos-police,glos-cs,GLB,child,2026-07-08,threshold,case,2026-07-08,,,,resolved,2026-07-13,n,
C,$GL,glos-cs,glos-health,GLC,child,2026-09-01,plan,case,2026-09-01,,,,open,,n,
D,$GL,glos-police,education,GLD,child,2026-09-10,plan,case,2026-09-10,2026-09-11,,,open,,n,
E,$GL,glos-health,glos-cs,GLE,child,2026-09-14,plan,case,2026-09-14,,,,withdrawn,2026-09-15,n,
F,$GL,education,glos-cs,GLF,child,2026-06-10,threshold,case,2026-06-10,,,,open,,n,
G,$GL,education,glos-police,GLG,child,2026-06-01,threshold,case,2026-06-01,,,,resolved,2026-06-05,n,
G2,$GL,education,glos-health,GLG2,child,2026-06-02,plan,case,2026-06-02,,,,resolved,2026-06-03,n,
H,$GL,glos-cs,glos-police,GLH,child,2025-07-01,threshold,case,2025-07-01,,,,resolved,2025-07-02,n,
I,$GL,glos-police,glos-cs,GLI,child,2025-07-07,plan,case,2025-07-07,,,,resolved,2025-07-08,n,
J,$GL,glos-health,education,GLJ,child,2025-09-08,plan,case,2025-09-08,,,,resolved,2025-09-09,n,
K,$GL,education,glos-cs,GLK,child,2025-09-15,threshold,case,2025-09-15,,,,resolved,2025-10-03,n,
X,$GL,glos-police,glos-cs,GLX,child,2026-07-15,neglect,case,2026-07-15,,,,open,,n,
EOF
check_ok "init" "$OV" init
"$OV" load --quiet --exported 2026-10-05 "$T/log.csv" >/dev/null 2>&1
"$OV" metrics --json --partnership $GL --from 2025-01-01 --to 2026-12-31 >"$T/all.json"
check_eq 12 "$(jq .raised "$T/all.json")" "12 escalations loaded, X quarantined"

# ===========================================================================
# 1. One quarter: 2026-Q3, against 2026-Q2 and 2025-Q3
# ===========================================================================
# Raised: Q3 A B C D E = 5; Q2 F G G2 = 3; 2025-Q3 H I J K = 4.
# Open at the end: 30 Sep 2026 C D F = 3; 30 Jun 2026 F = 1; 30 Sep 2025
#   K = 1 (its closure on 3 Oct comes after that paper's end).
# Resolved: Q3 A B = 2; Q2 G G2 = 2; 2025-Q3 H I J = 3.
# Overdue now (open, current stage timed, deadline before the end): 30 Sep
#   2026 C (2 Sep) and F (11 Jun) = 2 (D waits at stage 2, untimed); 30 Jun
#   2026 F = 1; 30 Sep 2025 K (16 Sep) = 1.
# Breached: Q3 A due 7 Jul met; B due 9 Jul, done 13 Jul breached; C due
#   2 Sep, open: breached; D due 11 Sep, stage 2 that day: met; E due 15
#   Sep, withdrawn that day: met.  3 met, 2 breached: 2 / 5 = 40.0%.
#   Q2 F due 11 Jun open: breached; G due 2 Jun, done 5 Jun: breached; G2
#   due 3 Jun met: 2 of 3 (under 5: counts).  2025-Q3 H I J met, K due 16
#   Sep open at 30 Sep: breached: 1 of 4.  40% is below 66.7% and above 25%.
# Median resolution (working days after raising, to the day resolved):
#   Q3 A 1, B 3 (9, 10, 13 Jul): 2.0; Q2 G 4 (2-5 Jun), G2 1: 2.5; 2025-Q3
#   H 1, I 1, J 1: 1.0.
check_ok "quarter paper" "$OV" report board --partnership $GL --quarter 2026-Q3 --no-charts -o "$T/q"
Q=$T/q/board-$GL-2026-Q3.md
check_grep '^| Figure | This quarter | Previous quarter | Same quarter last year | Monthly pattern |$' "$Q" \
	"quarter: a column for each comparison and the monthly pattern"
check_grep '^This quarter (1 July to 30 September 2026) beside the previous quarter (1 April to 30 June 2026) and the same quarter a year earlier (1 July to 30 September 2025), each as it stood at its own end\.' \
	"$Q" "quarter: the sentence names each column's days"
check_grep '^| Raised | 5 | up from 3 | up from 4 | ' "$Q" "quarter: raised 5, up from 3 and from 4"
check_grep '^| Open at the end of the period | 3 | up from 1 | up from 1 | |$' "$Q" "quarter: open 3"
check_grep '^| Resolved | 2 | the same as 2 | down from 3 | |$' "$Q" "quarter: resolved 2, the same as 2, down from 3"
check_grep '^| Overdue now (open past a stage deadline) | 2 | up from 1 | up from 1 | |$' "$Q" "quarter: overdue now 2"
check_grep '^| Stage deadlines breached | 40\.0% | down from 2 of 3 | up from 1 of 4 | |$' "$Q" \
	"quarter: breach rate 40.0%, small denominators as counts"
check_grep '^| Median resolution time (working days) | 2\.0 | down from 2\.5 | up from 1\.0 | |$' "$Q" \
	"quarter: median 2.0 against 2.5 and 1.0"
check_no_grep '+[0-9]\|| -[0-9]' "$Q" "quarter: no signed change anywhere in the paper"

# The Making Data Count reading.  Months from the first raising (Jul
# 2025) to Sep 2026: 15, enough.  Counts 2 0 2 0 0 0 0 0 0 0 0 3 2 0 3,
# mean 14/15 = 0.933; moving ranges 2 2 2 0 0 0 0 0 0 0 3 1 2 3, AMR
# 15/14 = 1.071 (none >= 3.267 AMR), upper limit 0.933 + 2.66 x 1.071 =
# 3.78: no month beyond; Oct 2025 - May 2026, 8 months in a row below the
# mean: run-below; no two of three above 0.933 + 1.773 x 1.071 = 2.83 with
# all three above the mean.  The quarter's months (Jul 2 Aug 0 Sep 3) are
# flagged by no rule: common cause.  The run ends in May 2026, within the
# last six months: a recent signal.
check_grep '^| Raised | 5 | up from 3 | up from 4 | !\[\]\[mdc-common\] common cause variation |$' "$Q" \
	"quarter: raised reads common cause variation, with its icon"
check_grep '^\[mdc-common\]: data:image/svg+xml;base64,[A-Za-z0-9+/=]*$' "$Q" "quarter: the icon travels in the paper"
check_grep '^- Monthly trend: 8 months in a row below the average, October 2025 to May 2026\.$' "$Q" \
	"quarter: the run below the average among the signals"
# Silent (no raising in Q3 nor Q2 2026, log covering): Early Years only
# (education raised F G G2 in Q2).  One-way (received A in the last four
# quarters, raised none): Early Years.  No activity loaded: no funnel.
check_grep '^- Silent (none raised in the period nor in the three months before it): Early Years\.$' "$Q" \
	"quarter: silent agency"
check_grep '^- One-way (received escalations in the last four quarters but raised none): Early Years\.$' "$Q" \
	"quarter: one-way agency"
check_no_grep 'Escalations against activity in the period' "$Q" "quarter: no funnel without activity"
check_grep "^\*\*Agency logs\*\*: every agency's log runs to the as-of date\.$" "$Q" "quarter: every log covers"
check_grep "^\*\*Data quality\*\*: 1 row of the agencies' logs could not be used; see the analyst's appendix\.$" \
	"$Q" "quarter: the quarantined row, in plain words"
# The rest against earlier periods: withdrawn Q3 E = 1, Q2 0, 2025-Q3 0;
# stage 1 entered = raised (5, 3, 4); stage 2 Q3 D = 1.
check_grep '^| Withdrawn | 1 | 0 | up 1 | 0 | up 1 |$' "$Q" "quarter: withdrawn in the table after"
check_grep '^| Entered Stage 1: Preventing Disputes | 5 | 3 | up 2 | 4 | up 1 |$' "$Q" "quarter: stage 1 entered"
check_grep '^| Entered Stage 3: Formal Dispute Procedure | 0 | 0 | no change | 0 | no change |$' "$Q" \
	"quarter: no change in words"
# The front page comes before every other section.
check_eq "## At a glance" "$(grep '^## ' "$Q" | head -1)" "quarter: the front page is the first section"

# ===========================================================================
# 2. A financial year: 1 April 2025 to 31 March 2026
# ===========================================================================
# Twelve whole months: the previous period and the year before are both
# 2024-04-01..2025-03-31 (nothing in it), so one column.
# Raised H I J K = 4 | 0.  Open at 31 Mar 2026: none (K closed 3 Oct) | 0.
# Resolved H I J K = 4 | 0.  Overdue 0 | 0.  Breached: H I J met, K due 16
# Sep done 3 Oct: 1 of 4 | nothing due.  Median of 1 1 1 14 (K: 16 Sep to
# 3 Oct, 14 working days) = 1.0 | none resolved.  Months Jul 2025 to Mar
# 2026: 9, too few for a reading.
check_ok "year paper" "$OV" report board --partnership $GL --from 2025-04-01 --to 2026-03-31 --no-charts -o "$T/y"
Y=$T/y/board-$GL-2025-04-01_2026-03-31.md
check_grep '^| Figure | This year | Previous year | Monthly pattern |$' "$Y" "year: one column for the year before"
check_grep '^This year (1 April 2025 to 31 March 2026) beside the previous year (1 April 2024 to 31 March 2025), each as it stood at its own end\.' \
	"$Y" "year: the sentence names the one comparison"
check_grep '^| Raised | 4 | up from 0 | too few months to say (9 months of data; 12 are needed) |$' "$Y" \
	"year: raised 4, too few months to read"
check_grep '^| Open at the end of the period | 0 | the same as 0 | |$' "$Y" "year: open 0, the same"
check_grep '^| Resolved | 4 | up from 0 | |$' "$Y" "year: resolved 4"
check_grep '^| Overdue now (open past a stage deadline) | 0 | the same as 0 | |$' "$Y" "year: overdue 0"
check_grep '^| Stage deadlines breached | 1 of 4 | none fell due | |$' "$Y" "year: 1 of 4 breached"
check_grep '^| Median resolution time (working days) | 1\.0 | none resolved | |$' "$Y" "year: median 1.0"
check_no_grep 'mdc-' "$Y" "year: no icon without a reading"
check_no_grep '+[0-9]\|| -[0-9]' "$Y" "year: no signed change anywhere in the paper"

# ===========================================================================
# 3. Logs missing or out of date; an agency pack's front page
# ===========================================================================
# As of 10 October 2026 the shared log (exported 5 October) covers no
# agency: the paper needs --allow-incomplete and names each log's end.
check_ok "late as-of paper" "$OV" report board --partnership $GL --quarter 2026-Q3 --as-of 2026-10-10 \
	--allow-incomplete --no-charts -o "$T/late"
check_grep "^\*\*Agency logs missing or out of date\*\*: Children's Social Care (shared log ends 5 October 2026); .*Early Years (shared log ends 5 October 2026)\. " \
	"$T/late/board-$GL-2026-Q3.md" "late: every agency's log ends before the as-of date"
# Children's Social Care (glos-cs), 2026-Q3 | 2026-Q2 | 2025-Q3:
#   raised by it: A C = 2 | none | H = 1; raised with it: B E = 2 | F = 1 |
#   I K = 2; open at the end with it a party: C F = 2 | F = 1 | K = 1;
#   resolved with it a party: A B = 2 | none (G, G2 are others') | H I = 2.
check_ok "agency pack" "$OV" report agency --partnership $GL --agency glos-cs --quarter 2026-Q3 --no-charts -o "$T/a"
A=$T/a/agency-$GL-glos-cs-2026-Q3.md
check_grep '^| Raised by the agency | 2 | up from 0 | up from 1 |$' "$A" "agency: raised by it"
check_grep '^| Raised with the agency (received) | 2 | up from 1 | the same as 2 |$' "$A" "agency: received"
check_grep '^| Open at the end of the period (either party) | 2 | up from 1 | up from 1 |$' "$A" "agency: open"
check_grep '^| Resolved in the period (either party) | 2 | up from 0 | the same as 2 |$' "$A" "agency: resolved"
check_grep '^\*\*Signals that fired\*\*: none\.$' "$A" "agency: no signal of its own"
check_eq "## At a glance" "$(grep '^## ' "$A" | head -1)" "agency: the front page is the first section"

# ===========================================================================
# 4. --commentary
# ===========================================================================
printf 'The rise in September follows the **new front door**.\n\n- One | pipe, kept as written\n' >"$T/comment.md"
check_ok "commentary paper" "$OV" report board --partnership $GL --quarter 2026-Q3 --no-charts -o "$T/c" \
	--commentary "$T/comment.md"
C=$T/c/board-$GL-2026-Q3.md
check_eq "$(cat "$T/comment.md")" "$(sed -n '/^### Commentary$/,/^## /p' "$C" | sed '1,2d;$d' | sed '$d')" \
	"commentary: copied verbatim under its heading"
check_eq "### Commentary" "$(sed -n '/^## At a glance/,/^## Against/p' "$C" | grep '^###')" \
	"commentary: on the front page"
check_exit 2 "commentary: a missing file is refused" "$OV" report board --partnership $GL --quarter 2026-Q3 \
	--no-charts -o "$T/c2" --commentary "$T/nothing.md"
check_grep "^oversight: --commentary: $T/nothing.md: cannot read: No such file or directory$" "$T/.err" \
	"commentary: the message names the file"
check_eq "" "$(ls "$T/c2" 2>/dev/null)" "commentary: no paper written"
"$OV" report -h >"$T/help.txt"
check_grep '^    --commentary <file>' "$T/help.txt" "commentary: in report -h"

# ===========================================================================
# 5. The analyst's appendix: last, and the only place for commands
# ===========================================================================
for f in "$Q" "$Y" "$A" "$T/late/board-$GL-2026-Q3.md"; do
	check_eq "## Analyst's appendix" "$(grep '^## ' "$f" | tail -1)" "appendix: the last section of $(basename "$f")"
	check_eq "" "$(sed "/^## Analyst's appendix/,\$d" "$f" | grep -n 'oversight \|rejects\|quarantin')" \
		"appendix: nothing before it names a command or rejects ($(basename "$f"))"
done
check_ok "resolution-group paper" "$OV" report resolution-group --partnership $GL --quarter 2026-Q3 --no-charts -o "$T/rg"
R=$T/rg/resolution-group-$GL-2026-Q3.md
check_eq "## At a glance" "$(grep '^## ' "$R" | head -1)" "forum item: the front page is the first section"
check_eq "## Analyst's appendix" "$(grep '^## ' "$R" | tail -1)" "forum item: the appendix is the last section"
check_grep '^- Rows quarantined by the loads of this partnership.s logs: 1, not counted in any figure; `oversight rejects` lists them' \
	"$Q" "appendix: the quarantined row and the command that lists it"
check_grep '`oversight check` lists them\.$' "$Q" "appendix: how to see the logs that disagree"

# ===========================================================================
# 6. The reading of a series: special cause, higher and lower
# ===========================================================================
# series NAME COUNT...: from July 2025 on, COUNT escalations raised on the
# 10th of each month, in a warehouse of their own; the 2026-Q3 board paper
# into $T/NAME.
series() {
	name=$1; shift
	m=0
	echo "$H" >"$T/s.csv"
	for n in "$@"; do
		d=$(printf '%d-%02d-10' $((2025 + (6 + m) / 12)) $(((6 + m) % 12 + 1)))
		i=0
		while [ $i -lt "$n" ]; do
			echo "S$m-$i,$GL,glos-cs,glos-police,S$m-$i,child,$d,plan,case,$d,,,,open,,n," >>"$T/s.csv"
			i=$((i + 1))
		done
		m=$((m + 1))
	done
	OVERSIGHT_WAREHOUSE=$T/$name.db "$OV" init >/dev/null
	OVERSIGHT_WAREHOUSE=$T/$name.db "$OV" load --quiet --exported 2026-10-05 "$T/s.csv" >/dev/null
	OVERSIGHT_WAREHOUSE=$T/$name.db "$OV" report board --partnership $GL --quarter 2026-Q3 --no-charts \
		-o "$T/$name" >/dev/null
}
# High: Jul 2025 - Aug 2026 alternately 2 and 5 (14 months), Sep 2026 20.
# Mean 69/15 = 4.6; moving ranges 3 (x13) and 15: AMR 54/14 = 3.857, and
# 15 >= 3.267 x 3.857 = 12.6 is dropped: AMR 39/13 = 3.0; upper limit 4.6
# + 2.66 x 3 = 12.58: September's 20 is above it.  The 2s and 5s sit either
# side of the mean (no run), none is beyond 4.6 + 1.773 x 3 = 9.92 or
# below 4.6 - 5.3: September alone is flagged, high.
# Q3 raised 2 + 5 + 20 = 27 | Q2 5 + 2 + 5 = 12 | 2025-Q3 2 + 5 + 2 = 9.
series high 2 5 2 5 2 5 2 5 2 5 2 5 2 5 20
check_grep '^| Raised | 27 | up from 12 | up from 9 | !\[\]\[mdc-high\] special cause, higher |$' \
	"$T/high/board-$GL-2026-Q3.md" "high: a month far above the limit reads special cause, higher"
check_grep '^\[mdc-high\]: data:image/svg+xml;base64,' "$T/high/board-$GL-2026-Q3.md" "high: its icon"
# Low: Jul 2025 - Feb 2026 alternately 4 and 5 (8 months), then 7 months of
# 1.  Mean 43/15 = 2.87; the last 7 months, Mar - Sep 2026, are all below
# it: a run below the mean that takes in the quarter's months (and AMR
# 7/13 = 0.538 after dropping the 4, lower limit 2.87 - 1.43 = 1.43: each
# 1 is below it too; the earlier 4s and 5s, high, are outside the quarter).
# Q3 raised 3 | Q2 3 | 2025-Q3 4 + 5 + 4 = 13.
series low 4 5 4 5 4 5 4 5 1 1 1 1 1 1 1
check_grep '^| Raised | 3 | the same as 3 | down from 13 | !\[\]\[mdc-low\] special cause, lower |$' \
	"$T/low/board-$GL-2026-Q3.md" "low: months below the mean read special cause, lower"
finish
