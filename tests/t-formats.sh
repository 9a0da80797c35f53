#!/bin/sh
# t-formats.sh - the partnership's formats: --csv tables for Excel, the
# agency pack, and --format html/docx/pdf through pandoc (skipped where
# pandoc is not installed; a missing pandoc is also simulated).
. "$(dirname "$0")/lib.sh"

"$OV" init >/dev/null 2>&1 || { echo "not ok - init"; exit 1; }
H=ref,partnership,raised_by,raised_with,case_ref,raised_on,theme,stage1_on,stage2_on,status,closed_on
cat >"$T/devon.csv" <<EOF2
$H
A1,devon,dc-police,devon-cs,ZZF0001,2025-07-02,threshold,2025-07-02,,resolved,2025-07-04
A2,devon,devon-cs,dc-police,ZZF0002,2025-07-10,plan,2025-07-10,2025-07-15,open,
A3,devon,dc-police,nhs-devon,ZZF0003,2025-08-01,threshold,2025-08-01,,resolved,2025-08-05
A4,devon,nhs-devon,devon-cs,ZZF0004,2025-08-02,plan,2025-08-02,,open,
A5,devon,dc-police,dc-police,ZZF0005,2025-09-01,assessment,2025-09-01,,withdrawn,2025-09-03
EOF2
"$OV" load "$T/devon.csv" >/dev/null 2>&1

# --- the agency pack, figures worked out by hand -------------------------
# dc-police in 2025-Q3: raised A1, A3, A5 = 3; received A2, A5 (within the
# agency counts under both) = 2; open at the end and party to it: A2 = 1;
# resolved in the period and party to it: A1, A3 = 2 (A5 was withdrawn).
# Nothing before July 2025: each is up from 0 in 2025-Q2 and in 2024-Q3
# (the front page of the pack).
check_ok "report agency" "$OV" report agency --partnership devon --agency dc-police --quarter 2025-Q3 \
	--no-charts -o "$T/out" --csv "$T/csv"
R="$T/out/agency-devon-dc-police-2025-Q3.md"
check_ok "agency pack written under its own name" test -f "$R"
check_grep '^| Raised by the agency | 3 | up from 0 | up from 0 |$' "$R" "agency pack: raised 3"
check_grep '^| Raised with the agency (received) | 2 | up from 0 | up from 0 |$' "$R" "agency pack: received 2"
check_grep '^| Open at the end of the period (either party) | 1 | up from 0 | up from 0 |$' "$R" "agency pack: open at end 1"
check_grep '^| Resolved in the period (either party) | 2 | up from 0 | up from 0 |$' "$R" "agency pack: resolved 2"
# With whom: devon-cs 1 raised (A1) / 1 received (A2); nhs-devon 1 / 0 (A3);
# itself 1 raised (A5), received-from excludes itself: total 3 / 1.
check_grep "^| Devon Children's Services | 1 | 1 |$" "$R" "with whom: Devon Children's Services"
check_grep '^| NHS Devon | 1 | 0 |$' "$R" "with whom: NHS Devon"
check_grep '^| Devon & Cornwall Police | 1 | 0 |$' "$R" "with whom: within the agency"
check_grep '^| \*\*Total\*\* | \*\*3\*\* | \*\*1\*\* |$' "$R" "with whom: totals 3 and 1"
# Themes: threshold 2/0, assessment 1/1 (A5 both ways), plan 0/1.
check_grep '^| Thresholds | 2 | 0 |$' "$R" "themes: threshold"
check_grep '^| Assessment outcome | 1 | 1 |$' "$R" "themes: assessment"
check_grep '^| Plan for the child | 0 | 1 |$' "$R" "themes: plan"
check_grep 'No timescale set' "$R" "Devon without targets: no timescale set, not 0%"
check_grep 'No activity figures' "$R" "no activity: no denominator"
check_no_grep 'ZZF000' "$R" "no case reference in the agency pack"
check_exit 2 "unknown agency refused" "$OV" report agency --partnership devon --agency dc-polise --quarter 2025-Q3 -o "$T/out"
check_grep "did you mean 'dc-police'" "$T/.err" "unknown agency: the message suggests the fix"
check_exit 2 "report agency without --agency" "$OV" report agency --partnership devon --quarter 2025-Q3 -o "$T/out"

# --- --csv: every table, UTF-8 with a byte-order mark --------------------
C="$T/csv/agency-devon-dc-police-2025-Q3-front_page.csv"
check_ok "the front page's table as CSV" test -f "$C"
check_eq "efbbbf" "$(head -c 3 "$C" | od -An -tx1 | tr -d ' \n')" "CSV starts with a UTF-8 BOM"
check_grep '^"\{0,1\}Raised by the agency"\{0,1\},3,up from 0,up from 0' "$C" "CSV holds the figure"
# Time in each stage, stages completed in Q3 of escalations dc-police is
# party to, by pair: dc-police -> dc-police A5 1 Sep -> 3 Sep 2; -> devon-cs
# A1 2 Jul -> 4 Jul 2; -> nhs-devon A3 Fri 1 Aug -> Tue 5 Aug 2; devon-cs ->
# dc-police A2 stage 1 10 Jul -> 15 Jul (Fri 11, Mon 14, Tue 15) 3.
check_grep "^| Devon Children's Services | Devon & Cornwall Police | 1 | 3.0 |$" "$R" \
	"time in stage: per pair of agencies, by name"
check_grep "^| Devon & Cornwall Police | NHS Devon | 1 | 2.0 |$" "$R" "time in stage: the other direction"
check_eq 4 "$(ls "$T/csv" | wc -l | tr -d ' ')" "one CSV per table of the pack: front page, with whom, themes, time in stage"
check_exit 2 "--csv with .. refused" "$OV" report board --partnership devon --quarter 2025-Q3 --csv ../x -o "$T/out"

# --- --format ------------------------------------------------------------
check_exit 2 "unknown format refused before writing" "$OV" report board --partnership devon --quarter 2025-Q3 --format odt -o "$T/f0"
check_ok "nothing written for a refused format" test ! -e "$T/f0/board-devon-2025-Q3.md"
OVERSIGHT_PANDOC=/nonexistent/pandoc "$OV" report board --partnership devon --quarter 2025-Q3 --no-charts --format html -o "$T/f1" >"$T/o" 2>"$T/e"
check_eq 3 $? "pandoc missing: exit 3"
check_grep "pandoc is not installed (Debian package pandoc" "$T/e" "pandoc missing: the message names the package"
check_ok "pandoc missing: the markdown is still written" test -f "$T/f1/board-devon-2025-Q3.md"
if command -v pandoc >/dev/null 2>&1; then
	check_ok "--format html,docx" "$OV" report board --partnership devon --quarter 2025-Q3 --format html,docx -o "$T/f2"
	HT="$T/f2/board-devon-2025-Q3.html"
	check_grep '<table' "$HT" "html: tables"
	check_grep 'src="data:image/png;base64' "$HT" "html: charts embedded in the one file"
	check_no_grep 'src="charts/' "$HT" "html: no image left outside the file"
	# Every src= of the page is a data: URI (nothing to fetch once emailed),
	# and no link points at a chart file beside it.
	check_eq 0 "$(grep -o 'src="[^"]*' "$HT" | grep -vc '^src="data:')" "html: every src= is a data: URI"
	check_no_grep 'href="charts/' "$HT" "html: no link to a chart file"
	check_no_grep '<figcaption' "$HT" "html: the chart's title (in the picture) not repeated as a caption"
	check_grep 'break-inside: avoid' "$HT" "html: print CSS keeps tables and charts whole"
	check_grep '^Chart as \[SVG\](charts/' "$T/f2/board-devon-2025-Q3.md" "md: still links the chart files beside it"
	check_grep '<title>Professional disagreements and escalations' "$HT" "html: the title block is the document's title"
	DX="$T/f2/board-devon-2025-Q3.docx"
	check_eq "504b" "$(head -c 2 "$DX" | od -An -tx1 | tr -d ' \n')" "docx: a zip file"
	if command -v unzip >/dev/null 2>&1; then
		unzip -l "$DX" >"$T/zl" 2>&1
		check_grep 'word/media/' "$T/zl" "docx: charts embedded"
	fi
	OVERSIGHT_WEASYPRINT=/nonexistent/weasyprint "$OV" report board --partnership devon --quarter 2025-Q3 \
		--no-charts --format pdf -o "$T/f4" >"$T/o" 2>"$T/e"
	check_eq 3 $? "weasyprint missing: --format pdf exits 3"
	check_grep "apt-get install -y --no-install-recommends weasyprint" "$T/e" "weasyprint missing: the exact install command"
	check_ok "weasyprint missing: the markdown is still written" test -f "$T/f4/board-devon-2025-Q3.md"
	if command -v weasyprint >/dev/null 2>&1; then
		check_ok "--format pdf" "$OV" report board --partnership devon --quarter 2025-Q3 --format pdf -o "$T/f3"
		check_eq "%PDF" "$(head -c 4 "$T/f3/board-devon-2025-Q3.pdf")" "pdf: a PDF file"
	fi
	check_no_grep 'ZZF000' "$HT" "no case reference in the html"
else
	echo "ok - # SKIP pandoc not installed (sh tools/deps.sh --pandoc)"
fi
finish
