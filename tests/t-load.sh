#!/bin/sh
# t-load.sh - "oversight load", canonical profile: every rejection rule of
# DESIGN.md ("Canonical escalation log"), the counts and the summary line,
# reloading the same bytes, and the failures that refuse a whole file.
#
# Every file is written here by hand; every expected message, count and
# row was worked out from DESIGN.md and the column order of the header
# below, not copied from the program.  Related suites: t-load-cycle.sh
# (quarterly updates, reconciliation), t-load-privacy.sh (pseudonyms, key),
# t-load-ref.sh (activity profile, init, definitions and targets).
. "$(dirname "$0")/lib.sh"

# "Today" for the future-date rule: the end of 2025 Q3.
export OVERSIGHT_TODAY=2025-09-30

# The canonical header, every column; the comment gives column numbers
# for the expected "file:line:col" of each reject.
#  1 ref  2 partnership  3 raised_by  4 raised_with  5 case_ref  6 subject
#  7 raised_on  8 theme  9 category  10 serious_concern  11 stuck
#  12-16 stage1_on..stage5_on  17 status  18 closed_on  19 learning
#  20 learning_theme
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme

# row [field=value]...: one CSV row, a good open devon escalation unless
# fields are overridden (values must not hold commas or quotes).
row() {
	f_ref=R1 f_partnership=devon f_raised_by=dc-police f_raised_with=devon-cs f_case_ref=
	f_subject=child f_raised_on=2025-07-01 f_theme=threshold f_category=case
	f_serious_concern=n f_stuck=n f_stage1_on=2025-07-01 f_stage2_on= f_stage3_on=
	f_stage4_on= f_stage5_on= f_status=open f_closed_on= f_learning=n f_learning_theme=
	for kv in "$@"; do
		eval "f_${kv%%=*}=\${kv#*=}"
	done
	printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' \
		"$f_ref" "$f_partnership" "$f_raised_by" "$f_raised_with" "$f_case_ref" \
		"$f_subject" "$f_raised_on" "$f_theme" "$f_category" "$f_serious_concern" \
		"$f_stuck" "$f_stage1_on" "$f_stage2_on" "$f_stage3_on" "$f_stage4_on" \
		"$f_stage5_on" "$f_status" "$f_closed_on" "$f_learning" "$f_learning_theme"
}

q() { sqlite3 "$OVERSIGHT_WAREHOUSE" "$1"; }
last_load() { q "SELECT max(id) FROM load"; }
# counts FILE R L U N M X: the --json object a load of FILE must print.
counts() {
	printf '{"file": "%s", "read": %s, "loaded": %s, "updated": %s, "unchanged": %s, "merged": %s, "rejected": %s}' \
		"$1" "$2" "$3" "$4" "$5" "$6" "$7"
}
# The row counts that must not move when a file is refused.
state() {
	q "SELECT (SELECT count(*) FROM load), (SELECT count(*) FROM source_row),
		(SELECT count(*) FROM reject), (SELECT count(*) FROM escalation),
		(SELECT count(*) FROM stage_event), (SELECT count(*) FROM activity)"
}

check_ok "init" "$OV" init

# --- 1. every rejection rule, one row each ---------------------------------
# rejected NAME "WANT" [field=value]...: a file holding only that row is
# read 1, rejected 1, exit 0, and "oversight rejects" lists WANT for it
# (WANT is "line:col: field: reason", the file name is put in front).
rejected() {
	name=$1 want=$2
	shift 2
	{ echo "$H"; row "$@"; } >"$T/$name.csv"
	"$OV" load --json --quiet "$T/$name.csv" >"$T/out" 2>"$T/err"
	check_eq "0 $(counts "$T/$name.csv" 1 0 0 0 0 1)" "$? $(cat "$T/out")" "$name: exit 0, read 1, rejected 1"
	"$OV" rejects --load "$(last_load)" 2>/dev/null | head -1 >"$T/got"
	check_eq "$T/$name.csv:$want" "$(cat "$T/got")" "$name: reject line"
}

rejected no-ref "2:1: ref: required value missing" ref=
rejected no-partnership "2:2: partnership: required value missing" partnership=
rejected no-raised-by "2:3: raised_by: required value missing" raised_by=
rejected no-raised-with "2:4: raised_with: required value missing" raised_with=
rejected no-raised-on "2:7: raised_on: required value missing" raised_on=
rejected no-theme "2:8: theme: required value missing" theme=
rejected no-status "2:17: status: required value missing" status=

rejected unknown-partnership-hint \
	"2:2: partnership: unknown partnership 'devonn' (partnerships: devon, dumfries-galloway, gloucestershire, north-east-lincolnshire, perth-kinross; did you mean 'devon'?)" partnership=devonn
rejected unknown-partnership \
	"2:2: partnership: unknown partnership 'wessex' (partnerships: devon, dumfries-galloway, gloucestershire, north-east-lincolnshire, perth-kinross)" partnership=wessex
# devon-sc is two edits from devon-cs: a hint.
rejected unknown-agency-hint \
	"2:4: raised_with: unknown agency 'devon-sc' in devon (agencies: devon-cs, dc-police, nhs-devon, education, iru; did you mean 'devon-cs'?)" raised_with=devon-sc
# An agency of another partnership is unknown in this one.
rejected unknown-agency \
	"2:3: raised_by: unknown agency 'glos-police' in devon (agencies: devon-cs, dc-police, nhs-devon, education, iru)" raised_by=glos-police
rejected unknown-theme-hint \
	"2:8: theme: unknown theme 'treshold'; did you mean 'threshold'?" theme=treshold
rejected unknown-theme "2:8: theme: unknown theme 'housing'" theme=housing

rejected malformed-date \
	'2:7: raised_on: "01/07/2025" is not a date (YYYY-MM-DD)' raised_on=01/07/2025
rejected malformed-date-stage \
	'2:12: stage1_on: "2025-7-1" is not a date (YYYY-MM-DD)' stage1_on=2025-7-1
rejected impossible-feb29 "2:7: raised_on: 2025-02-29 is not a real date" raised_on=2025-02-29
rejected impossible-apr31 "2:12: stage1_on: 2024-04-31 is not a real date" \
	raised_on=2024-04-01 stage1_on=2024-04-31

# Gloucestershire's ladder has 4 stages.
rejected stage-beyond-last \
	"2:16: stage5_on: gloucestershire's protocol has 4 stages; there is no stage 5" \
	partnership=gloucestershire raised_by=glos-police raised_with=glos-cs stage5_on=2025-07-10
rejected stages-decrease "2:13: stage2_on: 2025-07-02 is before stage1_on 2025-07-03" \
	stage1_on=2025-07-03 stage2_on=2025-07-02
# Across a gap the comparison is with the last stage given.
rejected stages-decrease-gap "2:15: stage4_on: 2025-07-04 is before stage2_on 2025-07-05" \
	stage1_on=2025-07-01 stage2_on=2025-07-05 stage4_on=2025-07-04
rejected raised-after-first-stage \
	"2:7: raised_on: 2025-07-02 is after the first stage date (stage2_on 2025-07-01)" \
	raised_on=2025-07-02 stage1_on= stage2_on=2025-07-01
rejected closed-before-last-stage \
	"2:18: closed_on: 2025-07-05 is before the last stage date (stage2_on 2025-07-10)" \
	stage2_on=2025-07-10 status=resolved closed_on=2025-07-05
rejected closed-on-open-row "2:18: closed_on: given on an open escalation" closed_on=2025-07-05
rejected closed-without-date "2:18: closed_on: required when status is withdrawn" status=withdrawn
rejected resolved-without-date "2:18: closed_on: required when status is resolved" status=resolved
rejected future-raised "2:7: raised_on: 2025-10-01 is in the future" raised_on=2025-10-01 stage1_on=2025-10-01
rejected future-stage "2:13: stage2_on: 2025-10-01 is in the future" stage2_on=2025-10-01
rejected future-closed "2:18: closed_on: 2025-10-01 is in the future" status=resolved closed_on=2025-10-01
rejected no-stage "2:12: stage1_on: no stage date given (at least one stage is required)" stage1_on=
rejected bad-subject "2:6: subject: 'kid' is not one of child, unborn, adult, none" subject=kid
rejected bad-category "2:9: category: 'complaint' is not one of case, policy, iru" category=complaint
rejected bad-serious "2:10: serious_concern: 'maybe' is not y or n" serious_concern=maybe
rejected bad-stuck "2:11: stuck: '1' is not y or n" stuck=1
rejected bad-learning "2:19: learning: 'x' is not y or n" learning=x
rejected bad-status "2:17: status: 'closed' is not one of open, resolved, withdrawn" status=closed
# Devon's protocol covers children (and unborn children), not adults.
rejected adult-in-devon "2:6: subject: devon's protocol does not cover subject 'adult'" subject=adult
long201=$(printf '%0201d' 0 | tr 0 x)
rejected learning-theme-long "2:20: learning_theme: longer than 200 characters" \
	learning=y learning_theme="$long201"

# A ref repeated within the file: the second row is rejected, the first
# loads.
{ echo "$H"; row ref=DUP1; row ref=DUP1 theme=plan; } >"$T/dup.csv"
"$OV" load --json --quiet "$T/dup.csv" >"$T/out"
check_eq "$(counts "$T/dup.csv" 2 1 0 0 0 1)" "$(cat "$T/out")" "repeated ref: read 2, loaded 1, rejected 1"
"$OV" rejects --load "$(last_load)" | head -1 >"$T/got"
check_eq "$T/dup.csv:3:1: ref: 'DUP1' repeats line 2" "$(cat "$T/got")" "repeated ref: reject line"
check_eq "threshold" "$(q "SELECT theme FROM source_row WHERE ref = 'DUP1'")" "repeated ref: the first row is the one kept"

# A repeat is rejected too when its first occurrence is unchanged from an
# earlier load (and so stores nothing of this one).
{ echo "$H"; row ref=DUP2; } >"$T/dup2a.csv"
{ echo "$H"; row ref=DUP2; row ref=DUP2 theme=plan; } >"$T/dup2b.csv"
"$OV" load --quiet "$T/dup2a.csv" >/dev/null
"$OV" load --json --quiet "$T/dup2b.csv" >"$T/out"
check_eq "$(counts "$T/dup2b.csv" 2 0 0 1 0 1)" "$(cat "$T/out")" "repeat after an unchanged row: unchanged 1, rejected 1"
"$OV" rejects --load "$(last_load)" | head -1 >"$T/got"
check_eq "$T/dup2b.csv:3:1: ref: 'DUP2' repeats line 2" "$(cat "$T/got")" "repeat after an unchanged row: reject line"
check_eq "threshold|1" "$(q "SELECT theme || '|' || count(*) FROM source_row WHERE ref = 'DUP2'")" \
	"repeat after an unchanged row: the held version stands"

# The raw row is kept with the reject (nothing lost).
"$OV" rejects --load "$(last_load)" | sed -n 2p >"$T/got"
check_eq "    $(row ref=DUP2 theme=plan)" "$(cat "$T/got")" "rejects shows the raw row under the reason"

# Rows that are fine although they look odd: all in one file.
long200=$(printf '%0200d' 0 | tr 0 y)
{
	echo "$H"
	row ref=OK-GAP stage1_on= stage2_on=2025-07-02          # gap in the ladder
	row ref=OK-HIGH stage1_on= stage4_on=2025-07-01         # starts high
	row ref=OK-TODAY raised_on=2025-09-30 stage1_on=2025-09-30 # today is not the future
	row ref=OK-SAME stage1_on=2025-07-01 stage2_on=2025-07-01 status=resolved closed_on=2025-07-01
	row ref=OK-NONE subject=none category=policy
	row ref=OK-UNBORN subject=unborn category=iru serious_concern=y stuck=y
	row ref=OK-YES serious_concern=Yes stuck=NO learning=y learning_theme="$long200"
	row ref=OK-WITHIN raised_by=devon-cs raised_with=devon-cs  # within one agency
	row ref=OK-NEL partnership=north-east-lincolnshire raised_by=focus raised_with=health subject=adult
	row ref=OK-BLANKS subject= category= serious_concern= stuck= learning=
} >"$T/ok.csv"
"$OV" load --json "$T/ok.csv" >"$T/out" 2>"$T/err"
check_eq "0 $(counts "$T/ok.csv" 10 10 0 0 0 0)" "$? $(cat "$T/out")" "ten unusual but valid rows: all loaded"
check_eq "" "$(cat "$T/err")" "nothing on stderr for a clean load"
check_eq "|2025-07-02|2" "$(q "SELECT coalesce(e.stage1_on, '') || '|' || e.stage2_on || '|' || e.top_stage
	FROM escalation e JOIN source_row s ON s.escalation_id = e.id WHERE s.ref = 'OK-GAP'")" \
	"a gap in the ladder is stored as a gap (stage 2, no stage 1)"
check_eq "child|case|0|0|0" "$(q "SELECT subject || '|' || category || '|' || serious_concern || '|' || stuck || '|' || learning
	FROM source_row WHERE ref = 'OK-BLANKS'")" "blank optional fields take their defaults"
check_eq "1|0|1|200" "$(q "SELECT serious_concern || '|' || stuck || '|' || learning || '|' || length(learning_theme)
	FROM source_row WHERE ref = 'OK-YES'")" "yes/no spellings and a 200-character learning theme"
check_eq "4" "$(q "SELECT top_stage FROM source_row s JOIN escalation e ON e.id = s.escalation_id WHERE ref = 'OK-HIGH'")" \
	"an escalation that starts at stage 4 has top stage 4"

# --- 2. counts, summary line, reload of the same bytes ---------------------
export OVERSIGHT_WAREHOUSE="$T/counts.db"
check_ok "init a fresh warehouse" "$OV" init
{
	echo "$H"
	row ref=C1
	row ref=C2 raised_on=2025-08-01 stage1_on=2025-08-01
	row ref=C3 theme=nonsense
	row ref=C4 status=resolved
	row ref=C5 raised_by=education raised_with=iru stage1_on=2025-07-01 stage3_on=2025-07-08 status=resolved closed_on=2025-07-20
} >"$T/c.csv"
"$OV" load "$T/c.csv" >"$T/out" 2>"$T/err"
check_eq 0 $? "a file with rejects is taken: exit 0"
check_eq "$T/c.csv: read 5, loaded 3, updated 0, unchanged 0, merged 0, rejected 2" "$(cat "$T/out")" \
	"summary line: read 5 = loaded 3 + rejected 2"
# Rejects are echoed on stderr as file:line:col: field: reason.
printf '%s\n' "$T/c.csv:4:8: theme: unknown theme 'nonsense'" \
	"$T/c.csv:5:18: closed_on: required when status is resolved" >"$T/want"
check_cmp "$T/want" "$T/err" "rejects echoed on stderr, one line each"
check_eq "5|3|0|0|0|2" "$(q "SELECT n_read || '|' || n_loaded || '|' || n_updated || '|' || n_unchanged || '|' || n_merged || '|' || n_rejected FROM load")" \
	"the load record holds the same counts"
check_eq "3 3 2" "$(q "SELECT count(*) FROM escalation") $(q "SELECT count(*) FROM source_row") $(q "SELECT count(*) FROM reject")" \
	"3 escalations, 3 source rows, 2 rejects"
# stage events: C1 stage 1, C2 stage 1, C5 stages 1 and 3 = 4; C5's stage 1
# is completed on its stage 3 date, stage 3 on its closure.
check_eq "4" "$(q "SELECT count(*) FROM stage_event")" "4 stage events"
check_eq "1|2025-07-01|2025-07-08
3|2025-07-08|2025-07-20" "$(q "SELECT stage || '|' || entered_on || '|' || completed_on FROM stage_event se
	JOIN source_row s ON s.escalation_id = se.escalation_id WHERE s.ref = 'C5' ORDER BY stage")" \
	"stage completion: next stage date, then closed_on"

"$OV" loads --json >"$T/loads.json"
check_grep '"read": 5, "loaded": 3, "updated": 0, "unchanged": 0, "merged": 0, "rejected": 2, ' "$T/loads.json" \
	"oversight loads --json carries the counts"

sqlite3 "$OVERSIGHT_WAREHOUSE" .dump >"$T/dump1"
"$OV" load "$T/c.csv" >"$T/out" 2>"$T/err"
check_eq 0 $? "reloading the same bytes: exit 0"
check_grep "^$T/c.csv: read 0, loaded 0, updated 0, unchanged 0, merged 0, rejected 0 -- already loaded: the same bytes were load 1 on " \
	"$T/out" "reload: reads 0 and says it was load 1"
"$OV" load --json "$T/c.csv" >"$T/out" 2>"$T/err"
check_eq "$(counts "$T/c.csv" 0 0 0 0 0 0)" "$(cat "$T/out")" "reload --json: all counts 0"
check_grep "already loaded" "$T/err" "reload --json: the note goes to stderr"
sqlite3 "$OVERSIGHT_WAREHOUSE" .dump >"$T/dump2"
check_cmp "$T/dump1" "$T/dump2" "reload changes nothing (sqlite3 .dump identical)"
# A copy under another name is the same bytes.
cp "$T/c.csv" "$T/c-copy.csv"
"$OV" load --json "$T/c-copy.csv" >"$T/out" 2>/dev/null
check_eq "$(counts "$T/c-copy.csv" 0 0 0 0 0 0)" "$(cat "$T/out")" "the same bytes under another name read 0"

# The same rows with one byte more (a trailing blank line) are a new file:
# every good row is held already, unchanged; the bad rows are rejected again.
{ cat "$T/c.csv"; echo; } >"$T/c2.csv"
"$OV" load --json --quiet "$T/c2.csv" >"$T/out"
check_eq "$(counts "$T/c2.csv" 5 0 0 3 0 2)" "$(cat "$T/out")" "same rows, other bytes: unchanged 3, rejected 2"
check_eq "3 3" "$(q "SELECT count(*) FROM escalation") $(q "SELECT count(*) FROM source_row")" \
	"unchanged rows add no source row and no escalation"

# Several files in one command: one line each, in order.
{ echo "$H"; row ref=M1; } >"$T/m1.csv"
{ echo "$H"; row ref=M2; row ref=M3 theme=; } >"$T/m2.csv"
"$OV" load --quiet "$T/m1.csv" "$T/m2.csv" >"$T/out"
printf '%s\n' "$T/m1.csv: read 1, loaded 1, updated 0, unchanged 0, merged 0, rejected 0" \
	"$T/m2.csv: read 2, loaded 1, updated 0, unchanged 0, merged 0, rejected 1" >"$T/want"
check_cmp "$T/want" "$T/out" "two files: two summary lines"

# More than 10 rejects: 10 echoed, then a count of the rest.
{ echo "$H"; for i in 1 2 3 4 5 6 7 8 9 10 11 12; do row ref=X$i theme=bad; done; } >"$T/many.csv"
"$OV" load "$T/many.csv" >/dev/null 2>"$T/err"
check_eq 11 "$(wc -l <"$T/err" | tr -d ' ')" "12 rejects: 10 echoed and one line for the rest"
check_grep "and 2 more rejected rows (oversight rejects --load " "$T/err" "the rest are counted"
check_eq 12 "$("$OV" rejects --load "$(last_load)" | grep -c "^$T/many.csv:")" "oversight rejects lists all 12"

# --- 6. file-level failures: one clear error, non-zero exit, no change ----
export OVERSIGHT_WAREHOUSE="$T/files.db"
check_ok "init a fresh warehouse" "$OV" init
{ echo "$H"; row ref=F1; } >"$T/base.csv"
check_ok "a first load" "$OV" load "$T/base.csv"

# refused CODE NAME PATTERN [load args]...: the load exits CODE, prints
# exactly one error matching PATTERN (and the "not loaded" line when the
# file could be opened), and the warehouse counts do not move.
refused() {
	code=$1 name=$2 pat=$3
	shift 3
	before=$(state)
	"$OV" load "$@" >"$T/out" 2>"$T/err"
	got=$?
	check_eq "$code" "$got" "$name: exit $code"
	check_grep "$pat" "$T/err" "$name: error names the problem"
	check_eq "" "$(cat "$T/out")" "$name: nothing on stdout"
	check_eq "$before" "$(state)" "$name: warehouse unchanged"
}

refused 3 "missing file" "^oversight: $T/none.csv: cannot open: No such file or directory\$" "$T/none.csv"
check_eq 1 "$(wc -l <"$T/err" | tr -d ' ')" "missing file: one line on stderr"

: >"$T/empty.csv"
refused 1 "empty file" "^oversight: $T/empty.csv: empty file: no header row\$" "$T/empty.csv"
check_grep "^oversight: $T/empty.csv: not loaded; the warehouse is unchanged\$" "$T/err" "empty file: says the warehouse is unchanged"

# Header only: taken, nothing read.
echo "$H" >"$T/header.csv"
"$OV" load --json "$T/header.csv" >"$T/out" 2>"$T/err"
check_eq "0 $(counts "$T/header.csv" 0 0 0 0 0 0)" "$? $(cat "$T/out")" "header only: exit 0, read 0"

echo "$H" | sed 's/,theme,/,/' >"$T/nocol.csv"
row ref=F2 | cut -d, -f1-7,9- >>"$T/nocol.csv"
refused 1 "header missing a required column" "^oversight: $T/nocol.csv:1: required column 'theme' missing\$" "$T/nocol.csv"

echo "ref,partnership,raised_by,raised_with,raised_on,theme,status,closed_on" >"$T/nostage.csv"
refused 1 "header with no stage column" "^oversight: $T/nostage.csv:1: no stage column (stage1_on ... stage5_on)\$" "$T/nostage.csv"

# An unknown column (free text a log should not carry): refused, then taken
# with --ignore-unknown, and the column is stored nowhere.
{ echo "$H,summary"; row ref=U1 | sed 's/$/,ZZNARRATIVE said the mother/'; } >"$T/unknown.csv"
refused 1 "unknown column" \
	"^oversight: $T/unknown.csv:1:21: unknown column 'summary' (the canonical columns are in docs/log-format.md; --ignore-unknown drops others)\$" \
	"$T/unknown.csv"
"$OV" load --json --ignore-unknown "$T/unknown.csv" >"$T/out" 2>"$T/err"
check_eq "0 $(counts "$T/unknown.csv" 1 1 0 0 0 0)" "$? $(cat "$T/out")" "unknown column with --ignore-unknown: loaded"
{ echo "$H,summary"; row ref=U2 theme=bad | sed 's/$/,ZZNARRATIVE again/'; } >"$T/unknown2.csv"
"$OV" load --quiet --ignore-unknown "$T/unknown2.csv" >/dev/null
"$OV" rejects --load "$(last_load)" >"$T/got"
check_no_grep ZZNARRATIVE "$T/got" "--ignore-unknown: the dropped column is not in the quarantined raw row"
sqlite3 "$OVERSIGHT_WAREHOUSE" .dump >"$T/dump"
check_no_grep ZZNARRATIVE "$T/dump" "--ignore-unknown: the dropped column is stored nowhere"

head -c 4000 /bin/ls >"$T/binary.csv"
refused 1 "binary file" "^oversight: $T/binary.csv:1: not a UTF-8 CSV file" "$T/binary.csv"

# Windows-1252: e-acute as the single byte 0xe9 in the learning theme.
{ echo "$H"; row ref=W1; row ref=W2 learning=y learning_theme="caf$(printf '\351')"; } >"$T/cp1252.csv"
refused 1 "windows-1252 file" \
	"^oversight: $T/cp1252.csv:3:20: learning_theme: not UTF-8 text (is the file windows-1252? a profile can read it)\$" \
	"$T/cp1252.csv"

echo "$H,theme" >"$T/dupcol.csv"
refused 1 "duplicated column" "^oversight: $T/dupcol.csv:1:21: column 'theme' appears twice\$" "$T/dupcol.csv"

# Ragged rows: each rejected with the field counts; the good row loads.
{
	echo "$H"
	row ref=G1
	row ref=G2 | sed 's/,[^,]*$//'          # 19 fields
	row ref=G3 | sed 's/$/,extra/'          # 21 fields
	row ref=G4
} >"$T/ragged.csv"
"$OV" load --json --quiet "$T/ragged.csv" >"$T/out"
check_eq "0 $(counts "$T/ragged.csv" 4 2 0 0 0 2)" "$? $(cat "$T/out")" "ragged rows: rejected one by one, the rest loads"
"$OV" rejects --load "$(last_load)" 2>/dev/null | grep -v '^    ' >"$T/got"
printf '%s\n' "$T/ragged.csv:3: row has 19 fields, the header has 20" \
	"$T/ragged.csv:4: row has 21 fields, the header has 20" >"$T/want"
check_cmp "$T/want" "$T/got" "ragged rows: reasons name both field counts"

# A quote left open at the end of the file: that last row is rejected.
{ echo "$H"; row ref=Q1; row ref=Q2 | sed 's/,n,$/,n,"no end/'; } >"$T/openq.csv"
"$OV" load --json --quiet "$T/openq.csv" >"$T/out"
check_eq "0 $(counts "$T/openq.csv" 2 1 0 0 0 1)" "$? $(cat "$T/out")" "unterminated quote: the last row rejected"
"$OV" rejects --load "$(last_load)" 2>/dev/null | head -1 >"$T/got"
check_eq "$T/openq.csv:3: the file ends inside a quoted field" "$(cat "$T/got")" "unterminated quote: reason"

# A NUL byte inside a field: the row is rejected, the others load.
{ echo "$H"; row ref=N1 learning=y learning_theme="a$(printf 'Q')b" | tr Q '\000'; row ref=N2; } >"$T/nul.csv"
"$OV" load --json --quiet "$T/nul.csv" >"$T/out"
check_eq "0 $(counts "$T/nul.csv" 2 1 0 0 0 1)" "$? $(cat "$T/out")" "NUL byte in a field: that row rejected"
"$OV" rejects --load "$(last_load)" 2>/dev/null | head -1 >"$T/got"
check_eq "$T/nul.csv:2:20: learning_theme: holds a NUL byte" "$(cat "$T/got")" "NUL byte: reason names the column"

# UTF-8 with a BOM, CRLF line ends, columns in another order, and quoted
# fields holding commas, doubled quotes and line breaks.  Physical lines:
# 1 header, 2 B1, 3-5 B2 (its learning theme spans three lines), 6 B3 (bad
# theme: must be reported on line 6), 7 B4.
{
	printf '\357\273\277status,ref,partnership,raised_by,raised_with,raised_on,theme,stage1_on,closed_on,learning,learning_theme\r\n'
	printf 'open,B1,devon,dc-police,devon-cs,2025-07-01,threshold,2025-07-01,,y,"plans, reviews"\r\n'
	printf 'resolved,B2,devon,nhs-devon,iru,2025-07-02,plan,2025-07-03,2025-07-09,y,"line one\r\nsaid ""escalate""\r\nline three"\r\n'
	printf 'open,B3,devon,education,devon-cs,2025-07-04,bogus,2025-07-04,,n,\r\n'
	printf 'open,B4,devon,education,devon-cs,2025-07-04,other,2025-07-04,,n,"é, ü"\r\n'
} >"$T/bom.csv"
"$OV" load --json --quiet "$T/bom.csv" >"$T/out"
check_eq "0 $(counts "$T/bom.csv" 4 3 0 0 0 1)" "$? $(cat "$T/out")" "BOM, CRLF, quoted fields: taken"
"$OV" rejects --load "$(last_load)" 2>/dev/null | head -1 >"$T/got"
check_eq "$T/bom.csv:6:7: theme: unknown theme 'bogus'" "$(cat "$T/got")" \
	"BOM, CRLF: the row after a three-line field is reported on its own line"
check_eq "open" "$(q "SELECT status FROM source_row WHERE ref = 'B1'")" "BOM: the first column (status) is recognised"
check_eq "plans, reviews" "$(q "SELECT learning_theme FROM source_row WHERE ref = 'B1'")" "quoted comma kept"
printf 'line one\r\nsaid "escalate"\r\nline three' >"$T/want"
q "SELECT learning_theme FROM source_row WHERE ref = 'B2'" | head -c -1 >"$T/got"
check_cmp "$T/want" "$T/got" "quoted line breaks and doubled quotes kept"
check_eq "2|3|7" "$(q "SELECT group_concat(line, '|') FROM (SELECT line FROM source_row WHERE ref LIKE 'B%' ORDER BY ref)")" \
	"each row keeps the line it starts on (B1 2, B2 3, B4 7)"
check_eq "é, ü" "$(q "SELECT learning_theme FROM source_row WHERE ref = 'B4'")" "UTF-8 text kept as it is"

# A row whose first field is quoted and spans lines starts on the line of
# its opening quote: L1 is on lines 2-3, L2 (bad theme) on line 5 after a
# blank line 4.
{
	echo "learning_theme,ref,partnership,raised_by,raised_with,raised_on,theme,stage1_on,status"
	printf '"first line\nsecond line",L1,devon,dc-police,devon-cs,2025-07-01,plan,2025-07-01,open\n'
	echo
	echo ",L2,devon,dc-police,devon-cs,2025-07-01,nope,2025-07-01,open"
} >"$T/first.csv"
"$OV" load --json --quiet "$T/first.csv" >"$T/out"
check_eq "$(counts "$T/first.csv" 2 1 0 0 0 1)" "$(cat "$T/out")" "multi-line first field: taken"
check_eq "2" "$(q "SELECT line FROM source_row WHERE ref = 'L1'")" "multi-line first field: the row starts on line 2"
check_eq "5" "$(q "SELECT line FROM reject WHERE load_id = $(last_load)")" "after a blank line: line 5"

# No warehouse.
export OVERSIGHT_WAREHOUSE="$T/nowhere.db"
"$OV" load "$T/base.csv" >"$T/out" 2>"$T/err"
check_eq 3 $? "no warehouse: exit 3"
check_grep "^oversight: $T/nowhere.db: no warehouse here; run 'oversight init' first\$" "$T/err" \
	"no warehouse: run 'oversight init' first"
check_eq no "$([ -e "$T/nowhere.db" ] && echo yes || echo no)" "no warehouse: none is created"
export OVERSIGHT_WAREHOUSE="$T/files.db"

# Usage errors: exit 2.
before=$(state)
check_exit 2 "unknown --profile: exit 2" "$OV" load --profile police "$T/base.csv"
check_grep "^oversight: --profile: unknown profile 'police' (known: canonical, activity)\$" "$T/.err" \
	"unknown --profile: named"
check_exit 2 "load with no file: exit 2" "$OV" load
check_grep "^try 'oversight load --help'" "$T/.err" "usage error says where help is"
check_exit 2 "load with an unknown option: exit 2" "$OV" load --bogus "$T/base.csv"
check_eq "$before" "$(state)" "usage errors: warehouse unchanged"
check_ok "load --help" "$OV" load --help
check_grep '^usage: oversight load ' "$T/.out" "load --help shows the usage"

# One file refused among several: the others are taken, the exit is not 0.
{ echo "$H"; row ref=S1; } >"$T/s1.csv"
"$OV" load --quiet "$T/s1.csv" "$T/empty.csv" >"$T/out" 2>"$T/err"
check_eq 1 $? "a refused file among several: exit 1"
check_eq "$T/s1.csv: read 1, loaded 1, updated 0, unchanged 0, merged 0, rejected 0" "$(cat "$T/out")" \
	"the good file is still loaded"

finish
