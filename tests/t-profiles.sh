#!/bin/sh
# t-profiles.sh - agency export profiles (etl/profile.h, docs/profiles.md):
# the fixtures in the agencies' own shapes load to exactly the figures of
# the canonical fixtures, and every profile feature on small files written
# here by hand.  Expected dates, messages and stored values were worked
# out from DESIGN.md and docs/profiles.md (column numbers are counted in
# each file's header), never copied from the program's output.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2026-09-30
FX=$ROOT/fixtures
PARTS="devon gloucestershire perth-kinross north-east-lincolnshire dumfries-galloway"
q() { sqlite3 "$OVERSIGHT_WAREHOUSE" "$1"; }

# --- 1. the fixtures: agencies' own shapes = canonical --------------------
# For each partnership: one warehouse from the canonical files, one from
# the agencies' own exports (through their profiles, found by name in
# $OVERSIGHT_PROFILES) for the agencies that have one and the canonical
# file for the rest.  Same escalations, so the same metrics, and the same
# rows quarantined (each planted bad row fails in the agency's spelling).
for p in $PARTS; do
	c=$T/canon-$p.db s=$T/shaped-$p.db nshaped=0 cp1252=0 reused=0
	OVERSIGHT_WAREHOUSE=$c "$OV" init >/dev/null 2>&1
	OVERSIGHT_WAREHOUSE=$s "$OV" init >/dev/null 2>&1
	for f in "$FX/$p"/*.csv; do
		a=$(basename "$f" .csv)
		[ "$a" = activity ] && continue
		OVERSIGHT_WAREHOUSE=$c "$OV" load --quiet --json "$f" >>"$T/canon-$p.load"
		own=$(ls "$FX/$p/agency-shapes/$a".* 2>/dev/null)
		if [ -n "$own" ]; then
			nshaped=$((nshaped + 1))
			prof=$(basename "$(ls "$FX/$p/profiles/$a"-*.json)" .json)
			OVERSIGHT_PROFILES=$FX/$p/profiles OVERSIGHT_WAREHOUSE=$s \
				"$OV" load --quiet --json --profile "$prof" "$own" >>"$T/shaped-$p.load"
			# Windows-1252: a £ is the one byte 0xA3
			if LC_ALL=C grep -q "$(printf '\243')" "$own"; then cp1252=$((cp1252 + 1)); fi
			# A ref the canonical log repeats (the second row quarantined as a
			# repeat) is, in a long export, rows of one escalation in any
			# order: one record, quarantined because its rows disagree.
			if grep -q '"shape": "long"' "$FX/$p/profiles/$prof.json"; then
				reused=$((reused + $(sed 1d "$f" | cut -d, -f1 | sort | uniq -d | wc -l)))
			fi
		else
			OVERSIGHT_WAREHOUSE=$s "$OV" load --quiet --json "$f" >>"$T/shaped-$p.load"
		fi
	done
	for w in $c $s; do
		OVERSIGHT_WAREHOUSE=$w "$OV" load --quiet --profile activity "$FX/$p/activity.csv" >/dev/null
	done
	[ "$nshaped" -ge 3 ] && ok=yes || ok=no
	check_eq yes "$ok" "$p: at least three agencies in their own shapes ($nshaped)"
	[ "$cp1252" -ge 1 ] && ok=yes || ok=no
	check_eq yes "$ok" "$p: a Windows-1252 export among them"
	for qt in 2026-Q3 2025-Q4; do
		OVERSIGHT_WAREHOUSE=$c "$OV" metrics --partnership $p --quarter $qt --json >"$T/m-c-$p-$qt"
		OVERSIGHT_WAREHOUSE=$s "$OV" metrics --partnership $p --quarter $qt --json >"$T/m-s-$p-$qt"
		check_cmp "$T/m-c-$p-$qt" "$T/m-s-$p-$qt" "$p $qt: own shapes give the canonical metrics"
	done
	# read and rejected totals of the loads: one record per escalation
	sum() { sed -n "s/.*\"$1\": \([0-9]*\).*/\1/p" "$2" | awk '{s += $1} END {print s}'; }
	check_eq "$(($(sum read "$T/canon-$p.load") - reused)) $(sum rejected "$T/canon-$p.load")" \
		"$(sum read "$T/shaped-$p.load") $(sum rejected "$T/shaped-$p.load")" \
		"$p: the same records read and quarantined (less $reused reused refs of long exports)"
	check_eq "$(OVERSIGHT_WAREHOUSE=$c q "SELECT count(*) - $reused, count(DISTINCT ref) - $reused FROM source_row")" \
		"$(OVERSIGHT_WAREHOUSE=$s q 'SELECT count(*), count(DISTINCT ref) FROM source_row')" \
		"$p: the same source rows, the same refs (less $reused reused refs of long exports)"
done
# (gen.c writes the canonical files as before: none differs from the commit)
check_eq 0 "$(cd "$ROOT" && git diff --name-only HEAD -- ':(glob)fixtures/*/*.csv' \
	':(glob)fixtures/*/2026-06/*.csv' 2>/dev/null | wc -l)" "the canonical fixtures are unchanged"

# --- the small files: one warehouse, profiles by name from $T/profiles ------
cd "$T" || exit 1
mkdir -p profiles
export OVERSIGHT_PROFILES=$T/profiles
check_ok "init" "$OV" init
# prof NAME: the profile JSON on stdin becomes profiles/NAME.json
prof() { cat >"profiles/$1.json"; }
loads() { q "SELECT count(*) FROM load"; }
PROF='"format": "oversight-profile/1", "source": {"partnership": "devon", "agency": "dc-police"}'

# --- 2. every date format -------------------------------------------------
prof dates <<EOF
{$PROF, "shape": "wide",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Theme": "theme", "S1": "stage1_on", "S2": "stage2_on", "S3": "stage3_on", "S4": "stage4_on",
   "S5": "stage5_on", "Status": "status", "Closed": "closed_on"},
 "dates": {"raised_on": "%d/%m/%y", "stage1_on": "%d-%b-%y", "stage2_on": "%d %B %Y",
   "stage3_on": "excel", "stage4_on": "%d/%m/%Y %H:%M", "stage5_on": "%Y-%m-%dT%H:%M:%S",
   "closed_on": "%Y-%m-%d %H:%M:%S"}}
EOF
# 2025-06-04 as an Excel serial: 45658 is 2025-01-01, and Jan..May hold
# 31+28+31+30+31 = 151 days, so 45658 + 151 + 3 = 45812.
cat >dates.csv <<'EOF'
Ref,By,With,Raised,Theme,S1,S2,S3,S4,S5,Status,Closed
D-1,dc-police,devon-cs,01/06/25,threshold,02-Jun-25,3 June 2025,45812,05/06/2025 14:30,2025-06-06T09:00:00,resolved,2025-06-07 17:45:00
D-2,dc-police,devon-cs,31/06/25,threshold,02-Jun-25,,,,,open,
D-3,dc-police,devon-cs,01/06/25,threshold,,,60,,,open,
D-4,dc-police,devon-cs,01/06/25,threshold,,,,05/06/2025,,open,
EOF
check_ok "dates: loads" "$OV" load --profile dates dates.csv
check_grep "read 4, loaded 1, .* rejected 3" "$T/.out" "dates: 1 loaded, 3 quarantined"
check_eq "2025-06-01|2025-06-02|2025-06-03|2025-06-04|2025-06-05|2025-06-06|resolved|2025-06-07" \
	"$(q "SELECT raised_on, stage1_on, stage2_on, stage3_on, stage4_on, stage5_on, status, closed_on
		FROM source_row WHERE ref = 'D-1'")" \
	"dates: %d/%m/%y, %d-%b-%y, %d %B %Y, excel, and three date-times, as YYYY-MM-DD"
check_grep '^dates.csv:3:4: Raised (raised_on): "31/06/25" is not a date (%d/%m/%y)$' "$T/.err" \
	"dates: 31 June is no day (strptime would take it)"
check_grep '^dates.csv:4:8: S3 (stage3_on): "60" is not a date (excel)$' "$T/.err" \
	"dates: Excel serial 60, the 1900-02-29 that never was"
check_grep '^dates.csv:5:9: S4 (stage4_on): "05/06/2025" is not a date (%d/%m/%Y %H:%M)$' "$T/.err" \
	"dates: a date-time format wants its time"

prof dates2 <<EOF
{$PROF, "shape": "wide",
 "columns": {"Ref": "ref", "Date Raised": "raised_on", "By": "raised_by", "With": "raised_with",
   "Theme": "theme", "S1": "stage1_on", "Status": "status", "Closed": "closed_on"},
 "dates": {"closed_on": "%d/%m/%Y %H:%M:%S", "*": "%d/%m/%Y", "stage1_on": "%Y-%m-%d"}}
EOF
cat >police.csv <<'EOF'
Ref,Date Raised,By,With,Theme,S1,Status,Closed
P-1,01/04/2025,dc-police,devon-cs,threshold,2025-04-01,resolved,03/04/2025 10:00:00
P-2,31/04/2025,dc-police,devon-cs,threshold,2025-04-01,open,
P-3,01/04/2025,dc-police,devon-cs,threshold,2025-02-29,open,
EOF
check_ok "dates2: loads" "$OV" load --profile dates2 police.csv
check_eq "2025-04-01|2025-04-01|2025-04-03" \
	"$(q "SELECT raised_on, stage1_on, closed_on FROM source_row WHERE ref = 'P-1'")" \
	"dates2: %d/%m/%Y, %Y-%m-%d, %d/%m/%Y %H:%M:%S; the narrower key wins over \"*\""
check_grep '^police.csv:3:2: Date Raised (raised_on): "31/04/2025" is not a date (%d/%m/%Y)$' \
	"$T/.err" "dates2: 31/04/2025 names file, line, source column and value"
check_grep '^police.csv:4:6: S1 (stage1_on): "2025-02-29" is not a date (%Y-%m-%d)$' "$T/.err" \
	"dates2: 2025-02-29 is no day"
check_eq "raised_on|police.csv:3:2" \
	"$(q "SELECT r.field, l.file || ':' || r.line || ':' || r.col FROM reject r JOIN load l
		ON l.id = r.load_id WHERE r.raw LIKE 'P-2,%'")" \
	"dates2: the quarantine holds the field, line and source column"

# --- 3. Windows-1252 (£ é ’), UTF-8 with a BOM, ';' and tab -----------------
prof cp <<EOF
{$PROF, "shape": "wide", "encoding": "windows-1252",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Theme": "theme", "S1": "stage1_on", "Status": "status", "Learning Theme": "learning_theme"}}
EOF
# Windows-1252: é 0xE9, £ 0xA3, ’ 0x92, – 0x96, CR LF line ends
printf 'Ref,By,With,Raised,Theme,S1,Status,Learning Theme\r\nW-1,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,open,Caf\351 \2435 \222ok\222 \226 fine\r\n' >cp.csv
check_ok "windows-1252: loads" "$OV" load --profile cp cp.csv
check_eq "$(printf 'Caf\303\251 \302\2435 \342\200\231ok\342\200\231 \342\200\223 fine')" \
	"$(q "SELECT learning_theme FROM source_row WHERE ref = 'W-1'")" \
	"windows-1252: £ é ’ – stored as UTF-8"
printf 'Ref,By,With,Raised,Theme,S1,Status,Learning Theme\r\nW-2,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,open,ok\r\nW-3,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,open,bad \201 byte\r\n' >cp-bad.csv
n=$(loads)
check_exit 1 "windows-1252: a byte the encoding leaves undefined refuses the file" \
	"$OV" load --profile cp cp-bad.csv
check_grep "^oversight: cp-bad.csv:3: byte 0x81 is not a windows-1252 character" "$T/.err" \
	"windows-1252: ... naming the line"
check_eq "$n" "$(loads)" "windows-1252: ... and loads nothing"
sed 's/"encoding": "windows-1252",//' profiles/cp.json >profiles/cp-utf8.json
check_exit 1 "utf-8 profile on a Windows-1252 file: refused" "$OV" load --profile cp-utf8 cp.csv
check_grep "not UTF-8 text" "$T/.err" "... saying it is not UTF-8"

prof bom <<EOF
{$PROF, "shape": "wide", "encoding": "utf-8",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Theme": "theme", "S1": "stage1_on", "Status": "status"}}
EOF
printf '\357\273\277Ref,By,With,Raised,Theme,S1,Status\nB-1,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,open\n' >bom.csv
check_ok "utf-8 with a byte order mark: the first column is found" "$OV" load --profile bom bom.csv
check_grep "read 1, loaded 1" "$T/.out" "... and the row loads"

prof semi <<EOF
{$PROF, "shape": "wide", "delimiter": ";",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Theme": "theme", "S1": "stage1_on", "Status": "status", "Learning Theme": "learning_theme"}}
EOF
printf 'Ref;By;With;Raised;Theme;S1;Status;Learning Theme\nSC-1;dc-police;devon-cs;2025-05-01;threshold;2025-05-01;open;a, b\nSC-2;dc-police;devon-cs;2025-05-01;threshold;2025-05-01;open;"x; y"\n' >semi.csv
check_ok "';' delimiter: loads" "$OV" load --profile semi semi.csv
check_eq "a, b|x; y" "$(q "SELECT group_concat(learning_theme, '|') FROM
	(SELECT learning_theme FROM source_row WHERE ref LIKE 'SC-%' ORDER BY ref)")" \
	"';' delimiter: a comma is text, a quoted ';' too"
sed 's/"delimiter": ";"/"delimiter": "\\t"/' profiles/semi.json >profiles/tab.json
printf 'Ref\tBy\tWith\tRaised\tTheme\tS1\tStatus\tLearning Theme\nTB-1\tdc-police\tdevon-cs\t2025-05-01\tthreshold\t2025-05-01\topen\tc; d, e\n' >tab.csv
check_ok "tab delimiter: loads" "$OV" load --profile tab tab.csv
check_eq "c; d, e" "$(q "SELECT learning_theme FROM source_row WHERE ref = 'TB-1'")" \
	"tab delimiter: fields split at tabs only"

# --- 4. value maps, defaults, yes/no spellings ------------------------------
prof codes <<EOF
{$PROF, "shape": "wide",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Type": "theme", "Who": "subject", "S1": "stage1_on", "Status": "status"},
 "values": {"raised_by": {"DCP": "dc-police"}, "raised_with": {"CSC": "devon-cs", "DCP": "dc-police"},
   "theme": {"THR": "threshold", "Drift": "drift-delay"}, "subject": {"C": "child", "U": "unborn"},
   "status": {"O": "open"}},
 "defaults": {"subject": "unborn", "serious_concern": "y"}}
EOF
cat >codes.csv <<'EOF'
Ref,By,With,Raised,Type,Who,S1,Status
V-1,dcp,csc,2025-05-01,drift,,2025-05-01,o
V-2,DCP,CSC,2025-05-01,NEG,C,2025-05-01,O
V-3,DCP,DCP,2025-05-01,THR,C,2025-05-01,O
EOF
check_ok "value maps: loads" "$OV" load --profile codes codes.csv
check_eq "dc-police|devon-cs|drift-delay|unborn|1|open" \
	"$(q "SELECT raised_by, raised_with, theme, subject, serious_concern, status FROM source_row WHERE ref = 'V-1'")" \
	"value maps match any case; defaults fill a blank and an unmapped field"
check_eq "dc-police|child" "$(q "SELECT raised_with, subject FROM source_row WHERE ref = 'V-3'")" \
	"value maps: raised_with has its own map"
check_grep "^codes.csv:3:5: Type (theme): 'NEG' is not a code of the profile's values.theme$" "$T/.err" \
	"value maps: an unmapped code is quarantined with file:line:col and source column"

prof yn <<EOF
{$PROF, "shape": "wide",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Theme": "theme", "S1": "stage1_on", "Serious": "serious_concern", "Stuck": "stuck",
   "Learning": "learning", "Status": "status"}}
EOF
cat >yn.csv <<'EOF'
Ref,By,With,Raised,Theme,S1,Serious,Stuck,Learning,Status
Y-1,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,TRUE,0,yes,open
Y-2,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,n,Y,False,open
Y-3,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,1,No,,open
Y-4,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,Maybe,N,N,open
EOF
check_ok "yes/no: loads" "$OV" load --profile yn yn.csv
check_eq "1|0|1 0|1|0 1|0|0" "$(q "SELECT serious_concern || '|' || stuck || '|' || learning FROM source_row
	WHERE ref IN ('Y-1', 'Y-2', 'Y-3') ORDER BY ref" | tr '\n' ' ' | sed 's/ $//')" \
	"yes/no: Yes/No/Y/N/TRUE/FALSE/1/0 in any case; blank is no"
check_grep "^yn.csv:5:7: Serious (serious_concern): 'Maybe' is not a yes/no spelling" "$T/.err" \
	"yes/no: another spelling is quarantined"
sed 's/"shape": "wide",/"shape": "wide", "yes_no": {"yes": ["Ja"], "no": ["Nein"], "case_sensitive": true},/' \
	profiles/yn.json >profiles/yn-de.json
cat >yn-de.csv <<'EOF'
Ref,By,With,Raised,Theme,S1,Serious,Stuck,Learning,Status
YD-1,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,Ja,Nein,Ja,open
YD-2,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,ja,Nein,Nein,open
EOF
check_ok "yes/no: the profile's own spellings" "$OV" load --profile yn-de yn-de.csv
check_eq "1|0|1" "$(q "SELECT serious_concern || '|' || stuck || '|' || learning FROM source_row WHERE ref = 'YD-1'")" \
	"yes/no: Ja / Nein"
check_grep "^yn-de.csv:3:7: Serious (serious_concern): 'ja' is not a yes/no spelling" "$T/.err" \
	"yes/no: case_sensitive refuses 'ja'"

# --- 5. dropped and unmapped columns ---------------------------------------
prof drop <<EOF
{$PROF, "shape": "wide",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Case": "case_ref",
   "Raised": "raised_on", "Theme": "theme", "S1": "stage1_on", "Status": "status"},
 "drop": ["Notes", "Officer"]}
EOF
cat >drop.csv <<'EOF'
Ref,By,With,Case,Raised,Theme,S1,Status,Notes,Officer
G-1,dc-police,devon-cs,CSQ123456,2025-05-01,threshold,2025-05-01,open,"Zebra narrative, mum's café",PC Quillfeather
G-2,dc-police,devon-cs,CSQ654321,2025-13-01,threshold,2025-05-01,open,Zebra again,DS Quillfeather
EOF
check_ok "drop: loads" "$OV" load --profile drop drop.csv
check_grep "read 2, loaded 1, .* rejected 1" "$T/.out" "drop: one loaded, one quarantined"
check_eq "G-2,dc-police,devon-cs,[case ref masked],2025-13-01,threshold,2025-05-01,open" \
	"$(q "SELECT raw FROM reject WHERE raw LIKE 'G-2,%'")" \
	"drop: the quarantined raw row leaves the dropped columns out and masks the case ref"
check_eq 0 "$(cat "$OVERSIGHT_WAREHOUSE"* | LC_ALL=C grep -a -c -e Quillfeather -e Zebra -e CSQ)" \
	"drop: no narrative, name or case reference anywhere in the warehouse files"

prof strict <<EOF
{$PROF, "shape": "wide",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Theme": "theme", "S1": "stage1_on", "Status": "status"}}
EOF
sed 's/"shape": "wide",/"shape": "wide", "ignore_unmapped": true,/' profiles/strict.json >profiles/loose.json
cat >unmapped.csv <<'EOF'
Ref,By,With,Raised,Theme,S1,Status,Notes
U-1,dc-police,devon-cs,2025-05-01,threshold,2025-05-01,open,Yak secret
EOF
n=$(loads)
check_exit 1 "unmapped column: the file is refused" "$OV" load --profile strict unmapped.csv
check_grep "^oversight: unmapped.csv:1:8: column 'Notes' is not in profile strict (map it in \"columns\", list it in \"drop\", or set \"ignore_unmapped\": true)$" \
	"$T/.err" "unmapped column: named with its line and column"
check_eq "$n" "$(loads)" "unmapped column: nothing loaded"
check_ok "ignore_unmapped: the file loads" "$OV" load --profile loose unmapped.csv
check_grep "read 1, loaded 1" "$T/.out" "ignore_unmapped: the row loads"
sed 's/U-1/U-2/' unmapped.csv >unmapped2.csv
check_ok "--ignore-unknown does as ignore_unmapped" "$OV" load --profile strict --ignore-unknown unmapped2.csv
check_eq 0 "$(cat "$OVERSIGHT_WAREHOUSE"* | LC_ALL=C grep -a -c 'Yak secret')" \
	"ignored columns are never stored"
cut -d, -f1-4,6-7 unmapped.csv >missing.csv
check_exit 1 "a mapped column missing from the file: refused" "$OV" load --profile strict missing.csv
check_grep "^oversight: missing.csv:1: column 'Theme' of profile strict (theme) is not in the file$" \
	"$T/.err" "... naming the column"

# --- 6. profile errors --------------------------------------------------------
prof two <<EOF
{$PROF, "shape": "wide",
 "columns": {"Ref": "ref", "Date 1": "raised_on", "Date 2": "raised_on", "By": "raised_by"}}
EOF
n=$(loads)
check_exit 1 "two source columns to one field: the profile is refused" "$OV" load --profile two police.csv
check_grep "^oversight: $T/profiles/two.json: columns.\"Date 2\": 'Date 1' and 'Date 2' both map to raised_on; one source column per field$" \
	"$T/.err" "... naming the profile file and the field"
check_eq "$n" "$(loads)" "... before the warehouse is touched"
check_exit 1 "profile check refuses it too" "$OV" profile check two
prof typo <<EOF
{$PROF, "shape": "wide", "colums": {"Ref": "ref"}}
EOF
check_exit 1 "a misspelt key" "$OV" profile check profiles/typo.json
check_grep "^oversight: profiles/typo.json: 'colums' is not a profile field; did you mean 'columns'?$" \
	"$T/.err" "... is named, with the likely key"
prof badfield <<EOF
{$PROF, "shape": "wide", "columns": {"Ref": "ref", "Raised": "raised_onn"}}
EOF
check_exit 1 "a canonical field misspelt" "$OV" profile check badfield
check_grep "columns.\"Raised\": 'raised_onn' is not a canonical field; did you mean 'raised_on'?" \
	"$T/.err" "... is named, with the likely field"
sed 's/"DCP": "dc-police"}/"DCP": "dc-polce"}/' profiles/codes.json >profiles/codes-typo.json
n=$(loads)
check_exit 1 "an agency id the warehouse does not know, in a value map: refused" \
	"$OV" load --profile codes-typo codes.csv
check_grep "^oversight: $T/profiles/codes-typo.json: values.raised_by.\"DCP\": 'dc-polce' is not an agency of devon; did you mean 'dc-police'?$" \
	"$T/.err" "... naming the profile, the code and the likely id"
check_eq "$n" "$(loads)" "... before anything is loaded"
rm profiles/codes-typo.json
check_exit 2 "unknown profile name: exit 2" "$OV" load --profile nope police.csv
check_grep "^oversight: --profile: unknown profile 'nope' (known: canonical, activity, badfield, bom, codes, cp, cp-utf8, dates, dates2, drop, loose, semi, strict, tab, two, typo, yn, yn-de)$" \
	"$T/.err" "... with a clear message naming the profiles there are"
check_grep "^oversight: --profile: a profile is <name>.json in $T/profiles, $ROOT/profiles (\$OVERSIGHT_PROFILES first), or a path to one$" \
	"$T/.err" "... and where it looked"
check_exit 2 "profile check of an unknown name: exit 2" "$OV" profile check nope
check_exit 3 "a profile path that does not exist: exit 3" "$OV" load --profile ./nope.json police.csv
mkdir -p data/profiles
sed 's/"dc-police"}/"iru"}/' profiles/strict.json >data/profiles/shipped.json
cp data/profiles/shipped.json profiles/both.json
sed 's/"dc-police"}/"education"}/' profiles/strict.json >data/profiles/both.json
check_ok "a name found in <data dir>/profiles" env OVERSIGHT_DATA="$T/data" "$OV" profile check shipped
check_grep "the log of iru" "$T/.out" "... is read from there"
check_ok "\$OVERSIGHT_PROFILES comes first" env OVERSIGHT_DATA="$T/data" "$OV" profile check both
check_grep "the log of iru" "$T/.out" "... over <data dir>/profiles"

# --- 7. long shape: grouping, closure, order ---------------------------------
prof long <<EOF
{$PROF, "shape": "long",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on", "Theme": "theme"},
 "stages": {"stage": "Stage", "date": "Date"},
 "drop": ["Note"],
 "dates": {"*": "%d/%m/%Y"},
 "values": {"stage": {"Initial": 1, "Manager": 2, "Senior": "3"},
   "status": {"Agreed": "resolved", "Dropped": "withdrawn"}}}
EOF
# lines: 2-4 L-1, 5 L-2, 6-7 L-3, 8 L-2 again, 9-11 L-4, 12 L-5
cat >long.csv <<'EOF'
Ref,By,With,Raised,Theme,Stage,Date,Note
L-1,dc-police,devon-cs,01/05/2025,threshold,Initial,01/05/2025,Zebra long
L-1,dc-police,devon-cs,01/05/2025,threshold,Manager,06/05/2025,
L-1,,,,,Agreed,09/05/2025,
L-2,dc-police,devon-cs,02/05/2025,threshold,Manager,02/05/2025,
L-3,dc-police,devon-cs,03/05/2025,threshold,Initial,03/05/2025,
L-3,dc-police,iru,03/05/2025,threshold,Manager,04/05/2025,
L-2,dc-police,devon-cs,02/05/2025,threshold,Senior,07/05/2025,
L-4,dc-police,devon-cs,04/05/2025,threshold,Initial,05/05/2025,
L-4,dc-police,devon-cs,04/05/2025,threshold,initial,04/05/2025,
L-4,dc-police,devon-cs,04/05/2025,threshold,Dropped,08/05/2025,
L-5,dc-police,devon-cs,05/05/2025,threshold,Review,05/05/2025,
EOF
check_ok "long: loads" "$OV" load --json --profile long long.csv
check_eq '{"file": "long.csv", "read": 5, "loaded": 3, "updated": 0, "unchanged": 0, "merged": 0, "rejected": 2}' \
	"$(cat "$T/.out")" "long: one record per ref, its rows in any order"
check_eq "2|2025-05-01|2025-05-06||resolved|2025-05-09" \
	"$(q "SELECT line, stage1_on, stage2_on, stage3_on, status, closed_on FROM source_row WHERE ref = 'L-1'")" \
	"long: stage events, a closure event as status and closed_on; the group's first line"
check_eq "5||2025-05-02|2025-05-07|open|" \
	"$(q "SELECT line, stage1_on, stage2_on, stage3_on, status, closed_on FROM source_row WHERE ref = 'L-2'")" \
	"long: no closure event is open; L-2's rows apart (lines 5 and 8) are one escalation"
check_eq "9|2025-05-04|withdrawn|2025-05-08" \
	"$(q "SELECT line, stage1_on, status, closed_on FROM source_row WHERE ref = 'L-4'")" \
	"long: a stage entered twice keeps its earlier date"
check_grep "^long.csv:6:3: With (raised_with): 'iru' differs from 'devon-cs' at line 6: the rows of one escalation must agree (line 7)$" \
	"$T/.err" "long: rows of one escalation that disagree are quarantined"
check_no_grep "repeats" "$T/.err" \
	"long: rows of a ref that come back later are no repeated ref"
check_grep "^long.csv:12:6: Stage (stage): 'Review' is not a stage of the profile's values.stage nor a closure of values.status$" \
	"$T/.err" "long: an unknown stage code"
check_eq 0 "$(cat "$OVERSIGHT_WAREHOUSE"* | LC_ALL=C grep -a -c 'Zebra long')" "long: the dropped note is not stored"

# --- 8. JSON: records and stages at paths -----------------------------------
prof nested <<EOF
{"format": "oversight-profile/1", "source": {"partnership": "devon", "agency": "nhs-devon"},
 "shape": "json", "records": "data.items",
 "columns": {"id": "ref", "who.from": "raised_by", "who.to": "raised_with", "opened": "raised_on",
   "topic": "theme", "flags.urgent": "serious_concern", "result.status": "status", "result.date": "closed_on"},
 "drop": ["notes", "who.names", "history.by"],
 "stages": {"path": "history", "stage": "step", "date": "at"},
 "dates": {"*": "%Y-%m-%dT%H:%M:%S", "raised_on": "%Y-%m-%d"},
 "values": {"status": {"done": "resolved", "open": "open"}}}
EOF
cat >nested.json <<'EOF'
{"meta": {"exported": "2026-09-30"},
 "data": {"items": [
  {"id": "J-1", "who": {"from": "nhs-devon", "to": "devon-cs", "names": "Dr Quillfeather"},
   "opened": "2025-05-01", "topic": "threshold", "flags": {"urgent": true},
   "history": [{"step": 1, "at": "2025-05-01T09:00:00", "by": "Zebra"}, {"step": 2, "at": "2025-05-03T10:00:00"}],
   "result": {"status": "done", "date": "2025-05-06T12:00:00"}, "notes": "Zebra json"},
  {"id": "J-2", "who": {"from": "nhs-devon", "to": "devon-cs"}, "opened": "2025-05-02",
   "topic": "threshold", "flags": {"urgent": false}, "history": [{"step": 1, "at": "2025-02-29T09:00:00"}],
   "result": {"status": "open", "date": null}},
  {"id": "J-3", "who": {"from": "nhs-devon", "to": "devon-cs"}, "opened": "2025-05-02",
   "topic": "threshold", "flags": {"urgent": "maybe"}, "history": [{"step": 1, "at": "2025-05-02T09:00:00"}],
   "result": {"status": "open"}}
 ]}}
EOF
check_ok "json: loads" "$OV" load --profile nested nested.json
check_grep "read 3, loaded 1, .* rejected 2" "$T/.out" "json: one record per element of data.items"
check_eq "nhs-devon|devon-cs|1|2025-05-01|2025-05-03|resolved|2025-05-06" \
	"$(q "SELECT raised_by, raised_with, serious_concern, stage1_on, stage2_on, status, closed_on
		FROM source_row WHERE ref = 'J-1'")" \
	"json: nested paths, nested stage events, true as yes"
check_grep '^nested.json:2: data.items\[1\].history\[0\].at (stage1_on): "2025-02-29T09:00:00" is not a date (%Y-%m-%dT%H:%M:%S)$' \
	"$T/.err" "json: a record is named by its number and the value by its path"
check_grep "^nested.json:3: data.items\[2\].flags.urgent (serious_concern): 'maybe' is not a yes/no spelling" \
	"$T/.err" "json: a value the profile cannot map"
check_eq 0 "$(cat "$OVERSIGHT_WAREHOUSE"* | LC_ALL=C grep -a -c -e Quillfeather -e Zebra)" \
	"json: dropped fields (record and stage event) are not stored"
sed 's/"opened": "2025-05-02",/"opened": "2025-05-02", "who2": 1,/' nested.json | sed 's/J-/K-/g' >nested2.json
check_exit 1 "json: an unmapped field refuses the file" "$OV" load --profile nested nested2.json
check_grep "^oversight: nested2.json:2: field 'who2' of record 2 is not in profile nested" "$T/.err" \
	"json: ... naming the field and the record"
sed 's/"records": "data.items"/"records": "data.rows"/' profiles/nested.json >profiles/nested-bad.json
check_exit 1 "json: records at a path that is no list" "$OV" load --profile nested-bad nested.json
check_grep "^oversight: nested.json: 'data.rows' is not a list of records (profile nested-bad, \"records\")$" \
	"$T/.err" "... is named"

# --- 9. oversight profile check ----------------------------------------------
# The summary of profile "codes" and the records of codes.csv, written out
# from docs/profiles.md ("oversight profile check"): a value is shown with
# its source column, and with the agency's text where the profile changed
# it; the case reference never.
cat >check.csv <<'EOF'
Ref,By,With,Raised,Type,Who,S1,Status
V-1,dcp,csc,2025-05-01,drift,,2025-05-01,o
V-2,DCP,CSC,2025-05-01,NEG,C,2025-05-01,O
EOF
cat >expect <<'EOF'
profile codes: profiles/codes.json
  source     devon, the log of dc-police
  shape      wide (one row per escalation)
  encoding   utf-8, delimiter ','
  columns    8 mapped; other columns refused
  dates      %Y-%m-%d: raised_on stage1_on..stage5_on closed_on
  values     raised_by: 1 code
  values     raised_with: 2 codes
  values     subject: 2 codes
  values     theme: 2 codes
  values     status: 1 code
  default    subject unborn
  default    serious_concern y
  yes/no     yes: Yes, Y, TRUE, 1; no: No, N, FALSE, 0 (any case)
ok: the profile is valid

check.csv: the first 10 records as canonical records (nothing is loaded)

record 1 (line 2)
  ref              V-1                      Ref (col 1)
  partnership      devon                    source.partnership
  raised_by        dc-police                By (col 2): "dcp"
  raised_with      devon-cs                 With (col 3): "csc"
  subject          unborn                   defaults
  raised_on        2025-05-01               Raised (col 4)
  theme            drift-delay              Type (col 5): "drift"
  serious_concern  y                        defaults
  stage1_on        2025-05-01               S1 (col 7)
  status           open                     Status (col 8): "o"

record 2 (line 3): cannot be mapped
  col 5: Type (theme): 'NEG' is not a code of the profile's values.theme

check.csv: 2 records, 1 map, 1 cannot be mapped
EOF
check_exit 1 "profile check with a file: exit 1 when a record cannot be mapped" \
	"$OV" profile check profiles/codes.json check.csv
check_cmp expect "$T/.out" "profile check: the summary and the records as they load"
n=$(loads)
check_eq "$n" "$(loads)" "profile check writes nothing"
# (exit 1: the planted bad row of line 79, "30/02/2025", cannot be mapped)
check_exit 1 "profile check of a fixture profile" "$OV" profile check \
	"$FX/devon/profiles/dc-police-wide.json" "$FX/devon/agency-shapes/dc-police.csv"
check_grep '^  raised_on        2024-01-01               Date Raised (col 2): "01/01/2024"$' "$T/.out" \
	"... shows a police date as it becomes"
check_grep '^  case_ref         \[case ref masked\]        Child/Person ID$' "$T/.out" \
	"... with the case reference masked"
check_no_grep "CS268217" "$T/.out" "... never shown"
check_grep '^  line 79:2: Date Raised (raised_on): "30/02/2025" is not a date (%d/%m/%Y)$' "$T/.out" \
	"... and lists the records it cannot map"

finish
