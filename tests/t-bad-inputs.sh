#!/bin/sh
# t-bad-inputs.sh - the bad input catalogue: files an agency, a partnership
# or a disk can really produce, each with the exact message it must give.
#
# DESIGN.md "Quality bars": "Bad input gets a clear message with file,
# line and column, never a crash"; "a failed ... load leaves the warehouse
# as it was"; "every input row is loaded, merged or quarantined with its
# reason".  For each input: the exit code, stderr line for line, and
#   - a file that cannot be taken: exit non-zero, nothing on stdout, and
#     the warehouse's tables dumped (sqlite3 .dump) byte for byte as before;
#   - a file that is taken: read = the rows in it (nothing lost) and every
#     bad row quarantined with the reason given.
# Small inputs are files in tests/bad/ (README there); large ones (10 MB
# fields, 100,000 columns, a 2 MB definition) are generated here.
# t-load.sh holds the single bad rows of each rejection rule; the inputs
# here are other ones.  Messages were written from the rules and the
# message formats in the code (canon.c, shape_canonical.c, refdata.c,
# cal.c), not copied from a run.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-09-30
W=$OVERSIGHT_WAREHOUSE
B=$ROOT/tests/bad
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme
NOT_UTF8_CSV="not a UTF-8 CSV file (binary, or another encoding: a profile can read windows-1252)"
UNKNOWN_COL="(the canonical columns are in docs/log-format.md; --ignore-unknown drops others)"
NOT_UTF8="not UTF-8 text (is the file windows-1252? a profile can read it)"
MALFORMED="text after the closing quote of a quoted field; the rest of the line is not read"

q() { sqlite3 "$W" "$1"; }
# Every table but the calendar (33,000 derived rows), dumped and hashed,
# plus the calendar's size and working-day total.
dump() {
	{
		for t in $(sqlite3 "$W" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'calendar' ORDER BY name"); do
			sqlite3 "$W" ".dump $t"
		done
		sqlite3 "$W" "SELECT count(*), sum(wd_le) FROM calendar"
	} | cksum
}
# G REF: a good devon row with that ref, as the header H orders columns.
G() { printf '%s,devon,dc-police,devon-cs,,child,2025-07-01,threshold,case,n,n,2025-07-01,,,,,open,,n,\n' "$1"; }

inputs=0
# refused WHAT EXIT CMD...: the command must fail with EXIT, print exactly
# the lines on stdin to stderr and nothing to stdout, and leave the
# warehouse as it was.
refused() {
	what=$1 want=$2
	shift 2
	cat >"$T/want"
	inputs=$((inputs + 1))
	before=$(dump)
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	check_eq "$want" "$rc" "$what: exit $want"
	check_cmp "$T/want" "$T/err" "$what: the message"
	check_eq "" "$(cat "$T/out")" "$what: nothing on stdout"
	check_eq "$before" "$(dump)" "$what: the warehouse is unchanged"
}
# taken WHAT FILE READ LOADED REJECTED [load options]: the file is taken
# (exit 0), stderr is exactly the reject lines on stdin, and the counts
# show every row read and each one loaded or quarantined.
taken() {
	what=$1 file=$2 r=$3 l=$4 x=$5
	shift 5
	cat >"$T/want"
	inputs=$((inputs + 1))
	"$OV" load --json "$@" "$file" >"$T/out" 2>"$T/err"
	rc=$?
	check_eq 0 "$rc" "$what: taken (exit 0)"
	check_cmp "$T/want" "$T/err" "$what: the reject lines"
	check_grep "\"read\": $r, \"loaded\": $l, .*\"rejected\": $x}" "$T/out" \
		"$what: read $r, loaded $l, rejected $x"
	last=$(q "SELECT max(id) FROM load")
	check_eq "$x" "$(q "SELECT count(*) FROM reject WHERE load_id = $last")" "$what: $x quarantined"
}
# init_refused WHAT FILE OPTION: oversight init OPTION FILE fails with
# exit 1, the message on stdin and the "init failed" line.
init_refused() {
	what=$1 f=$2 opt=$3
	{ cat; echo "oversight: $W: init failed; the warehouse is unchanged"; } >"$T/want.init"
	refused "$what" 1 "$OV" init "$opt" "$f" <"$T/want.init"
}

check_ok "init" "$OV" init
{ echo "$H"; G BASE1; G BASE2; } >"$T/base.csv"
check_ok "a first load, so that 'unchanged' means something" "$OV" load "$T/base.csv"

# --- 1. files that are not CSV text: refused whole ------------------------
for f in png-image gzip xlsx nul-header invalid-utf8-header; do
	refused "$f.csv" 1 "$OV" load "$B/$f.csv" <<EOF
oversight: $B/$f.csv:1: $NOT_UTF8_CSV
oversight: $B/$f.csv: not loaded; the warehouse is unchanged
EOF
done
# UTF-16 with a byte order mark is converted and read as text: this one's
# header (ref,part) is then refused for what it says.
refused "utf16.csv" 1 "$OV" load "$B/utf16.csv" <<EOF
oversight: $B/utf16.csv:1:2: unknown column 'part' (the canonical columns are in docs/log-format.md; --ignore-unknown drops others)
oversight: $B/utf16.csv: not loaded; the warehouse is unchanged
EOF
# The warehouse itself given as a log ("SQLite format 3" and a NUL).
refused "the warehouse file given as a log" 1 "$OV" load "$W" <<EOF
oversight: $W:1: $NOT_UTF8_CSV
oversight: $W: not loaded; the warehouse is unchanged
EOF
# Random bytes (a fixed sequence): the first line is not UTF-8.
awk 'BEGIN { x = 12345; printf "%c", 200; for (i = 0; i < 4096; i++) { x = (x * 1103515245 + 12345) % 2147483648; printf "%c", int(x / 65536) % 256 } }' \
	</dev/null >"$T/junk.csv"
refused "4 KB of random bytes" 1 "$OV" load "$T/junk.csv" <<EOF
oversight: $T/junk.csv:1: $NOT_UTF8_CSV
oversight: $T/junk.csv: not loaded; the warehouse is unchanged
EOF

# --- 2. empty, or a header that is not ours -------------------------------
for f in bom-only blank-lines; do
	refused "$f.csv: no header" 1 "$OV" load "$B/$f.csv" <<EOF
oversight: $B/$f.csv: empty file: no header row
oversight: $B/$f.csv: not loaded; the warehouse is unchanged
EOF
done
refused "a PDF saved as .csv" 1 "$OV" load "$B/pdf-text.csv" <<EOF
oversight: $B/pdf-text.csv:1:1: unknown column '%PDF-1.4' $UNKNOWN_COL
oversight: $B/pdf-text.csv: not loaded; the warehouse is unchanged
EOF
refused "upper-case header" 1 "$OV" load "$B/upper-header.csv" <<EOF
oversight: $B/upper-header.csv:1:1: unknown column 'REF' $UNKNOWN_COL
oversight: $B/upper-header.csv: not loaded; the warehouse is unchanged
EOF
refused "an empty column name" 1 "$OV" load "$B/empty-column-name.csv" <<EOF
oversight: $B/empty-column-name.csv:1:2: unknown column '' $UNKNOWN_COL
oversight: $B/empty-column-name.csv: not loaded; the warehouse is unchanged
EOF
# stage0_on is the step before stage 1 (DESIGN.md "Informal
# resolution"); Devon's protocol has none, so the row is quarantined.
taken "a stage0_on column for devon" "$B/stage0-column.csv" 1 0 1 <<EOF
$B/stage0-column.csv:2:21: stage0_on: devon's protocol has no step before stage 1 (informal resolution is not recorded for it)
EOF
refused "text after a quoted column name" 1 "$OV" load "$B/quote-garbage-header.csv" <<EOF
oversight: $B/quote-garbage-header.csv:1:1: $MALFORMED
oversight: $B/quote-garbage-header.csv: not loaded; the warehouse is unchanged
EOF
# 100,000 columns: the 21st is the first unknown one.
awk -v h="$H" 'BEGIN { printf "%s", h; for (i = 1; i <= 99980; i++) printf ",x%d", i; print "" }' >"$T/wide.csv"
G W1 >>"$T/wide.csv"
refused "a header of 100,000 columns" 1 "$OV" load "$T/wide.csv" <<EOF
oversight: $T/wide.csv:1:21: unknown column 'x1' $UNKNOWN_COL
oversight: $T/wide.csv: not loaded; the warehouse is unchanged
EOF
# The same with --ignore-unknown: taken, its one row (20 fields where the
# header has 100,000) quarantined as ragged.
taken "100,000 columns, --ignore-unknown" "$T/wide.csv" 1 0 1 --ignore-unknown <<EOF
$T/wide.csv:2: row has 20 fields, the header has 100000
EOF
# A 10 MB first line with no comma: one column name, shown to 60 bytes.
awk 'BEGIN { s = "x"; while (length(s) < 10485760) s = s s; print s }' >"$T/bigheader.csv"
refused "a 10 MB column name" 1 "$OV" load "$T/bigheader.csv" <<EOF
oversight: $T/bigheader.csv:1:1: unknown column '$(printf '%060d' 0 | tr 0 x)' $UNKNOWN_COL
oversight: $T/bigheader.csv: not loaded; the warehouse is unchanged
EOF
refused "a folder given as the file" 3 "$OV" load "$B" <<EOF
oversight: $B: read error: Is a directory
EOF
refused "a CSV file given as the warehouse" 3 "$OV" -w "$T/base.csv" load "$T/base.csv" <<EOF
oversight: $T/base.csv: not a warehouse: file is not a database
EOF

# --- 3. encodings: a row that is not UTF-8 refuses the file ----------------
refused "overlong UTF-8 in a ref" 1 "$OV" load "$B/overlong-utf8.csv" <<EOF
oversight: $B/overlong-utf8.csv:2:1: ref: $NOT_UTF8
oversight: $B/overlong-utf8.csv: not loaded; the warehouse is unchanged
EOF
refused "a UTF-16 surrogate encoded as UTF-8" 1 "$OV" load "$B/surrogate-utf8.csv" <<EOF
oversight: $B/surrogate-utf8.csv:2:20: learning_theme: $NOT_UTF8
oversight: $B/surrogate-utf8.csv: not loaded; the warehouse is unchanged
EOF
# Row 2 is UTF-8 (c3 a9), row 3 Windows-1252 (e9): the file is refused at
# the first byte that is not UTF-8, and row 2 is not kept either.
refused "mixed encodings" 1 "$OV" load "$B/mixed-encoding.csv" <<EOF
oversight: $B/mixed-encoding.csv:3:20: learning_theme: $NOT_UTF8
oversight: $B/mixed-encoding.csv: not loaded; the warehouse is unchanged
EOF
refused "a file cut inside a UTF-8 character" 1 "$OV" load "$B/truncated-utf8.csv" <<EOF
oversight: $B/truncated-utf8.csv:2:20: learning_theme: $NOT_UTF8
oversight: $B/truncated-utf8.csv: not loaded; the warehouse is unchanged
EOF

# --- 4. files taken, bad rows quarantined ----------------------------------
# A header (with a BOM and no line end) and no rows: taken, nothing read.
taken "a header alone" "$B/header-only-bom-crlf.csv" 0 0 0 </dev/null
taken "a file cut inside a row" "$B/truncated-row.csv" 2 1 1 <<EOF
$B/truncated-row.csv:3: row has 3 fields, the header has 20
EOF
taken "a file cut inside a quoted field" "$B/truncated-quote.csv" 1 0 1 <<EOF
$B/truncated-quote.csv:2: the file ends inside a quoted field
EOF
# "abc"def in row 2: that row is quarantined and rows 3-8 still read (a
# lenient reader reopens the field and swallows them up to the next quote).
taken "text after a closing quote" "$B/quote-garbage.csv" 7 6 1 <<EOF
$B/quote-garbage.csv:2:20: $MALFORMED
EOF
check_eq "Y2 Y3 Y4 Y5 Y6 Y7" "$(q "SELECT group_concat(ref, ' ') FROM (SELECT ref FROM source_row WHERE ref LIKE 'Y%' ORDER BY ref)")" \
	"text after a closing quote: the rows after it are loaded"
check_eq "ok, fine" "$(q "SELECT learning_theme FROM source_row WHERE ref = 'Y6'")" \
	"text after a closing quote: a later quoted field reads as written"
# A quote inside an unquoted field is text (exports write 5'10" and the
# like): csvin.c reads strictly only to catch the case above.
{ echo "$H"; G QIN1 | sed 's/,n,$/,y,5 ft 10" tall/'; G QIN2 | sed 's/,n,$/,y,say "no" twice/'; } >"$T/quote-inside.csv"
taken "quotes inside unquoted fields" "$T/quote-inside.csv" 2 2 0 </dev/null
check_eq '5 ft 10" tall|say "no" twice' "$(q "SELECT group_concat(learning_theme, '|') FROM (SELECT learning_theme FROM source_row WHERE ref LIKE 'QIN%' ORDER BY ref)")" \
	"quotes inside unquoted fields: kept as text"
# Classic Mac line ends (CR alone): lines are still counted.
taken "CR-only line ends" "$B/mac-line-ends.csv" 3 2 1 <<EOF
$B/mac-line-ends.csv:3:8: theme: unknown theme 'bogus'
EOF
taken "a NUL byte in a ref" "$B/nul-in-ref.csv" 2 1 1 <<EOF
$B/nul-in-ref.csv:2:1: ref: holds a NUL byte
EOF
taken "a row of one comma" "$B/comma-only-row.csv" 2 1 1 <<EOF
$B/comma-only-row.csv:2: row has 2 fields, the header has 20
EOF
# A row of 100,000 fields.
{ echo "$H"; awk 'BEGIN { printf "R100K"; for (i = 1; i < 100000; i++) printf ","; print "" }'; G W2; } >"$T/widerow.csv"
taken "a row of 100,000 fields" "$T/widerow.csv" 2 1 1 <<EOF
$T/widerow.csv:2: row has 100000 fields, the header has 20
EOF
# 10 MB fields: learning_theme (200 characters at most) and ref (100).
{ echo "$H"; G BIG1; G BIG2; G BIG3; } | awk -F, -v OFS=, '
	BEGIN { s = "y"; while (length(s) < 10485760) s = s s }
	$1 == "BIG1" { $19 = "y"; $20 = s } $1 == "BIG2" { $1 = s } { print }' >"$T/bigfield.csv"
taken "10 MB fields" "$T/bigfield.csv" 3 1 2 <<EOF
$T/bigfield.csv:2:20: learning_theme: longer than 200 characters
$T/bigfield.csv:3:1: ref: longer than 100 characters
EOF
# shape_canonical.c RAW_MAX: 2,048 bytes; text is kept while 5 bytes of
# room are left (2,043 bytes), then "..." and the NUL.
check_eq "2046... 2046..." "$(q "SELECT group_concat(length(raw) || substr(raw, -3), ' ') FROM reject WHERE load_id = $last")" \
	"10 MB fields: the quarantined raw rows are cut to 2 KB, marked '...'"
# Dates that are no date (DESIGN.md: "a date is malformed or impossible").
taken "bad dates" "$B/dates.csv" 9 0 9 <<EOF
$B/dates.csv:2:7: raised_on: "31/04/2025" is not a date (YYYY-MM-DD)
$B/dates.csv:3:18: closed_on: 2025-02-29 is not a real date
$B/dates.csv:4:13: stage2_on: 2025-13-01 is not a real date
$B/dates.csv:5:7: raised_on: 0000-01-01 is not a real date
$B/dates.csv:6:7: raised_on: 1999-12-31 is before 2000-01-01
$B/dates.csv:7:7: raised_on: " 2025-07-01" is not a date (YYYY-MM-DD)
$B/dates.csv:8:7: raised_on: "45839" is not a date (YYYY-MM-DD)
$B/dates.csv:9:7: raised_on: "2025-07-01T09:30:00" is not a date (YYYY-MM-DD)
$B/dates.csv:10:13: stage2_on: "2025-07-01/02" is not a date (YYYY-MM-DD)
EOF
# stage9_on is a column the loader knows (CANON_MAX_STAGE), but no
# protocol has a ninth stage; perth-kinross has four.
taken "stage 9, and stage 5 of a 4-stage protocol" "$B/stage9.csv" 2 0 2 <<EOF
$B/stage9.csv:2:21: stage9_on: devon's protocol has 5 stages; there is no stage 9
$B/stage9.csv:3:16: stage5_on: perth-kinross's protocol has 4 stages; there is no stage 5
EOF
# Control characters are shown as '?', long values to 40 characters;
# ids and codes are case-sensitive.
taken "odd values" "$B/odd-values.csv" 5 0 5 <<EOF
$B/odd-values.csv:2:2: partnership: unknown partnership 'dev?on' (partnerships: devon, dumfries-galloway, gloucestershire, north-east-lincolnshire, perth-kinross; did you mean 'devon'?)
$B/odd-values.csv:3:8: theme: unknown theme '$(printf '%040d' 0 | tr 0 t)...'
$B/odd-values.csv:4:3: raised_by: unknown agency 'DC-POLICE' in devon (agencies: devon-cs, dc-police, nhs-devon, education, iru; did you mean 'dc-police'?)
$B/odd-values.csv:5:6: subject: 'Child' is not one of child, unborn, adult, none; did you mean 'child'?
$B/odd-values.csv:6:17: status: 'OPEN' is not one of open, resolved, withdrawn; did you mean 'open'?
EOF
# A ref three times: the second and third are rejected.
{ echo "$H"; G TRI; G TRI | sed 's/threshold/plan/'; G TRI | sed 's/threshold/other/'; } >"$T/three.csv"
taken "a ref three times" "$T/three.csv" 3 1 2 <<EOF
$T/three.csv:3:1: ref: 'TRI' repeats line 2
$T/three.csv:4:1: ref: 'TRI' repeats line 2
EOF
check_eq threshold "$(q "SELECT theme FROM source_row WHERE ref = 'TRI'")" "a ref three times: the first stands"
# Activity (profile "activity"): counts are whole numbers, not negative.
taken "bad activity values" "$B/activity-bad.csv" 7 2 5 --profile activity <<EOF
$B/activity-bad.csv:2:5: value: '-5' is negative; activity is a count
$B/activity-bad.csv:3:5: value: '1e3' is not a whole number
$B/activity-bad.csv:4:3: quarter: '2025-Q5' is not a quarter (YYYY-Qn)
$B/activity-bad.csv:5:5: value: '1234567890123' is too large for a count
$B/activity-bad.csv:6:5: value: '12.5' is not a whole number
EOF
check_eq "7|812" "$(q "SELECT group_concat(value, '|') FROM (SELECT value FROM activity WHERE agency = 'dc-police' AND quarter IN ('2024-Q3', '2024-Q2') ORDER BY quarter DESC)")" \
	"activity: ' 7' (a leading space) and 812 are counts"

# --- 5. profiles -------------------------------------------------------------
# (The wording after the name is the profiles' own, still moving: only
# its start is fixed here.)
inputs=$((inputs + 1))
before=$(dump)
"$OV" load --profile police-v9 "$T/base.csv" >"$T/out" 2>"$T/err"
check_eq 2 $? "an unknown profile: exit 2 (usage)"
check_eq "oversight: --profile: unknown profile 'police-v9'" \
	"$(sed -n "1s/^\(oversight: --profile: unknown profile 'police-v9'\).*/\1/p" "$T/err")" "an unknown profile: named"
check_eq "$before" "$(dump)" "an unknown profile: the warehouse is unchanged"
P=$ROOT/fixtures/devon/profiles/dc-police-wide.json
if [ -f "$P" ]; then
	sed 's/"Date Raised": "raised_on",/"Date Raised": "raised_on", "Date Logged": "raised_on",/' "$P" >"$T/two-to-one.json"
	refused "a profile mapping two columns to one field" 1 \
		"$OV" load --profile "$T/two-to-one.json" "$ROOT/fixtures/devon/agency-shapes/dc-police.csv" <<EOF
oversight: $T/two-to-one.json: columns."Date Logged": 'Date Raised' and 'Date Logged' both map to raised_on; one source column per field
EOF
	head -c 100 "$P" >"$T/cut-profile.json"
	refused "a profile cut short" 1 "$OV" load --profile "$T/cut-profile.json" "$T/base.csv" <<EOF
oversight: $T/cut-profile.json:3: not valid JSON
EOF
else
	echo "# profiles absent: profile cases skipped"
fi

# --- 6. partnership definitions, targets, holidays: init refuses ------------
init_refused "definition cut short" "$B/def-truncated.json" --definition <<EOF
oversight: $B/def-truncated.json:9: not valid JSON
EOF
# cJSON_Parse() alone stops after the first value: text after it must
# make the file invalid JSON, not be ignored.
init_refused "text after the definition's object" "$B/def-trailing-text.json" --definition <<EOF
oversight: $B/def-trailing-text.json:24: not valid JSON
EOF
init_refused "empty definition" "$B/def-empty.json" --definition <<EOF
oversight: $B/def-empty.json:1: not valid JSON
EOF
init_refused "definition that is a list" "$B/def-array.json" --definition <<EOF
oversight: $B/def-array.json: not a JSON object
EOF
init_refused "definition of another format" "$B/def-format.json" --definition <<EOF
oversight: $B/def-format.json: format: 'oversight-partnership/2' is not oversight-partnership/1
EOF
init_refused "definition id with capitals" "$B/def-id.json" --definition <<EOF
oversight: $B/def-id.json: id: 'Wessex' must be lower-case letters, digits and hyphens
EOF
init_refused "unknown jurisdiction" "$B/def-jurisdiction.json" --definition <<EOF
oversight: $B/def-jurisdiction.json: jurisdiction: 'wales' is not england-wales or scotland
EOF
init_refused "seven stages" "$B/def-seven-stages.json" --definition <<EOF
oversight: $B/def-seven-stages.json: stages: must be a list of 1 to 5 stages
EOF
init_refused "tier 7" "$B/def-tier.json" --definition <<EOF
oversight: $B/def-tier.json: stages[0].tier: must be a whole number from 0 to 5
EOF
init_refused "a timescale of 0 days" "$B/def-days.json" --definition <<EOF
oversight: $B/def-days.json: stages[0].timescale.days: must be a whole number from 1 to 250
EOF
init_refused "an agency twice" "$B/def-dup-agency.json" --definition <<EOF
oversight: $B/def-dup-agency.json: agencies[1].id: 'wx-cs' appears twice
EOF
init_refused "stage 1e999" "$B/def-huge-number.json" --definition <<EOF
oversight: $B/def-huge-number.json: stages[0].stage: must be a whole number from 1 to 5
EOF
init_refused "stage 0" "$B/def-stage0.json" --definition <<EOF
oversight: $B/def-stage0.json: stages[0].stage: must be a whole number from 1 to 5
EOF
init_refused "stage 9" "$B/def-stage9.json" --definition <<EOF
oversight: $B/def-stage9.json: stages[1].stage: must be a whole number from 1 to 5
EOF
init_refused "a NUL byte in a definition" "$B/def-nul.json" --definition <<EOF
oversight: $B/def-nul.json: holds a NUL byte: not a JSON text file
EOF
init_refused "agencies as a string" "$B/def-agencies-string.json" --definition <<EOF
oversight: $B/def-agencies-string.json: agencies: must be a non-empty list
EOF
init_refused "an unknown subject" "$B/def-subjects.json" --definition <<EOF
oversight: $B/def-subjects.json: subjects: each must be child, unborn, adult or none
EOF
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "["; for (i = 0; i < 5000; i++) printf "]"; print "" }' >"$T/deep.json"
init_refused "5,000 nested lists" "$T/deep.json" --definition <<EOF
oversight: $T/deep.json:1: not valid JSON
EOF
{ printf '{"format": "oversight-partnership/1", "notes": ["'; awk 'BEGIN { s = "z"; while (length(s) < 2097152) s = s s; printf "%s", s }'; printf '"]}\n'; } >"$T/huge.json"
init_refused "a 2 MB definition" "$T/huge.json" --definition <<EOF
oversight: $T/huge.json: larger than 1048576 bytes
EOF
init_refused "targets of an unknown partnership" "$B/targets-unknown-partnership.json" --targets <<EOF
oversight: $B/targets-unknown-partnership.json: partnership: unknown partnership 'wessex'
EOF
init_refused "a target for stage 6" "$B/targets-stage6.json" --targets <<EOF
oversight: $B/targets-stage6.json: targets[0].stage: must be a whole number from 1 to 5
EOF
init_refused "a target for a stage the protocol lacks" "$B/targets-no-stage.json" --targets <<EOF
oversight: $B/targets-no-stage.json: targets[1].stage: gloucestershire has no stage 5
EOF
init_refused "a target in calendar days" "$B/targets-kind.json" --targets <<EOF
oversight: $B/targets-kind.json: targets[0].kind: 'calendar_days' is not by_working_day, within_of_raising or within_of_entry
EOF
init_refused "targets not a list" "$B/targets-not-list.json" --targets <<EOF
oversight: $B/targets-not-list.json: targets: must be a list
EOF
init_refused "days as text" "$B/targets-days-text.json" --targets <<EOF
oversight: $B/targets-days-text.json: targets[0].days: must be a whole number from 1 to 250
EOF
init_refused "holidays as a list" "$B/holidays-array.json" --holidays <<EOF
oversight: $B/holidays-array.json: not a JSON object of divisions
EOF
init_refused "30 February" "$B/holidays-bad-date.json" --holidays <<EOF
oversight: $B/holidays-bad-date.json: england-and-wales: event 1: date: 2025-02-30 is not a real date
EOF
init_refused "a date as DD/MM/YYYY" "$B/holidays-dmy.json" --holidays <<EOF
oversight: $B/holidays-dmy.json: england-and-wales: event 1: date: "01/01/2026" is not a date (YYYY-MM-DD)
EOF
init_refused "a division without events" "$B/holidays-no-events.json" --holidays <<EOF
oversight: $B/holidays-no-events.json: scotland: no "events" array
EOF
init_refused "a title that is a number" "$B/holidays-title-number.json" --holidays <<EOF
oversight: $B/holidays-title-number.json: scotland: event 1: "title" is not a string
EOF
init_refused "text after the holidays object" "$B/holidays-trailing-text.json" --holidays <<EOF
oversight: $B/holidays-trailing-text.json:2: not valid JSON
EOF
init_refused "holidays cut short" "$B/holidays-truncated.json" --holidays <<EOF
oversight: $B/holidays-truncated.json:1: not valid JSON
EOF
init_refused "17 added days in one year" "$B/holidays-too-many.json" --holidays <<EOF
oversight: $B/holidays-too-many.json: england-wales: more than 16 added days in 2030
EOF

# --- 7. JSONTestSuite: no JSON reader crashes or hangs -----------------------
# Every case as a partnership definition: none is one, so init refuses
# each (exit 1, with a message naming the file), the n_ ones as not valid
# JSON or not an object.  Then each as the data file of a JSON-shape
# profile (no "data.concerns" in any: exit 1), and wrapped as the records
# of one ({"data": {"concerns": [CASE]}}): taken or refused, exit 0 or 1.
# Under valgrind, every 16th case.
C=$CORPORA/JSONTestSuite/test_parsing
JP=$ROOT/fixtures/devon/profiles/nhs-devon-json.json
if [ -d "$C" ]; then
	every=1
	case $OV in *valgrind*) every=16 ;; esac
	export OVERSIGHT_WAREHOUSE="$T/json.db"
	"$OV" init >/dev/null
	tried=0 bad=0 i=0
	for f in "$C"/*.json; do
		i=$((i + 1))
		[ $((i % every)) -eq 0 ] || continue
		tried=$((tried + 1))
		"$OV" init --definition "$f" >/dev/null 2>"$T/j.err"
		rc=$?
		if [ $rc -ne 1 ] || ! grep -q "^oversight: $f" "$T/j.err"; then
			bad=$((bad + 1)); echo "# init --definition $(basename "$f"): exit $rc"
		fi
		case $(basename "$f") in n_*)
			grep -q "^oversight: $f\(:[0-9]*: not valid JSON\|: not a JSON object\|: holds a NUL byte: not a JSON text file\)\$" "$T/j.err" ||
				{ bad=$((bad + 1)); echo "# $(basename "$f"): $(head -1 "$T/j.err")"; } ;;
		esac
		if [ -f "$JP" ]; then
			"$OV" load --profile "$JP" "$f" >/dev/null 2>"$T/j.err"
			rc=$?
			if [ $rc -ne 1 ] || ! [ -s "$T/j.err" ]; then
				bad=$((bad + 1)); echo "# load --profile (json) $(basename "$f"): exit $rc"
			fi
			{ printf '{"data": {"concerns": ['; cat "$f"; printf ']}}'; } >"$T/wrapped.json"
			"$OV" load --quiet --profile "$JP" "$T/wrapped.json" >/dev/null 2>"$T/j.err"
			rc=$?
			if [ $rc -gt 1 ]; then
				bad=$((bad + 1)); echo "# load --profile (json) of [$(basename "$f")]: exit $rc"
			fi
		fi
	done
	echo "# JSONTestSuite: $tried cases"
	check_eq 0 "$bad" "JSONTestSuite: $tried cases through the JSON readers, each refused cleanly (exit 1) or taken"
	check_ok "oversight check after the JSON corpus" "$OV" check
	inputs=$((inputs + tried))
	export OVERSIGHT_WAREHOUSE="$W"
else
	echo "# $C absent: JSONTestSuite skipped"
fi

echo "# $inputs bad inputs tried"
check_eq yes "$([ $inputs -ge 40 ] && echo yes || echo no)" "at least 40 bad inputs ($inputs)"
check_ok "oversight check passes after them all" "$OV" check
finish
