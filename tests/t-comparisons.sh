#!/bin/sh
# t-comparisons.sh - the previous period and the same period last year
# (DESIGN.md "Previous period and same period last year") in `metrics
# --json` and in the headline table of a paper, for a quarter, a financial
# year and a period of days; and JSON floats at full precision.
#
# Every expected figure is worked out BY HAND in the comment beside it.
. "$(dirname "$0")/lib.sh"

if ! command -v jq >/dev/null 2>&1; then
	echo "not ok 1 - jq is needed to read the JSON (sh tools/deps.sh installs it)"
	exit 1
fi
export OVERSIGHT_TODAY=2026-12-31
jv() { jq -c "$2" "$1"; }

# ===========================================================================
# The log: Devon, children's services raising with the police (one theme).
# ===========================================================================
#   A  raised 2024-05-10, s1 same day, resolved 2024-06-20
#   B  raised 2025-02-03, s1 same day, s2 2025-03-10, open
#   C  raised 2025-03-28, s1 same day, resolved 2025-04-02
#   D  raised 2025-07-15, s1 same day, withdrawn 2025-08-01
#   E  raised 2025-09-30, s1 same day, s2 2025-10-06, resolved 2026-05-05
#   F  raised 2026-05-20, s1 same day, open
#   G  raised 2026-07-01, s1 same day, s2 2026-07-10, resolved 2026-09-30
#   H  raised 2026-08-12, s1 same day, open
{
	echo "ref,partnership,raised_by,raised_with,raised_on,theme,stage1_on,stage2_on,status,closed_on"
	echo "CMP-A,devon,devon-cs,dc-police,2024-05-10,threshold,2024-05-10,,resolved,2024-06-20"
	echo "CMP-B,devon,devon-cs,dc-police,2025-02-03,threshold,2025-02-03,2025-03-10,open,"
	echo "CMP-C,devon,devon-cs,dc-police,2025-03-28,threshold,2025-03-28,,resolved,2025-04-02"
	echo "CMP-D,devon,devon-cs,dc-police,2025-07-15,threshold,2025-07-15,,withdrawn,2025-08-01"
	echo "CMP-E,devon,devon-cs,dc-police,2025-09-30,threshold,2025-09-30,2025-10-06,resolved,2026-05-05"
	echo "CMP-F,devon,devon-cs,dc-police,2026-05-20,threshold,2026-05-20,,open,"
	echo "CMP-G,devon,devon-cs,dc-police,2026-07-01,threshold,2026-07-01,2026-07-10,resolved,2026-09-30"
	echo "CMP-H,devon,devon-cs,dc-police,2026-08-12,threshold,2026-08-12,,open,"
} >"$T/cmp.csv"
check_ok "init" "$OV" init
check_ok "load" "$OV" load --quiet "$T/cmp.csv"
FIG='[.from, .to, .raised, .open_at_end, .resolved, .withdrawn, [.entered_stage[] | [.stage, .n]]]'

# --- a quarter: 2026-Q3 -----------------------------------------------------
# This quarter (Jul-Sep 2026): raised G H = 2; open at 30 Sep: B F H = 3
# (G closed on the 30th itself); resolved G = 1; withdrawn 0; entered
# stage 1 G H = 2, stage 2 G (10 Jul) = 1.
# Previous: the quarter before, 2026-Q2 (1 Apr - 30 Jun 2026), as of 30
# Jun: raised F = 1; open B F = 2 (E closed 5 May); resolved E = 1;
# withdrawn 0; stage 1 F = 1, stage 2 none.
# Year before: 2025-Q3 (1 Jul - 30 Sep 2025), as of 30 Sep 2025: raised
# D E = 2; open B E = 2 (C closed 2 Apr, D withdrawn 1 Aug); resolved 0
# (C closed in Q2); withdrawn D = 1; stage 1 D E = 2, stage 2 none (E's is
# 6 Oct).
"$OV" metrics --json --partnership devon --quarter 2026-Q3 >"$T/q.json"
check_eq '[2,3,1,0,[[1,2],[2,1]]]' "$(jv "$T/q.json" '[.raised, .open_at_end, .resolved, .withdrawn, [.entered_stage[] | [.stage, .n]]]')" \
	"quarter: this period's headline"
check_eq '["2026-04-01","2026-06-30",1,2,1,0,[[1,1]]]' "$(jv "$T/q.json" ".previous | $FIG")" \
	"quarter: previous is 2026-Q2 as of its own end"
check_eq '["2025-07-01","2025-09-30",2,2,0,1,[[1,2]]]' "$(jv "$T/q.json" ".year_before | $FIG")" \
	"quarter: year_before is 2025-Q3 as of its own end"

# --- a financial year: 2025-04-01 .. 2026-03-31 -----------------------------
# Twelve whole months: previous = the 12 months ending 31 Mar 2025 =
# 2024-04-01 .. 2025-03-31; year before = the same months a year earlier,
# the same days.
# This year, as of 31 Mar 2026: raised D E = 2; open B E = 2 (E closes
# 5 May 2026); resolved C = 1 (2 Apr 2025); withdrawn D = 1; stage 1 D E
# = 2, stage 2 E (6 Oct 2025) = 1.
# The year before, as of 31 Mar 2025: raised A B C = 3; open B C = 2 (A
# closed Jun 2024, C closes 2 Apr 2025); resolved A = 1; withdrawn 0;
# stage 1 A B C = 3, stage 2 B (10 Mar 2025) = 1.
"$OV" metrics --json --partnership devon --from 2025-04-01 --to 2026-03-31 >"$T/fy.json"
check_eq '[2,2,1,1,[[1,2],[2,1]]]' "$(jv "$T/fy.json" '[.raised, .open_at_end, .resolved, .withdrawn, [.entered_stage[] | [.stage, .n]]]')" \
	"financial year: this year's headline"
check_eq '["2024-04-01","2025-03-31",3,2,1,0,[[1,3],[2,1]]]' "$(jv "$T/fy.json" ".previous | $FIG")" \
	"financial year: previous is 2024/25 as of 31 Mar 2025"
check_eq '["2024-04-01","2025-03-31",3,2,1,0,[[1,3],[2,1]]]' "$(jv "$T/fy.json" ".year_before | $FIG")" \
	"financial year: year_before is the same months a year earlier"

# --- six whole months: 2025-10-01 .. 2026-03-31 -----------------------------
# previous: the 6 months ending 30 Sep 2025 = 2025-04-01 .. 2025-09-30,
# raised D E = 2; year before: 2024-10-01 .. 2025-03-31, raised B C = 2.
# This period raised none.
"$OV" metrics --json --partnership devon --from 2025-10-01 --to 2026-03-31 >"$T/h.json"
check_eq '[0,["2025-04-01","2025-09-30",2],["2024-10-01","2025-03-31",2]]' \
	"$(jv "$T/h.json" '[.raised, (.previous | [.from, .to, .raised]), (.year_before | [.from, .to, .raised])]')" \
	"six months: previous six months and the same six months a year earlier"

# --- a period of days: 2026-07-15 .. 2026-08-14 (31 days) -------------------
# Not whole months: previous = the 31 days ending 14 Jul = 2026-06-14 ..
# 2026-07-14, raised G (1 Jul) = 1; year before = the 31 days from 15 Jul
# 2025 = 2025-07-15 .. 2025-08-14, raised D (15 Jul) = 1, withdrawn D (1
# Aug) = 1.  This period: raised H (12 Aug) = 1.
"$OV" metrics --json --partnership devon --from 2026-07-15 --to 2026-08-14 >"$T/d.json"
check_eq '[1,["2026-06-14","2026-07-14",1,0],["2025-07-15","2025-08-14",1,1]]' \
	"$(jv "$T/d.json" '[.raised, (.previous | [.from, .to, .raised, .withdrawn]), (.year_before | [.from, .to, .raised, .withdrawn])]')" \
	"days: the same number of days before, and the same days a year earlier"

# --- the headline table of a paper ------------------------------------------
# 2026-Q3: Raised 2 | previous 1, up | year before 2, the same.
# Open 3 | 2, up | 2, up.  The front page gives them in words; the table
# after it has the rest (withdrawn, stages) with both counts.
check_ok "quarter paper" "$OV" report board --partnership devon --quarter 2026-Q3 --no-charts -o "$T/pq"
Q=$T/pq/board-devon-2026-Q3.md
check_grep '^| Figure | This period | Previous quarter | Change | Same quarter last year | Change |$' "$Q" \
	"quarter paper: a column for each comparison"
check_grep '^| Raised | 2 | up from 1 | the same as 2 | ' "$Q" "quarter paper: raised 2 against 1 and 2"
check_grep '^| Open at the end of the period | 3 | up from 2 | up from 2 | |$' "$Q" \
	"quarter paper: open 3 against 2 and 2"
check_grep 'beside them the previous quarter (1 April to 30 June 2026) and the same quarter a year earlier (1 July to 30 September 2025), each as it stood at its own end' \
	"$Q" "quarter paper: the header names both columns' days"
# The financial year: previous year and the year before are the same days,
# so one column.  Raised 2 | 3, down; open 2 | 2, the same; resolved 1 |
# 1, the same; withdrawn 1 | 0, up 1.
check_ok "financial-year paper" "$OV" report board --partnership devon --from 2025-04-01 --to 2026-03-31 \
	--no-charts -o "$T/py"
Y=$T/py/board-devon-2025-04-01_2026-03-31.md
check_grep '^| Figure | This period | Previous year | Change |$' "$Y" "financial-year paper: one column for the year before"
check_grep '^| Figure | This year | Previous year | Monthly pattern |$' "$Y" \
	"financial-year paper: one column for the year before on the front page"
check_grep '^| Raised | 2 | down from 3 | ' "$Y" "financial-year paper: raised 2 against 3"
check_grep '^| Open at the end of the period | 2 | the same as 2 | |$' "$Y" "financial-year paper: open 2, the same"
check_no_grep '+0\|+[0-9]\|-[0-9] |' "$Y" "financial-year paper: no signed change anywhere"
check_grep '^| Withdrawn | 1 | 0 | up 1 |$' "$Y" "financial-year paper: withdrawn 1 against 0"
check_grep 'beside them the previous year (1 April 2024 to 31 March 2025) as it stood at its own end, and the change from it' \
	"$Y" "financial-year paper: the header describes the one column"
check_no_grep 'same year a year' "$Y" "financial-year paper: no second comparison promised"

# ===========================================================================
# JSON floats at full precision
# ===========================================================================
# SPC of 2026-Q3: the 24 months Oct 2024 .. Sep 2026 hold B C D E F G H,
# 7 escalations: mean 7/24 = 0.291666...  %.15g gives 0.291666666666667,
# which is not the double 7/24 (it is 3.3e-16 away, six times the spacing
# of doubles there, 2^-54 = 5.6e-17); %.16g gives 0.2916666666666667,
# which reads back as 7/24 (Python: repr(7/24) == '0.2916666666666667').
check_eq 0.2916666666666667 "$(tr -d ' \t\n' <"$T/q.json" | grep -o '"mean":[0-9.e+-]*' | sed 's/.*://')" \
	"spc mean 7/24 at full precision, 16 digits"
# Every number of the file is the shortest text of its double: jq reads
# each into a double and writes the shortest text that reads back, so the
# two lists of numbers are the same text.
nums() { grep -o -E '(^|[^0-9a-zA-Z".-])-?[0-9][0-9.]*([eE][-+]?[0-9]+)?' | sed -E 's/^[^0-9-]//'; }
for f in q fy d; do
	check_eq "$(jq -c . "$T/$f.json" | sed 's/"[^"]*"//g' | nums)" "$(sed 's/"[^"]*"//g' "$T/$f.json" | nums)" \
		"$f.json: every number as jq writes it back (the shortest that round-trips)"
done

# ===========================================================================
# Open at the end of a period, early, middle and late in a long history.
# queries/m_headline.sql counts it one of two exact ways: from the
# escalations raised and closed by the end (an end in the first third of
# the partnership's history, first to last raised_on), or from those never
# closed and closed after it.  Ten years, 4 Jan 2016 to 15 Dec 2025:
#   L1 raised 2016-01-04, resolved 2016-02-01
#   L2 raised 2016-01-11, never closed
#   L3 raised 2016-03-07, resolved 2019-06-03
#   L4 raised 2019-05-06, resolved 2019-05-20
#   L5 raised 2019-06-10, resolved 2024-01-08
#   L6 raised 2025-12-01, never closed
#   L7 raised 2025-12-15, resolved 2025-12-22
#   L8 raised 2016-02-01, resolved 2016-03-01
#   L9 raised 2016-03-21, resolved 2016-04-15
#   LA raised 2019-06-24, resolved 2019-07-08
#   LB raised 2018-01-08, resolved 2020-01-06
# 2016-Q1 (end 31 Mar 2016, the first third): raised by then L1 L2 L3 L8
#   L9, closed by then L1 L8: open 3 (L2 L3 L9).
# 2019-Q2 (end 30 Jun 2019: 1,273 days in, 2,360 to go, past the first
#   third): raised by then all but L6 L7 (9), closed by then L1 L3 L4 L8
#   L9: open 4 (L2 L5 LA LB).  Its previous quarter (end 31 Mar 2019, in
#   the first third: 1,182 days in, 2,451 to go): raised by then L1 L2 L3
#   L8 L9 LB, closed L1 L8 L9: open 3 (L2 L3 LB).  A year before (end
#   30 Jun 2018): the same 3.
# 2025-Q4 (end 31 Dec 2025): never closed L2 L6, closed after it none:
#   open 2.
{
	echo "ref,partnership,raised_by,raised_with,raised_on,theme,stage1_on,status,closed_on"
	for r in L1:2016-01-04:resolved:2016-02-01 L2:2016-01-11:open: L3:2016-03-07:resolved:2019-06-03 \
		L4:2019-05-06:resolved:2019-05-20 L5:2019-06-10:resolved:2024-01-08 L6:2025-12-01:open: \
		L7:2025-12-15:resolved:2025-12-22 L8:2016-02-01:resolved:2016-03-01 \
		L9:2016-03-21:resolved:2016-04-15 LA:2019-06-24:resolved:2019-07-08 \
		LB:2018-01-08:resolved:2020-01-06; do
		IFS=: read -r ref raised status closed <<EOF
$r
EOF
		echo "LNG-$ref,devon,devon-cs,dc-police,$raised,threshold,$raised,$status,$closed"
	done
} >"$T/long.csv"
LW=$T/long.db
check_ok "long: init" "$OV" -w "$LW" init
check_ok "long: load" "$OV" -w "$LW" load --quiet "$T/long.csv"
"$OV" -w "$LW" metrics --partnership devon --quarter 2016-Q1 --json >"$T/l1.json"
check_eq 3 "$(jv "$T/l1.json" .open_at_end)" "long: open at 31 Mar 2016, early in the history: 3"
"$OV" -w "$LW" metrics --partnership devon --quarter 2019-Q2 --json >"$T/l2.json"
check_eq '[4,3,3]' "$(jv "$T/l2.json" '[.open_at_end, .previous.open_at_end, .year_before.open_at_end]')" \
	"long: open at 30 Jun 2019 (past the first third) 4; 31 Mar 2019 and 30 Jun 2018 3"
"$OV" -w "$LW" metrics --partnership devon --quarter 2025-Q4 --json >"$T/l3.json"
check_eq 2 "$(jv "$T/l3.json" .open_at_end)" "long: open at 31 Dec 2025, the history's end: 2"

finish
