#!/bin/sh
# t-dialects.sh - the forms an agency's file comes in before it is CSV
# text (etl/text.h, etl/csvin.h): a UTF-8 byte order mark before a quoted
# header, Excel's "sep=" first line, UTF-16 with a byte order mark, and a
# UTF-8 file read through a Windows-1252 profile.
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

finish
