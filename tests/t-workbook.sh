#!/bin/sh
# t-workbook.sh - report --format xlsx read back (the .xlsx unzipped: sheet
# names in xl/workbook.xml, cells in xl/worksheets/sheetN.xml and
# xl/sharedStrings.xml, number formats in xl/styles.xml) against figures
# worked out by hand; --csv figures as plain numbers; suppression kept.
. "$(dirname "$0")/lib.sh"

command -v unzip >/dev/null 2>&1 || { echo "ok - # SKIP unzip not installed"; finish; exit 0; }
"$OV" init >/dev/null 2>&1 || { echo "not ok - init"; exit 1; }
H=ref,partnership,raised_by,raised_with,case_ref,raised_on,theme,stage1_on,stage2_on,status,closed_on
cat >"$T/devon.csv" <<EOF2
$H
A1,devon,dc-police,devon-cs,ZZW0001,2025-07-02,threshold,2025-07-02,,resolved,2025-07-04
A2,devon,devon-cs,dc-police,ZZW0002,2025-07-10,plan,2025-07-10,2025-07-15,open,
A3,devon,dc-police,nhs-devon,ZZW0003,2025-08-01,threshold,2025-08-01,,resolved,2025-08-05
A4,devon,nhs-devon,devon-cs,ZZW0004,2025-08-02,plan,2025-08-02,,open,
A5,devon,dc-police,dc-police,ZZW0005,2025-09-01,assessment,2025-09-01,,withdrawn,2025-09-03
EOF2
"$OV" load "$T/devon.csv" >/dev/null 2>&1 || { echo "not ok - load"; exit 1; }

# --- helpers: one workbook unzipped into $X --------------------------------
# the file of the sheet named $1 (libxlsxwriter numbers them in order)
sheet() {
	n=$(sed 's/<sheet /\n<sheet /g' "$X/xl/workbook.xml" | grep '^<sheet ' |
		grep -n "name=\"$1\"" | cut -d: -f1)
	echo "$X/xl/worksheets/sheet${n:-0}.xml"
}
# the n-th (from 0) shared string
shared() {
	sed 's/<si>/\n<si>/g' "$X/xl/sharedStrings.xml" | grep '^<si>' | sed -n "$(($1 + 1))p" |
		sed 's/<[^>]*>//g; s/&lt;/</g; s/&amp;/\&/g'
}
# cell $2 of sheet file $1: "n VALUE" (a number), "s TEXT" (a string), "none"
cell() {
	c=$(sed 's/<c /\n<c /g; s/<\/row>/\n/g' "$1" 2>/dev/null | grep "^<c r=\"$2\"")
	v=$(printf '%s' "$c" | sed -n 's/.*<v>\([^<]*\)<\/v>.*/\1/p')
	case "$c" in
	'') echo none ;;
	*' t="s"'*) echo "s $(shared "$v")" ;;
	*'<v>'*) echo "n $v" ;;
	*) echo blank ;;
	esac
}
# the number format of cell $2 of sheet file $1 ("General" when none)
numfmt() {
	s=$(sed 's/<c /\n<c /g' "$1" | grep "^<c r=\"$2\"" | sed -n 's/.* s="\([0-9]*\)".*/\1/p')
	xf=$(tr -d '\n' <"$X/xl/styles.xml" | sed -n 's/.*<cellXfs[^>]*>\(.*\)<\/cellXfs>.*/\1/p' |
		sed 's/<xf /\n<xf /g' | grep '^<xf ' | sed -n "$((${s:-0} + 1))p")
	id=$(printf '%s' "$xf" | sed -n 's/.*numFmtId="\([0-9]*\)".*/\1/p')
	code=$(sed 's/<numFmt /\n<numFmt /g' "$X/xl/styles.xml" | grep "^<numFmt numFmtId=\"$id\"" |
		sed -n 's/.*formatCode="\([^"]*\)".*/\1/p')
	echo "${code:-General}"
}
# 1 when the font of cell $2 of sheet file $1 is bold
bold() {
	s=$(sed 's/<c /\n<c /g' "$1" | grep "^<c r=\"$2\"" | sed -n 's/.* s="\([0-9]*\)".*/\1/p')
	xf=$(tr -d '\n' <"$X/xl/styles.xml" | sed -n 's/.*<cellXfs[^>]*>\(.*\)<\/cellXfs>.*/\1/p' |
		sed 's/<xf /\n<xf /g' | grep '^<xf ' | sed -n "$((${s:-0} + 1))p")
	f=$(printf '%s' "$xf" | sed -n 's/.*fontId="\([0-9]*\)".*/\1/p')
	tr -d '\n' <"$X/xl/styles.xml" | sed -n 's/.*<fonts[^>]*>\(.*\)<\/fonts>.*/\1/p' |
		sed 's/<font>/\n<font>/g' | grep '^<font>' | sed -n "$((${f:-0} + 1))p" | grep -c '<b/>'
}
unpack() {
	X="$T/x-$2"
	rm -rf "$X" && mkdir -p "$X" && (cd "$X" && unzip -q "$1")
}

# --- the workbook of the board paper --------------------------------------
check_ok "--format md,xlsx" "$OV" report board --partnership devon --quarter 2025-Q3 -o "$T/out" \
	--format md,xlsx --csv "$T/csv"
W="$T/out/board-devon-2025-Q3.xlsx"
check_eq "504b" "$(head -c 2 "$W" | od -An -tx1 | tr -d ' \n')" "xlsx: a zip file"
unpack "$W" plain
sed 's/<sheet /\n<sheet /g' "$X/xl/workbook.xml" | grep '^<sheet ' |
	sed 's/.*name="\([^"]*\)".*/\1/' >"$T/names"
check_eq "Contents" "$(head -1 "$T/names")" "the first sheet is the Contents"
check_grep '^Headline$' "$T/names" "a sheet for the headline table"
check_grep '^Themes$' "$T/names" "a sheet for the Themes table"
check_grep '^Raised and received by agency$' "$T/names" "a sheet for the agencies table"
check_eq 0 "$(awk 'length($0) > 31' "$T/names" | wc -l | tr -d ' ')" "sheet names: at most 31 characters"
check_eq 0 "$(grep -c '[]*?/\\:[]' "$T/names")" "sheet names: none of []:*?/\\"
check_eq "$(wc -l <"$T/names" | tr -d ' ')" "$(tr 'A-Z' 'a-z' <"$T/names" | sort -u | wc -l | tr -d ' ')" \
	"sheet names: unique"
check_eq 1 "$(ls "$T/out" | grep -c '\.xlsx$')" "one workbook for the paper"

# Contents: the paper's title, the as-of date as a date, a linked row per sheet.
S=$(sheet Contents)
check_eq "s Professional disagreements and escalations" "$(cell "$S" A1)" "contents: the paper's title"
# 30 September 2025 as an Excel serial date: 2025-01-01 is 45658 (2024-01-01
# is 45292, plus 2024's 366 days); January to August 2025 are 243 days, and
# 30 September is 29 days after 1 September: 45658 + 243 + 29 = 45930.
check_eq "n 45930" "$(cell "$S" B4)" "contents: the as-of date is a date serial"
check_eq "yyyy-mm-dd" "$(numfmt "$S" B4)" "contents: ... shown as a date"
check_eq "s Front page" "$(cell "$S" A7)" "contents: the first table's sheet named (the front page's)"
check_eq "s Headline" "$(cell "$S" A8)" "contents: the second table's sheet named"
check_grep "internal:\\|location=\"'Headline'!A1\"" "$S" "contents: a link to the sheet"

# Headline, the figures against earlier periods below the front page (the
# period's withdrawn: A5 only = 1; the quarter before and the same quarter
# of 2024 had none: changes +1).
S=$(sheet Headline)
check_eq "s Figure" "$(cell "$S" A4)" "headline: header row 4"
check_eq 1 "$(bold "$S" A4)" "headline: the header is bold"
check_grep 'state="frozen"' "$S" "headline: panes frozen"
check_grep 'ySplit="4"' "$S" "headline: frozen below the header"
check_eq "s Withdrawn" "$(cell "$S" A5)" "headline: first row"
check_eq "n 1" "$(cell "$S" B5)" "headline: withdrawn 1, a number"
check_eq "n 1" "$(cell "$S" D5)" "headline: the change +1, a number"
check_eq "+0;-0;+0" "$(numfmt "$S" D5)" "headline: the change shown with its sign"
check_eq "0" "$(numfmt "$S" B5)" "headline: a count as a whole number"
check_grep '<col min="1" max="1" width="[3-9][0-9]' "$S" "headline: the label column is wide enough for its labels"

# Themes: threshold A1 A3 = 2, plan A2 A4 = 2, assessment A5 = 1; total 5;
# share of 5: 40%, 40%, 20%.  Most frequent first, ties by name: plan, threshold.
S=$(sheet Themes)
check_eq "s Themes" "$(cell "$S" A1)" "themes: title in A1"
check_eq "s Escalations raised in the period by the area of disagreement (theme), most frequent first." \
	"$(cell "$S" A2)" "themes: the definition above the table"
check_eq "s Plan for the child" "$(cell "$S" A5)" "themes: plan first, by its name"
check_eq "n 2" "$(cell "$S" B5)" "themes: plan 2"
check_eq "n 0.4" "$(cell "$S" C5)" "themes: plan's share 2/5 = 0.4, a number"
check_eq "0.0%" "$(numfmt "$S" C5)" "themes: the share formatted as a percentage"
check_eq "s Thresholds" "$(cell "$S" A6)" "themes: threshold second, by its name"
check_eq "n 1" "$(cell "$S" B7)" "themes: assessment 1"
check_eq "s Total" "$(cell "$S" A8)" "themes: the total row kept"
check_eq "n 5" "$(cell "$S" B8)" "themes: total 5"
check_eq 1 "$(bold "$S" B8)" "themes: the total row bold"

# --- the charts' data: a sheet each, drawn or not -------------------------
# gnuplot missing: no picture, but the figures each chart would draw are in
# the workbook all the same; --no-charts: no chart, no chart sheet.
OVERSIGHT_GNUPLOT=/nonexistent/gnuplot "$OV" report board --partnership devon --quarter 2025-Q3 \
	-o "$T/nognuplot" --format xlsx >/dev/null 2>&1
unpack "$T/nognuplot/board-devon-2025-Q3.xlsx" nognuplot
check_grep 'name="Chart data - themes"' "$X/xl/workbook.xml" "the themes chart's data: a sheet of the same workbook"
S=$(sheet "Chart data - themes")
# the chart draws the table's rows: plan 2 first (a tie with threshold, by name)
check_eq "s Plan for the child" "$(cell "$S" A5)" "chart data: first theme, by its name"
check_eq "n 2" "$(cell "$S" B5)" "chart data: its count, a number"
check_eq "none" "$(cell "$S" A8)" "chart data: the three themes and no total row (the chart draws none)"
"$OV" report board --partnership devon --quarter 2025-Q3 -o "$T/nocharts" --format xlsx --no-charts >/dev/null 2>&1
unpack "$T/nocharts/board-devon-2025-Q3.xlsx" nocharts
check_no_grep 'name="Chart data' "$X/xl/workbook.xml" "--no-charts: no chart sheet"

# --- --csv: figures as plain numbers ---------------------------------------
C="$T/csv/board-devon-2025-Q3-headline.csv"
check_grep '^Withdrawn,1,0,1,0,1' "$C" "csv: the change is a plain number (1, not '+1)"
check_no_grep "'+" "$C" "csv: no figure written as text"
check_grep '^plan,2,40' "$T/csv/board-devon-2025-Q3-themes.csv" "csv: a share as a percentage number (40)"
check_no_grep '%' "$T/csv/board-devon-2025-Q3-themes.csv" "csv: no percent signs in the figures"

# --- suppression kept --------------------------------------------------------
# --suppress 5 hides the counts 1 to 4: plan 2, threshold 2, assessment 1
# become "<5"; the total 5 is shown; the share column (from the whole table)
# is blank.  The paper shows the same.
check_ok "--suppress 5 --format xlsx" "$OV" report board --partnership devon --quarter 2025-Q3 \
	-o "$T/sup" --format xlsx --suppress 5 --no-charts
unpack "$T/sup/board-devon-2025-Q3.xlsx" sup
S=$(sheet Themes)
check_eq "s <5" "$(cell "$S" B5)" "suppressed: plan's 2 is the text <5"
check_eq "s <5" "$(cell "$S" B7)" "suppressed: assessment's 1 is the text <5"
check_eq "n 5" "$(cell "$S" B8)" "suppressed: the total 5 shown"
check_eq "none" "$(cell "$S" C5)" "suppressed: the share left blank"
check_grep '^| Plan for the child | \\<5 |' "$T/sup/board-devon-2025-Q3.md" "suppressed: the paper shows <5 too"
check_no_grep 'ZZW000' "$X/xl/sharedStrings.xml" "no case reference in the workbook"

check_exit 2 "an unknown format is still refused" "$OV" report board --partnership devon --quarter 2025-Q3 \
	--format xls -o "$T/bad"
finish
