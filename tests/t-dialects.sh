#!/bin/sh
# t-dialects.sh - the forms an agency's file comes in before it is CSV
# text (etl/text.h, etl/csvin.h): a UTF-8 byte order mark before a quoted
# header, Excel's "sep=" first line, UTF-16 with a byte order mark, and a
# UTF-8 file read through a Windows-1252 profile; then long exports in any
# row order (docs/profiles.md, "Long exports").
#
# Expected messages, lines and values were worked out from docs/profiles.md
# and the files written here (lines counted in each file), never copied
# from the program's output.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-09-30
cd "$T" || exit 1
mkdir -p profiles
export OVERSIGHT_PROFILES=$T/profiles
q() { sqlite3 "$OVERSIGHT_WAREHOUSE" "$1"; }
prof() { cat >"profiles/$1.json"; }
PROF='"format": "oversight-profile/1", "source": {"partnership": "devon", "agency": "dc-police"}'
check_ok "init" "$OV" init

# --- 1. a UTF-8 byte order mark before a quoted header -----------------------
H='"ref","partnership","raised_by","raised_with","raised_on","theme","stage1_on","status"'
printf '\357\273\277%s\r\n"B-1","devon","dc-police","devon-cs","2025-05-01","threshold","2025-05-01","open"\r\n' \
	"$H" >bom.csv
check_ok "canonical: a BOM before a quoted header loads" "$OV" load --json bom.csv
check_grep '"read": 1, "loaded": 1,' "$T/.out" "canonical: ... its one row"
check_no_grep "unknown column" "$T/.err" "canonical: ... the quote is not taken as text"

prof bomq <<EOF
{$PROF, "shape": "wide",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Theme": "theme", "S1": "stage1_on", "Status": "status"}}
EOF
printf '\357\273\277"Ref","By","With","Raised","Theme","S1","Status"\n"B-2","dc-police","devon-cs","2025-05-02","threshold","2025-05-02","open"\n' >bomq.csv
check_ok "profile: a BOM before a quoted header loads" "$OV" load --json --profile bomq bomq.csv
check_grep '"read": 1, "loaded": 1,' "$T/.out" "profile: ... its one row"
check_eq "2|2025-05-02" "$(q "SELECT line, raised_on FROM source_row WHERE ref = 'B-2'")" \
	"profile: ... on the file's line 2"

# --- 2. Excel's sep= first line ----------------------------------------------
printf 'sep=;\r\nref;partnership;raised_by;raised_with;raised_on;theme;stage1_on;status\r\nS-1;devon;dc-police;devon-cs;2025-05-03;threshold;2025-05-03;open\r\nS-2;devon;dc-police;devon-cs;2025-05-03;nosuch;2025-05-03;open\r\n' >sep.csv
check_ok "canonical: sep=; sets the delimiter" "$OV" load --json sep.csv
check_grep '"read": 2, "loaded": 1,.*"rejected": 1}' "$T/.out" "canonical: ... the sep= line is no row"
check_grep "^sep.csv:4:6: theme: unknown theme 'nosuch'" "$T/.err" \
	"canonical: ... line numbers count the sep= line"
check_eq 3 "$(q "SELECT line FROM source_row WHERE ref = 'S-1'")" "canonical: ... the first row is line 3"

prof semi <<EOF
{$PROF, "shape": "wide", "delimiter": ",",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Theme": "theme", "S1": "stage1_on", "Status": "status"}}
EOF
printf 'sep=;\nRef;By;With;Raised;Theme;S1;Status\nS-3;dc-police;devon-cs;2025-05-04;threshold;2025-05-04;open\n' >semi.csv
check_ok "profile: sep=; over the profile's delimiter" "$OV" load --json --profile semi semi.csv
check_eq "3|2025-05-04" "$(q "SELECT line, raised_on FROM source_row WHERE ref = 'S-3'")" \
	"profile: ... the first row is line 3"

# --- 3. UTF-16 with a byte order mark (Excel's "Unicode text") ---------------
prof u16 <<EOF
{$PROF, "shape": "wide", "delimiter": "\t",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Theme": "theme", "S1": "stage1_on", "Status": "status", "Learning Theme": "learning_theme"}}
EOF
printf 'Ref\tBy\tWith\tRaised\tTheme\tS1\tStatus\tLearning Theme\r\nU-1\tdc-police\tdevon-cs\t2025-05-05\tthreshold\t2025-05-05\topen\tCaf\303\251 \342\202\254\r\nU-2\tdc-police\tdevon-cs\t2025-05-05\tnosuch\t2025-05-05\topen\t\r\n' >u8.txt
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE u8.txt; } >u16le.txt
check_ok "UTF-16LE with a BOM loads" "$OV" load --json --profile u16 u16le.txt
check_grep '"read": 2, "loaded": 1,.*"rejected": 1}' "$T/.out" "UTF-16LE: ... both rows read"
check_eq "$(printf 'Caf\303\251 \342\202\254')" "$(q "SELECT learning_theme FROM source_row WHERE ref = 'U-1'")" \
	"UTF-16LE: ... text stored as UTF-8"
check_grep "^u16le.txt:3:5: Theme (theme): unknown theme 'nosuch'" "$T/.err" \
	"UTF-16LE: ... line numbers are the file's"
sed 's/U-/V-/' u8.txt >v8.txt
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE v8.txt; } >u16be.txt
check_ok "UTF-16BE with a BOM loads" "$OV" load --json --profile u16 u16be.txt
check_eq "2" "$(q "SELECT line FROM source_row WHERE ref = 'V-1'")" "UTF-16BE: ... on line 2"
# canonical: comma separated UTF-16 too
printf 'ref,partnership,raised_by,raised_with,raised_on,theme,stage1_on,status\nC-16,devon,dc-police,devon-cs,2025-05-06,threshold,2025-05-06,open\n' |
	iconv -f UTF-8 -t UTF-16 >c16.csv
check_ok "canonical: UTF-16 with a BOM loads" "$OV" load --json c16.csv
check_grep '"read": 1, "loaded": 1,' "$T/.out" "canonical UTF-16: ... its one row"
# a lone surrogate: refused, naming the line
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE u8.txt | head -c 120; printf '\000\334X\000\n\000'; } >bad16.txt
check_exit 1 "UTF-16: a lone surrogate refuses the file" "$OV" load --profile u16 bad16.txt
check_grep "^oversight: bad16.txt:2: not UTF-16LE text" "$T/.err" "UTF-16: ... naming the line"

# --- 4. a UTF-8 file with a BOM through a Windows-1252 profile ---------------
sed 's/"shape": "wide",/"shape": "wide", "encoding": "windows-1252",/' profiles/bomq.json >profiles/cp.json
n=$(q "SELECT count(*) FROM load")
check_exit 1 "windows-1252 profile, UTF-8 BOM file: refused" "$OV" load --profile cp bomq.csv
check_grep "^oversight: bomq.csv:1: the file is UTF-8 with a byte order mark, but profile cp says windows-1252: change the profile's \"encoding\" to \"utf-8\"$" \
	"$T/.err" "... the message says what to change"
check_eq "$n" "$(q "SELECT count(*) FROM load")" "... and nothing is loaded"

# --- 5. long exports in any row order ----------------------------------------
# The fixture's long export (one row per stage event, each escalation's
# rows together), and the same rows in the order of their stage dates,
# as case systems write them: both load to the same figures.
FX=$ROOT/fixtures/devon
long=$FX/agency-shapes/devon-cs.csv
head -1 "$long" >dated.csv
# sort key: the stage date dd/mm/yyyy hh:mm as yyyymmddhhmm, then the line
sed 1d "$long" | awk '{
	k = "000000000000"
	if (match($0, /[0-9][0-9]\/[0-9][0-9]\/[0-9][0-9][0-9][0-9] [0-9][0-9]:[0-9][0-9]/)) {
		d = substr($0, RSTART, RLENGTH)
		k = substr(d, 7, 4) substr(d, 4, 2) substr(d, 1, 2) substr(d, 12, 2) substr(d, 15, 2)
	}
	printf "%s %08d %s\n", k, NR, $0
}' | LC_ALL=C sort | cut -d' ' -f3- >>dated.csv
check_eq "$(wc -l <"$long")" "$(wc -l <dated.csv)" "dated: the same rows"
# runs of one ref: more runs than refs means some escalation's rows are apart
runs=$(sed 1d dated.csv | cut -d, -f1 | uniq | wc -l)
refs=$(sed 1d dated.csv | cut -d, -f1 | LC_ALL=C sort -u | wc -l)
[ "$runs" -gt "$refs" ] && ok=yes || ok=no
check_eq yes "$ok" "dated: escalations' rows are interleaved ($runs runs of $refs refs)"
for f in grouped dated; do
	w=$T/$f.db
	OVERSIGHT_WAREHOUSE=$w "$OV" init >/dev/null 2>&1
	src=$long
	[ $f = dated ] && src=dated.csv
	OVERSIGHT_WAREHOUSE=$w OVERSIGHT_PROFILES=$FX/profiles \
		"$OV" load --quiet --json --profile devon-cs-long "$src" >"$f.load" 2>/dev/null
	for qt in 2026-Q3 2025-Q4; do
		OVERSIGHT_WAREHOUSE=$w "$OV" metrics --partnership devon --quarter $qt --json >"$f-$qt.json"
	done
	sqlite3 "$w" "SELECT ref, raised_by, raised_with, raised_on, stage1_on, stage2_on, stage3_on,
		stage4_on, stage5_on, status, closed_on FROM source_row ORDER BY ref" >"$f.rows"
done
check_eq "$(sed 's/"file": "[^"]*", //' grouped.load)" "$(sed 's/"file": "[^"]*", //' dated.load)" \
	"dated: read, loaded and rejected as grouped"
check_cmp grouped-2026-Q3.json dated-2026-Q3.json "dated: metrics 2026-Q3 as grouped"
check_cmp grouped-2025-Q4.json dated-2025-Q4.json "dated: metrics 2025-Q4 as grouped"
check_cmp grouped.rows dated.rows "dated: the same escalations, stage by stage"
[ "$(wc -l <grouped.rows)" -gt 100 ] && ok=yes || ok=no
check_eq yes "$ok" "... over more than 100 escalations"

# A ragged row inside an escalation: quarantined alone, the escalation
# whole from its other rows.  A ref that comes back later is the same
# escalation, not a repeat.
prof rag <<EOF
{$PROF, "shape": "long",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on", "Theme": "theme"},
 "stages": {"stage": "Stage", "date": "Date"},
 "dates": {"*": "%d/%m/%Y"},
 "values": {"stage": {"Initial": 1, "Manager": 2, "Senior": 3}, "status": {"Agreed": "resolved"}}}
EOF
# lines: 2 R-1, 3 R-2, 4 R-1 ragged, 5 R-1, 6 R-2, 7 R-1 closure
cat >rag.csv <<'EOF'
Ref,By,With,Raised,Theme,Stage,Date
R-1,dc-police,devon-cs,01/05/2025,threshold,Initial,01/05/2025
R-2,dc-police,devon-cs,02/05/2025,threshold,Initial,02/05/2025
R-1,dc-police,devon-cs,01/05/2025,threshold,Manager
R-1,dc-police,devon-cs,01/05/2025,threshold,Senior,08/05/2025
R-2,,,,,Manager,09/05/2025
R-1,,,,,Agreed,12/05/2025
EOF
check_ok "ragged: loads" "$OV" load --json --profile rag rag.csv
check_grep '"read": 3, "loaded": 2, .*"rejected": 1}' "$T/.out" \
	"ragged: two escalations loaded, the ragged row quarantined alone"
check_grep "^rag.csv:4: row has 6 fields, the header has 7$" "$T/.err" "ragged: ... naming its line"
check_eq "2|2025-05-01||2025-05-08|resolved|2025-05-12" \
	"$(q "SELECT line, stage1_on, stage2_on, stage3_on, status, closed_on FROM source_row WHERE ref = 'R-1'")" \
	"ragged: R-1 whole from its other rows, on the line of its first"
check_eq "3|2025-05-02|2025-05-09|open" \
	"$(q "SELECT line, stage1_on, stage2_on, status FROM source_row WHERE ref = 'R-2'")" \
	"ragged: R-2's rows apart are one escalation"
check_no_grep "repeats" "$T/.err" "ragged: no ref is a repeat"

finish
