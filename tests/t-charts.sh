#!/bin/sh
# t-charts.sh - the charts of "oversight report" (DESIGN.md "Reports":
# gnuplot, PNG and SVG, beside the table they draw; data reach gnuplot only
# through data files).
#
#   1. a small Gloucestershire log worked out by hand: every chart of the
#      board report exists (valid PNG and SVG), is linked right after its
#      table, and its CSV holds the numbers worked out below, which are
#      also the numbers of the table beside it;
#   2. --no-charts writes no chart and no chart's image link (the front
#      page's Making Data Count icon, with an empty alternative text
#      beside its words, is no chart);
#   3. gnuplot missing (not on PATH, or $OVERSIGHT_GNUPLOT naming nothing):
#      the report is still written, with a note per chart, ONE warning,
#      exit 0; a gnuplot that fails: a warning and a note, no half-written
#      files;
#   4. a hostile partnership definition (agency and stage names holding
#      quotes, backticks, $(...), system(...), newlines, markup, formulas)
#      cannot run a command through gnuplot, and its charts are valid.
#
# Calendar (England and Wales), checked with "oversight calendar": Mon
# 2026-08-31 is the summer bank holiday; July 2026 starts on a Wednesday,
# September 2026 on a Tuesday.
. "$(dirname "$0")/lib.sh"

if ! command -v gnuplot >/dev/null 2>&1; then
	echo "ok 1 # SKIP gnuplot is not installed (sh tools/deps.sh installs gnuplot-nox)"
	exit 0
fi

export OVERSIGHT_TODAY=2026-10-15
unset OVERSIGHT_GNUPLOT

H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,stage1_on,stage2_on,stage3_on,stage4_on,status,closed_on,learning,learning_theme
CHARTS="stages agencies themes breach open-age funnel spc"

# plain FILE: a CSV without its byte-order mark and CRs, to compare.
plain() { sed '1s/^\xEF\xBB\xBF//' "$1" | tr -d '\r'; }
# is_png FILE / is_svg FILE: the file is the picture it says.
is_png() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; }
is_svg() { head -c 2000 "$1" | grep -q '<svg'; }

# --- 1. the hand-worked log ------------------------------------------------
#
# Gloucestershire (stages 1-4; stage 1 "within 1 working day of raising":
# due on the first working day after raised_on).
#
#  ref  by           with         raised      theme                stages               closed
#  G1   glos-police  glos-cs      Mon 25-10-06 threshold           1 10-06, 2 10-08     resolved 10-20
#  G2   glos-health  glos-cs      Mon 26-01-12 plan                1 01-12              resolved 01-13
#  G3   glos-police  glos-cs      Wed 26-07-01 threshold           1 07-01 2 07-03 3 07-10  open
#  G4   glos-cs      glos-health  Mon 26-07-06 threshold           1 07-06              resolved 07-07
#  G5   education    glos-cs      Mon 26-08-03 information-sharing 1 08-03 2 08-05      resolved 08-14
#  G6   glos-cs      glos-police  Tue 26-09-01 plan                1 09-01 2 09-02 3 09-04 4 09-10  open
#  G7   glos-police  education    Mon 26-09-21 threshold           1 09-21              open
#  G8   glos-cs      glos-cs      Mon 26-09-28 drift-delay         1 09-28              withdrawn 09-29
{
	echo "$H"
	echo "G1,gloucestershire,glos-police,glos-cs,,child,2025-10-06,threshold,case,2025-10-06,2025-10-08,,,resolved,2025-10-20,n,"
	echo "G2,gloucestershire,glos-health,glos-cs,,child,2026-01-12,plan,case,2026-01-12,,,,resolved,2026-01-13,n,"
	echo "G3,gloucestershire,glos-police,glos-cs,,child,2026-07-01,threshold,case,2026-07-01,2026-07-03,2026-07-10,,open,,n,"
	echo "G4,gloucestershire,glos-cs,glos-health,,child,2026-07-06,threshold,case,2026-07-06,,,,resolved,2026-07-07,n,"
	echo "G5,gloucestershire,education,glos-cs,,child,2026-08-03,information-sharing,case,2026-08-03,2026-08-05,,,resolved,2026-08-14,n,"
	echo "G6,gloucestershire,glos-cs,glos-police,,child,2026-09-01,plan,case,2026-09-01,2026-09-02,2026-09-04,2026-09-10,open,,n,"
	echo "G7,gloucestershire,glos-police,education,,child,2026-09-21,threshold,case,2026-09-21,,,,open,,n,"
	echo "G8,gloucestershire,glos-cs,glos-cs,,child,2026-09-28,drift-delay,case,2026-09-28,,,,withdrawn,2026-09-29,n,"
} >"$T/glos.csv"
# Activity in 2026-Q3 (Early Years has none: not in the funnel).
cat >"$T/activity.csv" <<'EOF'
partnership,agency,quarter,measure,value
gloucestershire,glos-cs,2026-Q3,referrals,300
gloucestershire,glos-police,2026-Q3,referrals,200
gloucestershire,glos-health,2026-Q3,referrals,250
gloucestershire,education,2026-Q3,referrals,150
EOF
check_ok "init" "$OV" init
check_ok "load the log" "$OV" load --quiet "$T/glos.csv"
check_ok "load the activity" "$OV" load --quiet --profile activity "$T/activity.csv"

"$OV" report board --partnership gloucestershire --quarter 2026-Q3 -o "$T/out" >"$T/stdout" 2>"$T/stderr"
check_eq "0" "$?" "report board with charts: exit 0"
check_eq "" "$(cat "$T/stderr")" "report board with charts: no warning"
MD=$T/out/board-gloucestershire-2026-Q3.md
C=$T/out/charts/board-gloucestershire-2026-Q3
for c in $CHARTS; do
	if is_png "$C-$c.png"; then _ok "$c: a PNG"; else _notok "$c: a PNG"; fi
	if is_svg "$C-$c.svg"; then _ok "$c: an SVG"; else _notok "$c: an SVG"; fi
	check_ok "$c: its data (.dat and .csv)" test -s "$C-$c.dat" -a -s "$C-$c.csv"
	check_grep "^!\[.*\](charts/board-gloucestershire-2026-Q3-$c\.png)$" "$MD" "$c: image linked (path relative to the report)"
	check_grep "^Chart as \[SVG\](charts/board-gloucestershire-2026-Q3-$c\.svg); its data as \[CSV\](charts/board-gloucestershire-2026-Q3-$c\.csv)\.$" \
		"$MD" "$c: SVG and CSV linked"
done
check_eq "" "$(ls -A "$T/out/charts" | grep '^\.')" "no temporary file left in the chart folder"
check_eq "" "$(ls -A "$T/out" | grep '^\.')" "no temporary file left beside the report"

# section MD HEADING: the lines of the "## HEADING" section.
section() { awk -v h="## $2" '$0 == h {on = 1; next} /^## / {on = 0} on' "$1"; }
# After each table, the next non-blank line is its chart (its image).
# next_after MD HEADING PATTERN: the first non-blank line after the last
# line of the section that matches PATTERN.
next_after() {
	section "$1" "$2" | awk -v p="$3" '{l[NR] = $0} $0 ~ p {last = NR}
		END {for (i = last + 1; i <= NR; i++) if (l[i] ~ /[^ ]/) {print l[i]; exit}}'
}
check_eq "![Escalations entering each stage per quarter](charts/board-gloucestershire-2026-Q3-stages.png)" \
	"$(next_after "$MD" "Escalations entering each stage, last eight quarters" '^\| \*\*Total')" \
	"stages: the image follows its table"
check_eq "![Escalations raised and received by agency](charts/board-gloucestershire-2026-Q3-agencies.png)" \
	"$(next_after "$MD" "Agencies" '^\| \*\*Total')" "agencies: the image follows its table"
check_eq "![Escalations raised by theme](charts/board-gloucestershire-2026-Q3-themes.png)" \
	"$(next_after "$MD" "What the disagreements were about" '^\| \*\*Total')" "themes: the image follows its table"
check_eq "![Stage deadlines due and breach rate per quarter](charts/board-gloucestershire-2026-Q3-breach.png)" \
	"$(next_after "$MD" "Timescales" '^\| \*\*Total')" "breach: the image follows the breach-by-quarter table"
check_eq "![Open escalations at the end of the period, by age](charts/board-gloucestershire-2026-Q3-open-age.png)" \
	"$(next_after "$MD" "Open escalations at the end of the period" '^\| \*\*Total')" "open-age: the image follows its table"
check_eq "![Escalations against activity (funnel plot)](charts/board-gloucestershire-2026-Q3-funnel.png)" \
	"$(next_after "$MD" "Challenge in the system" '^Method:')" "funnel: the image follows its table and method"
check_eq "![Escalations raised per month (XmR chart)](charts/board-gloucestershire-2026-Q3-spc.png)" \
	"$(next_after "$MD" "Challenge in the system" '^\*\*Monthly trend')" "spc: the image follows the trend paragraph"

# Stages entered per quarter, 2024-Q4 ... 2026-Q3: 2025-Q4 G1 (stages 1,
# 2); 2026-Q1 G2 (1); 2026-Q3 stage 1: G3-G8 = 6, stage 2: G3 G5 G6 = 3,
# stage 3: G3 G6 = 2, stage 4: G6 = 1.
cat >"$T/want" <<'EOF'
Stage,2024-Q4,2025-Q1,2025-Q2,2025-Q3,2025-Q4,2026-Q1,2026-Q2,2026-Q3
Stage 1: Preventing Disputes,0,0,0,0,1,1,0,6
Stage 2: Informal Dispute Procedure,0,0,0,0,1,0,0,3
Stage 3: Formal Dispute Procedure,0,0,0,0,0,0,0,2
Stage 4: Where Disagreements Remain,0,0,0,0,0,0,0,1
EOF
plain "$C-stages.csv" >"$T/got"
check_cmp "$T/want" "$T/got" "stages CSV: the counts worked out by hand"
# ... and the same as the table beside it (its rows without the Total
# column and row).
section "$MD" "Escalations entering each stage, last eight quarters" |
	awk -F' *[|] *' '/^\| Stage [0-9]/ {s = $2; for (i = 3; i <= 10; i++) s = s "," $i; print s}' >"$T/table"
plain "$C-stages.csv" | tail -n +2 >"$T/got"
check_cmp "$T/table" "$T/got" "stages CSV rows equal the table's rows"
check_grep '^| Stage 1: Preventing Disputes | 0 | 0 | 0 | 0 | 1 | 1 | 0 | 6 | 8 |$' "$MD" "stages table: stage 1 row"
# The gnuplot data: per quarter the total then the stages (2026-Q3: 12).
check_grep '^"2026-Q3" 12 6 3 2 1$' "$C-stages.dat" "stages .dat: 2026-Q3 total 12 = 6 + 3 + 2 + 1"
check_grep '^"Quarter" "Total" "Stage 1: Preventing Disputes" "Stage 2: Informal Dispute Procedure" "Stage 3: Formal Dispute Procedure" "Stage 4: Where Disagreements Remain"$' \
	"$C-stages.dat" "stages .dat: the stages' names as the legend's titles"

# Raised in 2026-Q3 (G3-G8): raised by glos-cs G4 G6 G8 = 3, police G3 G7
# = 2, education G5 = 1; received by glos-cs G3 G5 G8 = 3, police G6,
# health G4, education G7 = 1 each.  The partnership's agency order.
cat >"$T/want" <<'EOF'
Agency,Raised,Received
Children's Social Care,3,3
Gloucestershire Constabulary,2,1
NHS Gloucestershire,0,1
Education,1,1
Early Years,0,0
EOF
plain "$C-agencies.csv" >"$T/got"
check_cmp "$T/want" "$T/got" "agencies CSV: raised and received worked out by hand"
section "$MD" "Agencies" | awk -F' *[|] *' 'NR > 1 && /^\| [A-Z]/ && !/Agency/ {print $2 "," $3 "," $4}' >"$T/table"
plain "$C-agencies.csv" | tail -n +2 >"$T/got"
check_cmp "$T/table" "$T/got" "agencies CSV rows equal the table's rows"
check_grep '^"Children.s Social Care" 3 3 1$' "$C-agencies.dat" "agencies .dat: colour 1 for the first agency"
check_grep '^"Early Years" 0 0 5$' "$C-agencies.dat" "agencies .dat: colour 5 for the fifth"

# Themes raised in 2026-Q3, most frequent first then by id: threshold (G3
# G4 G7) 3, then drift-delay, information-sharing, plan 1 each.
cat >"$T/want" <<'EOF'
Theme,Raised
threshold,3
drift-delay,1
information-sharing,1
plan,1
EOF
plain "$C-themes.csv" >"$T/got"
check_cmp "$T/want" "$T/got" "themes CSV: sorted, worked out by hand"

# Stage 1 deadlines (first working day after raising) by quarter:
#   2025-Q4  G1 due Tue 10-07, stage 2 on 10-08: breached
#   2026-Q1  G2 due Tue 01-13, closed 01-13 at stage 1: met
#   2026-Q3  G3 due Thu 07-02, stage 2 07-03: breached
#            G4 due Tue 07-07, closed 07-07: met
#            G5 due Tue 08-04, stage 2 08-05: breached
#            G6 due Wed 09-02, stage 2 09-02: met
#            G7 due Tue 09-22, open at 09-30: breached
#            G8 due Tue 09-29, withdrawn 09-29: met
#   so 2026-Q3: due 6, met 3, breached 3, 50%; no rate where none fell due,
#   nor where fewer than 5 were met or breached (2025-Q4 1, 2026-Q1 1:
#   small numbers, left off the line; the table gives "1 of 1", "0 of 1").
cat >"$T/want" <<'EOF'
Quarter,Due,Met,Breached,Pending,Breach rate (%)
2024-Q4,0,0,0,0,
2025-Q1,0,0,0,0,
2025-Q2,0,0,0,0,
2025-Q3,0,0,0,0,
2025-Q4,1,0,1,0,
2026-Q1,1,1,0,0,
2026-Q2,0,0,0,0,
2026-Q3,6,3,3,0,50
EOF
plain "$C-breach.csv" >"$T/got"
check_cmp "$T/want" "$T/got" "breach CSV: deadlines and rates worked out by hand"
check_grep '^| 2026-Q3 | 6 | 3 | 3 | 0 | 50.0% |$' "$MD" "breach-by-quarter table: 2026-Q3"
check_grep '^| 2024-Q4 | 0 | 0 | 0 | 0 | - |$' "$MD" "breach-by-quarter table: no rate, not zero"
check_grep '^| 2025-Q4 | 1 | 0 | 1 | 0 | 1 of 1 |$' "$MD" "breach-by-quarter table: 1 of 1, not 100%"
check_grep '^| 2026-Q1 | 1 | 1 | 0 | 0 | 0 of 1 |$' "$MD" "breach-by-quarter table: 0 of 1, not 0%"
check_grep '^The line leaves out quarters with fewer than 5 stage deadlines met or breached' "$MD" \
	"breach chart: a note says why small quarters have no point"
check_grep '^| \*\*Total\*\* | \*\*8\*\* | \*\*4\*\* | \*\*4\*\* | \*\*0\*\* | \*\*50.0%\*\* |$' "$MD" \
	"breach-by-quarter table: total 8 due, 4 met, 4 breached"
check_grep '^"2024-Q4" 0 0 0 0 NaN 0$' "$C-breach.dat" "breach .dat: NaN where there is no rate (the line breaks)"
# 2025-Q4: 0 met + 1 breached = 1, under 5: no rate, marked "too few" (1);
# 2024-Q4: none met or breached, nothing to measure (0).
check_grep '^"2025-Q4" 1 0 1 0 NaN 1$' "$C-breach.dat" "breach .dat: a quarter of too few deadlines is marked"

# Open at 2026-09-30, age = working days after raising up to 09-30:
#   G7 (Mon 09-21): 22-25, 28-30 = 7 -> 6-10
#   G6 (Tue 09-01): the 22 working days of September less the 1st = 21 -> 21-40
#   G3 (Wed 07-01): July 22 after the 1st + August 20 (31st a bank
#       holiday) + September 22 = 64 -> 61-120
cat >"$T/want" <<'EOF'
Age (working days since raised),Open
up to 5 working days,0
6-10,1
11-20,0
21-40,1
41-60,0
61-120,1
over 120,0
EOF
plain "$C-open-age.csv" >"$T/got"
check_cmp "$T/want" "$T/got" "open-age CSV: ages worked out by hand"

# Funnel: p = (3 + 2 + 0 + 1) / (300 + 200 + 250 + 150) = 6/900; agencies
# sorted by id (education, glos-cs, glos-health, glos-police); rate per
# 1,000 = raised / activity x 1000.
plain "$C-funnel.csv" | cut -d, -f1-4 >"$T/got"
cat >"$T/want" <<'EOF'
Agency,Raised,Activity (referrals),Rate per 1000
Education,1,150,6.666666667
Children's Social Care,3,300,10
NHS Gloucestershire,0,250,0
Gloucestershire Constabulary,2,200,10
EOF
check_cmp "$T/want" "$T/got" "funnel CSV: raised, activity and rate worked out by hand"
# The agency blocks of the .dat are in the partnership's order (colour k
# = block k); Early Years, without activity, has no point and no key entry.
check_grep '^"Children.s Social Care" 300 3 10$' "$C-funnel.dat" "funnel .dat: an agency's point"
check_grep '^"" NaN NaN NaN$' "$C-funnel.dat" "funnel .dat: no point for an agency without activity"
# The centre line is p per 1,000 = 6.666666667 along the whole axis.
check_eq "6.666666667" "$(awk '/^[0-9]/ && NF == 6 {print $2}' "$C-funnel.dat" | sort -u)" \
	"funnel .dat: the partnership's rate line"

# SPC: data begin 2025-10 (G1), so 12 months to 2026-09:
#   1 0 0 1 0 0 0 0 0 2 1 3  (July G3 G4; August G5; September G6 G7 G8)
#   mean 8/12; moving ranges 1 0 1 1 0 0 0 0 2 1 2, AMR 8/11 (none >= 3.267
#   AMR); UCL = 2/3 + 2.66 x 8/11 = 2.601; 2 of 3 line 2/3 + 1.773 x 8/11 = 1.956.
#   2026-09 (3) is above the UCL; 07-09 (2, 1, 3) are all above the mean
#   with 2 and 3 beyond 1.956: two-of-three-high marks 07 and 09.
plain "$C-spc.csv" | awk -F, 'NR > 1 {print $1, $2, $7}' >"$T/got"
cat >"$T/want" <<'EOF'
2025-10 1 
2025-11 0 
2025-12 0 
2026-01 1 
2026-02 0 
2026-03 0 
2026-04 0 
2026-05 0 
2026-06 0 
2026-07 2 two-of-three-high
2026-08 1 
2026-09 3 beyond-limits two-of-three-high
EOF
check_cmp "$T/want" "$T/got" "spc CSV: monthly counts and flagged months worked out by hand"
check_eq "0.6666666667" "$(plain "$C-spc.csv" | awk -F, 'NR > 1 {print $3}' | sort -u)" "spc CSV: mean 8/12"
check_grep '^"2026-09" 3 0.6666666667 2.601212121 0 3$' "$C-spc.dat" \
	"spc .dat: mean, UCL 2/3 + 2.66 x 8/11, LCL 0, the flagged point"

# --- 2. --no-charts ----------------------------------------------------------
"$OV" report board --partnership gloucestershire --quarter 2026-Q3 -o "$T/nocharts" --no-charts >/dev/null 2>"$T/stderr"
check_eq "0" "$?" "--no-charts: exit 0"
check_eq "" "$(cat "$T/stderr")" "--no-charts: no warning"
check_ok "--no-charts: the report is written" test -s "$T/nocharts/board-gloucestershire-2026-Q3.md"
check_eq "" "$(ls -A "$T/nocharts/charts" 2>/dev/null)" "--no-charts: no chart file"
check_no_grep '!\[[^]]' "$T/nocharts/board-gloucestershire-2026-Q3.md" "--no-charts: no image link"
check_no_grep 'Chart not drawn' "$T/nocharts/board-gloucestershire-2026-Q3.md" "--no-charts: no note either"
check_no_grep 'charts/' "$T/nocharts/board-gloucestershire-2026-Q3.md" "--no-charts: no link to a chart file"
# Everything else is the same report.
grep -v -e '^!\[' -e '^Chart as \[SVG\]' -e '^In the funnel plot' -e '^The line leaves out quarters' "$MD" | cat -s >"$T/want"
cat -s "$T/nocharts/board-gloucestershire-2026-Q3.md" >"$T/got"
check_cmp "$T/want" "$T/got" "--no-charts: the same report less its charts"

# --- 2b. disclosure control --------------------------------------------------
# With --suppress 5 the stages table hides its counts of 1 to 4, which the
# chart would show; the monthly counts (at most 3) would all be shown by
# the SPC chart.  Those charts are left out with a note; nothing of them
# is written.
SUPP_NOTE="*Chart not drawn: disclosure control hides some of its counts, which the chart would show.*"
"$OV" report board --partnership gloucestershire --quarter 2026-Q3 -o "$T/supp" --suppress 5 >/dev/null 2>"$T/stderr"
check_eq "0" "$?" "--suppress 5: exit 0"
check_eq "$SUPP_NOTE" "$(next_after "$T/supp/board-gloucestershire-2026-Q3.md" \
	"Escalations entering each stage, last eight quarters" '^\| \*\*Total')" "--suppress 5: a note instead of the stages chart"
check_eq "$SUPP_NOTE" "$(next_after "$T/supp/board-gloucestershire-2026-Q3.md" "Challenge in the system" '^\*\*Monthly trend')" \
	"--suppress 5: a note instead of the SPC chart"
check_eq "" "$(ls "$T/supp/charts" 2>/dev/null | grep -e '-stages\.' -e '-spc\.')" "--suppress 5: no stages or SPC chart file"

# --- 3. gnuplot missing or failing -----------------------------------------
NOTE="*Chart not drawn: gnuplot is not installed (package gnuplot-nox).*"
# missing OUT ENV...: a report with gnuplot missing as ENV arranges.
missing() {
	out=$1
	shift
	env "$@" "$OV" report board --partnership gloucestershire --quarter 2026-Q3 -o "$out" >/dev/null 2>"$T/stderr"
	check_eq "0" "$?" "$*: exit 0"
	check_ok "$*: the report is written" test -s "$out/board-gloucestershire-2026-Q3.md"
	check_eq "1" "$(wc -l <"$T/stderr" | tr -d ' ')" "$*: one warning"
	check_grep "^oversight: warning: charts not drawn: gnuplot is not installed (package gnuplot-nox)" "$T/stderr" \
		"$*: the warning says what to install"
	check_eq "7" "$(grep -c -F -x "$NOTE" "$out/board-gloucestershire-2026-Q3.md")" "$*: a note where each of the 7 charts would be"
	check_no_grep '!\[[^]]' "$out/board-gloucestershire-2026-Q3.md" "$*: no image link"
	check_eq "" "$(ls -A "$out/charts" 2>/dev/null)" "$*: no chart file"
}
missing "$T/nognuplot1" OVERSIGHT_GNUPLOT="$T/no/such/gnuplot"
mkdir "$T/emptybin"
missing "$T/nognuplot2" PATH="$T/emptybin"
# The note sits where the chart would: right after the stages table.
check_eq "$NOTE" "$(next_after "$T/nognuplot2/board-gloucestershire-2026-Q3.md" \
	"Escalations entering each stage, last eight quarters" '^\| \*\*Total')" "missing: the note follows the table"

# A gnuplot that fails, and one that "succeeds" but draws nothing.
printf '#!/bin/sh\necho "line 1: something went wrong" >&2\nexit 1\n' >"$T/failing-gnuplot"
printf '#!/bin/sh\nexit 0\n' >"$T/idle-gnuplot"
chmod +x "$T/failing-gnuplot" "$T/idle-gnuplot"
for g in failing idle; do
	OVERSIGHT_GNUPLOT="$T/$g-gnuplot" "$OV" report board --partnership gloucestershire --quarter 2026-Q3 \
		-o "$T/$g" >/dev/null 2>"$T/stderr"
	check_eq "0" "$?" "$g gnuplot: exit 0"
	check_ok "$g gnuplot: the report is written" test -s "$T/$g/board-gloucestershire-2026-Q3.md"
	check_eq "7" "$(grep -c '^oversight: warning: chart board-gloucestershire-2026-Q3-' "$T/stderr")" \
		"$g gnuplot: a warning per chart"
	check_eq "7" "$(grep -c '^\*Chart not drawn: gnuplot' "$T/$g/board-gloucestershire-2026-Q3.md")" \
		"$g gnuplot: a note per chart"
	check_no_grep '!\[[^]]' "$T/$g/board-gloucestershire-2026-Q3.md" "$g gnuplot: no image link"
	check_eq "" "$(ls -A "$T/$g/charts")" "$g gnuplot: nothing left in the chart folder (no half-written chart)"
done
OVERSIGHT_GNUPLOT="$T/failing-gnuplot" "$OV" report board --partnership gloucestershire --quarter 2026-Q3 \
	-o "$T/failing" >/dev/null 2>"$T/stderr"
check_grep "gnuplot failed (exit 1): line 1: something went wrong" "$T/stderr" "failing gnuplot: its message is in the warning"

# --- 4. hostile names --------------------------------------------------------
# Every name below would run a command if it were pasted into a gnuplot
# script (backticks, system(), a "; !cmd" after a closed quote) or into a
# shell ($(...)), break a data-file string (" \ newline), or act in the
# SVG (<script>) or a spreadsheet (=formula).  Each command would create
# a pwned-* file in the folder it ran in: the report runs in $T, gnuplot
# in $T/hostile-out/charts.
cat >"$T/hostile.json" <<'EOF'
{
  "format": "oversight-partnership/1",
  "id": "hostile",
  "name": "Hostile \"Test\" Partnership `touch pwned-name`",
  "short_name": "HTP",
  "jurisdiction": "england-wales",
  "subjects": ["child", "unborn"],
  "reports_adults_apart": false,
  "protocol": {"title": "Hostile protocol", "source": "https://example.org/hostile", "principle": "Test."},
  "agencies": [
    {"id": "quote", "name": "Q \" a'; system(\"touch pwned-a1\"); print \"x"},
    {"id": "tick", "name": "`touch pwned-a2` system('touch pwned-a4')"},
    {"id": "newline", "name": "L1\nset output 'pwned-a5'\n!touch pwned-a6 \\ b"},
    {"id": "markup", "name": "<script>alert(1)</script> & ^{up}_{x} @m"},
    {"id": "formula", "name": "=HYPERLINK(\"http://example.org\",\"x\") +1 -1 @SUM(1), and a long tail"}
  ],
  "stages": [
    {"stage": 1, "name": "One \" ; system(\"touch pwned-s1\") ; \"", "holder": "x", "tier": 0, "timescale":
     {"kind": "within_of_raising", "days": 1, "source": "protocol", "cite": "test"}, "cite": "1"},
    {"stage": 2, "name": "Two `touch pwned-s2`\n$(touch pwned-s3)", "holder": "x", "tier": 1, "timescale": null, "cite": "2"},
    {"stage": 3, "name": "Three \\\" \\ ' '' \"\" # comment", "holder": "x", "tier": 5, "timescale": null, "cite": "3"}
  ],
  "timescales_note": "test",
  "forums": [],
  "notes": []
}
EOF
check_ok "init --definition hostile.json" "$OV" init --definition "$T/hostile.json"
{
	echo "$H"
	echo "X1,hostile,quote,tick,,child,2026-07-01,threshold,case,2026-07-01,2026-07-03,2026-07-10,,open,,n,"
	echo "X2,hostile,tick,newline,,child,2026-07-06,plan,case,2026-07-06,,,,resolved,2026-07-07,n,"
	echo "X3,hostile,newline,markup,,child,2026-08-03,threshold,case,2026-08-03,2026-08-05,,,resolved,2026-08-14,n,"
	echo "X4,hostile,markup,formula,,child,2026-09-01,plan,case,2026-09-01,2026-09-02,2026-09-04,,open,,n,"
	echo "X5,hostile,formula,quote,,child,2026-09-21,threshold,case,2026-09-21,,,,open,,n,"
	echo "X6,hostile,formula,formula,,child,2026-06-15,other,case,2026-06-15,,,,resolved,2026-06-16,n,"
} >"$T/hostile.csv"
cat >"$T/hostile-activity.csv" <<'EOF'
partnership,agency,quarter,measure,value
hostile,quote,2026-Q3,referrals,100
hostile,tick,2026-Q3,referrals,120
hostile,newline,2026-Q3,referrals,90
hostile,markup,2026-Q3,referrals,80
hostile,formula,2026-Q3,referrals,110
EOF
check_ok "load the hostile log" "$OV" load --quiet "$T/hostile.csv"
check_ok "load the hostile activity" "$OV" load --quiet --profile activity "$T/hostile-activity.csv"
(cd "$T" && "$OV" report board --partnership hostile --quarter 2026-Q3 -o "$T/hostile-out" >/dev/null 2>"$T/stderr")
check_eq "0" "$?" "hostile: report board exits 0"
check_eq "" "$(cat "$T/stderr")" "hostile: no warning (gnuplot read every data file)"
check_eq "" "$(find "$T" -name 'pwned-*')" "hostile: no command ran (no pwned-* file)"
HC=$T/hostile-out/charts/board-hostile-2026-Q3
for c in $CHARTS; do
	if is_png "$HC-$c.png"; then _ok "hostile $c: a PNG"; else _notok "hostile $c: a PNG"; fi
	if is_svg "$HC-$c.svg"; then _ok "hostile $c: an SVG"; else _notok "hostile $c: an SVG"; fi
	if command -v xmllint >/dev/null 2>&1; then
		check_ok "hostile $c: the SVG is well-formed XML" xmllint --noout "$HC-$c.svg"
	fi
	check_no_grep '<script' "$HC-$c.svg" "hostile $c: no <script> element in the SVG"
done
# The names are labels, drawn as text: gnuplot read them from the data.
check_grep "<text>\`touch pwned-a2\` system('touch pwned-a4')</text>" "$HC-agencies.svg" \
	"hostile: the backtick and system() name is drawn as text"
check_grep '<text>&lt;script>alert(1)&lt;/script> &amp; ^{up}_{x} @m</text>' "$HC-agencies.svg" \
	"hostile: the <script> name is escaped text (and no markup: noenhanced)"
# One data line per agency: the newlines became spaces, every quote
# stayed inside its string (6 lines = header + 5 agencies).  X1-X5,
# raised in 2026-Q3, go round the five agencies: each raised one and
# received one.
check_eq "6" "$(wc -l <"$HC-agencies.dat" | tr -d ' ')" "hostile .dat: one line per agency"
check_grep '^"Q ” a.; system(”touch pwned-a1”); print ”x" 1 1 1$' "$HC-agencies.dat" \
	"hostile .dat: a quote cannot end the string"
check_grep "^\"L1 set output 'pwned-a5' !touch pwned-a6 \\\\\\\\ b\" 1 1 3$" "$HC-agencies.dat" \
	"hostile .dat: newlines are spaces, a backslash is doubled"
# A name longer than 45 characters is cut for the picture (44 + "…").
check_grep '^"=HYPERLINK(”http://example.org”,”x”) +1 -1 @…" 1 1 5$' "$HC-agencies.dat" \
	"hostile .dat: a long name is cut to 45 characters"
# The CSV: quoted as RFC 4180 wants, formulas defused, names whole.
plain "$HC-agencies.csv" >"$T/hostile-agencies.csv"
check_eq "6" "$(wc -l <"$T/hostile-agencies.csv" | tr -d ' ')" "hostile CSV: one row per agency"
check_grep "^\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\") +1 -1 @SUM(1), and a long tail\",1,1$" \
	"$T/hostile-agencies.csv" "hostile CSV: a formula is quoted and defused, the name whole"
check_grep '^"Q "" a'"'"'; system(""touch pwned-a1""); print ""x",1,1$' "$T/hostile-agencies.csv" \
	"hostile CSV: quotes doubled inside a quoted field"
# The stage names reach the legend through the data file too.
check_grep '^"Quarter" "Total" "Stage 1: One ” ; system(”touch pwned-s1”) ; ”" "Stage 2: Two `touch pwned-s2` \$(touch pwned-s3)" "Stage 3: Three \\\\” \\\\ '"' '' ””"' # comment"$' \
	"$HC-stages.dat" "hostile .dat: each stage name is one string"
check_grep '<text>Stage 2: Two `touch pwned-s2` \$(touch pwned-s3)</text>' "$HC-stages.svg" \
	"hostile: a stage name is drawn as text in the legend"

finish
