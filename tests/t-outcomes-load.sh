#!/bin/sh
# t-outcomes-load.sh - the optional columns of DESIGN.md "Canonical
# escalation log" added for outcomes (stage0_on, outcome, feedback_on,
# immediate_risk): stored as given, and their rejection rules, in every
# shape (canonical CSV, a profile's CSV, long rows, JSON records, a
# workbook), each message naming file, line (or cell) and field.
#
# The messages were written from the rules (canon.c) and the message
# formats ("<field>: <why>", "file:line:col: "), not copied from a run.
# Perth and Kinross's protocol has a step before stage 1 ("Resolution",
# its pre_stage); Devon's has none.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-09-30
cd "$T" || exit 1
q() { sqlite3 "$OVERSIGHT_WAREHOUSE" "$1"; }
check_ok "init" "$OV" init

# --- 1. the definitions: pre_stage ------------------------------------------
check_eq "dumfries-galloway|Pre-escalation|0
north-east-lincolnshire|Attempt Resolution|0
perth-kinross|Resolution|0" \
	"$(q "SELECT partnership, name, tier FROM stage WHERE stage = 0 ORDER BY partnership")" \
	"pre_stage: stored as stage 0, tier 0, for the three protocols that have one"
check_eq "" "$(q "SELECT partnership FROM timescale WHERE stage = 0")" "pre_stage: no timescale"
mkdir defs
sed 's/"pre_stage": {"name": "Resolution", /"pre_stage": {"name": 7, /' \
	"$ROOT/protocols/perth-kinross.json" >defs/perth-kinross.json
check_exit 1 "pre_stage: a name that is not a string is refused" \
	env OVERSIGHT_WAREHOUSE="$T/defs.db" "$OV" init --definition defs/perth-kinross.json
check_grep "defs/perth-kinross.json: pre_stage.name: must be a non-empty string" "$T/.err" \
	"pre_stage: the message names the file and the key"

# --- 2. canonical CSV: stored as given ---------------------------------------
H=ref,partnership,raised_by,raised_with,case_ref,raised_on,theme,stage0_on,stage1_on,stage2_on,status,closed_on,outcome,feedback_on,immediate_risk
cat >good.csv <<EOF
$H
P-1,perth-kinross,pk-sw,nhs-tayside,C1,2025-07-01,threshold,2025-07-01,,,resolved,2025-07-03,changed,2025-07-04,n
P-2,perth-kinross,police-scotland,pk-sw,C2,2025-07-02,plan,2025-07-02,2025-07-04,,resolved,2025-07-10,upheld,,y
P-3,perth-kinross,education,pk-sw,C3,2025-07-03,plan,,2025-07-03,,withdrawn,2025-07-08,,2025-07-09,yes
P-4,perth-kinross,education,pk-sw,C4,2025-07-03,plan,,2025-07-03,,open,,,,
EOF
check_ok "canonical: loads" "$OV" load good.csv
check_eq "good.csv: read 4, loaded 4, updated 0, unchanged 0, merged 0, rejected 0" "$(cat "$T/.out")" \
	"canonical: every row loaded"
check_eq "P-1|0|2025-07-01||changed|2025-07-04|0
P-2|1|2025-07-02|2025-07-04|upheld||1
P-3|1||2025-07-03||2025-07-09|1
P-4|1||2025-07-03|||0" \
	"$(q "SELECT s.ref, e.top_stage, e.stage0_on, e.stage1_on, e.outcome, e.feedback_on, e.immediate_risk
	      FROM source_row s JOIN escalation e ON e.id = s.escalation_id ORDER BY s.ref")" \
	"canonical: stage 0 alone is top stage 0; outcome, feedback, immediate risk (y, yes) as given"
# Stage completion (DESIGN.md) with stage 0 included: P-1's stage 0 is its
# top stage, completed on closed_on 2025-07-03; P-2's stage 0 is
# completed on the next stage date, stage1_on 2025-07-04.
check_eq "P-1|0|2025-07-01|2025-07-03
P-2|0|2025-07-02|2025-07-04
P-2|1|2025-07-04|2025-07-10" \
	"$(q "SELECT s.ref, v.stage, v.entered_on, v.completed_on FROM stage_event v
	      JOIN source_row s ON s.escalation_id = v.escalation_id
	      WHERE s.ref IN ('P-1', 'P-2') ORDER BY s.ref, v.stage")" \
	"canonical: stage 0's event, completed as Stage completion says"
check_ok "check: the new columns pass every check" "$OV" check
{ head -1 good.csv; sed 1d good.csv | sort -r; } >good2.csv
"$OV" load good2.csv >"$T/out" 2>&1
check_eq "good2.csv: read 4, loaded 0, updated 0, unchanged 4, merged 0, rejected 0" "$(cat "$T/out")" \
	"canonical: the same rows again (another order) are unchanged (the digest covers the new columns)"
sed 's/,changed,2025-07-04,n$/,partly,2025-07-04,n/' good.csv >good3.csv
"$OV" load good3.csv >"$T/out" 2>&1
check_eq "good3.csv: read 4, loaded 0, updated 1, unchanged 3, merged 0, rejected 0" "$(cat "$T/out")" \
	"canonical: a changed outcome is an update"
check_eq "partly" "$(q "SELECT e.outcome FROM escalation e JOIN source_row s ON s.escalation_id = e.id
	WHERE s.ref = 'P-1' AND s.superseded_by IS NULL")" "canonical: the update re-derives the escalation"

# --- 3. canonical CSV: the rejection rules -----------------------------------
# Columns: 6 raised_on, 8 stage0_on, 9 stage1_on, 13 outcome, 14
# feedback_on, 15 immediate_risk.
cat >bad.csv <<EOF
$H
B-1,devon,dc-police,devon-cs,D1,2025-07-01,threshold,2025-07-01,2025-07-02,,open,,,,
B-2,perth-kinross,pk-sw,nhs-tayside,C5,2025-07-01,threshold,,2025-07-01,,open,,changed,,
B-3,perth-kinross,pk-sw,nhs-tayside,C6,2025-07-01,threshold,,2025-07-01,,resolved,2025-07-02,,2025-06-30,
B-4,perth-kinross,pk-sw,nhs-tayside,C7,2025-07-01,threshold,,2025-07-01,,resolved,2025-07-02,maybe,,
B-5,perth-kinross,pk-sw,nhs-tayside,C8,2025-07-01,threshold,,2025-07-01,,open,,,,urgent
B-6,perth-kinross,pk-sw,nhs-tayside,C9,2025-07-01,threshold,01/07/2025,2025-07-01,,open,,,,
B-7,perth-kinross,pk-sw,nhs-tayside,C10,2025-07-01,threshold,,2025-07-01,,resolved,2025-07-02,,2025-10-01,
B-8,perth-kinross,pk-sw,nhs-tayside,C11,2025-07-01,threshold,2025-07-05,2025-07-04,,open,,,,
B-9,perth-kinross,pk-sw,nhs-tayside,C12,2025-07-03,threshold,2025-07-02,,,open,,,,
B-10,perth-kinross,pk-sw,nhs-tayside,C13,2025-07-01,threshold,,,,open,,,,
EOF
cat >bad2.csv <<EOF
$H
B-11,perth-kinross,pk-sw,nhs-tayside,C14,2025-07-01,threshold,,2025-07-01,,resolved,2025-07-02,Changed,,
B-12,perth-kinross,pk-sw,nhs-tayside,C15,2025-07-01,threshold,,2025-07-01,,resolved,2025-07-02,,2025-02-30,
EOF
"$OV" load bad.csv >"$T/out" 2>"$T/err"
"$OV" load bad2.csv >>"$T/out" 2>>"$T/err"
check_eq "bad.csv: read 10, loaded 0, updated 0, unchanged 0, merged 0, rejected 10
bad2.csv: read 2, loaded 0, updated 0, unchanged 0, merged 0, rejected 2" "$(cat "$T/out")" \
	"rejects: every bad row quarantined"
while IFS='|' read -r where msg what; do
	check_grep "^$where: $msg\$" "$T/err" "rejects: $what"
done <<'EOF'
bad.csv:2:8|stage0_on: devon's protocol has no step before stage 1 (informal resolution is not recorded for it)|stage0_on for a protocol without a pre_stage
bad.csv:3:13|outcome: 'changed' given on an open escalation (an outcome is recorded once it is resolved)|an outcome on an open row
bad.csv:4:14|feedback_on: 2025-06-30 is before raised_on 2025-07-01|feedback_on before raised_on
bad.csv:5:13|outcome: 'maybe' is not one of changed, partly, upheld|a bad outcome value
bad.csv:6:15|immediate_risk: 'urgent' is not y or n|a bad immediate_risk
bad.csv:7:8|stage0_on: "01/07/2025" is not a date (YYYY-MM-DD)|a malformed stage0_on
bad.csv:8:14|feedback_on: 2025-10-01 is in the future|a future feedback_on
bad.csv:9:9|stage1_on: 2025-07-04 is before stage0_on 2025-07-05|stage dates decrease from stage 0
bad.csv:10:6|raised_on: 2025-07-03 is after the first stage date (stage0_on 2025-07-02)|raised_on after stage0_on
bad.csv:11:9|stage1_on: no stage date given (at least one stage, or stage0_on, is required)|no stage at all names stage0_on where the protocol has it
bad2.csv:2:13|outcome: 'Changed' is not one of changed, partly, upheld; did you mean 'changed'?|an outcome in another case
bad2.csv:3:14|feedback_on: 2025-02-30 is not a real date|an impossible feedback_on
EOF
check_eq "12" "$(q "SELECT count(*) FROM reject r JOIN load l ON l.id = r.load_id WHERE l.file LIKE 'bad%.csv'")" \
	"rejects: quarantined with their reasons"
check_eq "outcome" "$(q "SELECT r.field FROM reject r JOIN load l ON l.id = r.load_id
	WHERE l.file = 'bad.csv' AND r.line = 3")" "rejects: the field is recorded"

# --- 3b. two agencies' rows of one escalation (DESIGN.md "Reconciliation") ---
# M-1 / M-2: the same case, pair and within 3 working days: one escalation.
# The earliest dates stand (stage0_on 07-01 from M-1; feedback_on: the
# earliest told, 07-07 from M-2 where M-1 has none); immediate risk when
# either says so; the closure M-2 recorded stands, and with it its outcome.
# M-3 / M-4: both closed, with different outcomes: the later closure (M-4,
# 07-09) stands with its outcome, and the other is listed as a conflict.
cat >merge.csv <<EOF
$H
M-1,perth-kinross,pk-sw,nhs-tayside,C90,2025-07-01,plan,2025-07-01,2025-07-02,,open,,,,y
M-2,perth-kinross,nhs-tayside,pk-sw,C90,2025-07-02,plan,,2025-07-03,,resolved,2025-07-04,upheld,2025-07-07,n
M-3,perth-kinross,pk-sw,education,C91,2025-07-01,plan,,2025-07-01,,resolved,2025-07-08,changed,2025-07-10,
M-4,perth-kinross,education,pk-sw,C91,2025-07-01,plan,,2025-07-01,,resolved,2025-07-09,partly,2025-07-09,
EOF
check_ok "merge: loads" "$OV" load merge.csv
check_eq "2|2025-07-01|2025-07-01|2025-07-02|resolved|2025-07-04|upheld|2025-07-07|1" \
	"$(q "SELECT e.n_sources, e.raised_on, e.stage0_on, e.stage1_on, e.status, e.closed_on, e.outcome,
	      e.feedback_on, e.immediate_risk FROM escalation e JOIN source_row s ON s.escalation_id = e.id
	      WHERE s.ref = 'M-1'")" \
	"merge: earliest dates, either's immediate risk, the outcome of the closure that stands"
check_eq "2|2025-07-09|partly|2025-07-09" \
	"$(q "SELECT e.n_sources, e.closed_on, e.outcome, e.feedback_on FROM escalation e
	      JOIN source_row s ON s.escalation_id = e.id WHERE s.ref = 'M-3'")" \
	"merge: two closures: the later stands with its outcome; the earliest feedback"
check_eq "" "$(q "SELECT c.field FROM conflict c JOIN source_row s ON s.escalation_id = c.escalation_id
	WHERE s.ref = 'M-1' AND c.field IN ('stage0_on', 'outcome', 'feedback_on')")" \
	"merge: a source that records no stage 0, outcome or feedback does not disagree"
check_eq "partly|changed" "$(q "SELECT c.kept || '|' || c.other FROM conflict c JOIN source_row s
	ON s.escalation_id = c.escalation_id WHERE s.ref = 'M-3' AND c.field = 'outcome'")" \
	"merge: the other outcome is a conflict for oversight check"

# --- 4. a profile's CSV: its own columns, words and date format --------------
mkdir profiles
cat >profiles/pk-wide.json <<'EOF'
{"format": "oversight-profile/1", "source": {"partnership": "perth-kinross", "agency": "pk-sw"},
 "shape": "wide",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Case": "case_ref",
   "Raised": "raised_on", "Theme": "theme", "Informal": "stage0_on", "S1": "stage1_on",
   "Status": "status", "Closed": "closed_on", "Result": "outcome", "Told": "feedback_on",
   "Risk": "immediate_risk"},
 "dates": {"*": "%d/%m/%Y"},
 "values": {"outcome": {"Plan changed": "changed", "Partly changed": "partly", "No change": "upheld"}}}
EOF
# Columns: 7 Informal, 8 S1, 11 Result, 12 Told, 13 Risk.
cat >wide.csv <<'EOF'
Ref,By,With,Case,Raised,Theme,Informal,S1,Status,Closed,Result,Told,Risk
W-1,pk-sw,nhs-tayside,C21,01/07/2025,threshold,01/07/2025,,resolved,02/07/2025,Plan changed,03/07/2025,yes
W-2,pk-sw,nhs-tayside,C22,01/07/2025,threshold,,01/07/2025,resolved,02/07/2025,Sorted,,no
W-3,pk-sw,nhs-tayside,C23,01/07/2025,threshold,,01/07/2025,resolved,02/07/2025,,31/06/2025,no
W-4,pk-sw,nhs-tayside,C24,01/07/2025,threshold,,01/07/2025,open,,No change,,no
W-5,pk-sw,nhs-tayside,C25,01/07/2025,threshold,,01/07/2025,resolved,02/07/2025,Partly changed,,perhaps
EOF
"$OV" load --profile profiles/pk-wide.json wide.csv >"$T/out" 2>"$T/err"
check_eq "wide.csv: read 5, loaded 1, updated 0, unchanged 0, merged 0, rejected 4" "$(cat "$T/out")" \
	"profile: one row loaded, four quarantined"
check_eq "2025-07-01||changed|2025-07-03|1|0" \
	"$(q "SELECT e.stage0_on, e.stage1_on, e.outcome, e.feedback_on, e.immediate_risk, e.top_stage FROM escalation e
	      JOIN source_row s ON s.escalation_id = e.id WHERE s.ref = 'W-1'")" \
	"profile: the agency's own outcome word through its value map; its date format"
while IFS='|' read -r where msg what; do
	check_grep "^$where: $msg\$" "$T/err" "profile: $what"
done <<'EOF'
wide.csv:3:11|Result (outcome): 'Sorted' is not a code of the profile's values.outcome|an outcome word the map lacks
wide.csv:4:12|Told (feedback_on): "31/06/2025" is not a date (%d/%m/%Y)|a feedback date that is no day
wide.csv:5:11|Result (outcome): 'upheld' given on an open escalation (an outcome is recorded once it is resolved)|an outcome on an open row
wide.csv:6:13|Risk (immediate_risk): 'perhaps' is not a yes/no spelling of the profile (yes: Yes, ..., no: No, ...)|immediate_risk that is no yes/no
EOF

# --- 5. long rows: stage 0 as a stage event ----------------------------------
cat >profiles/pk-long.json <<'EOF'
{"format": "oversight-profile/1", "source": {"partnership": "perth-kinross", "agency": "pk-sw"},
 "shape": "long",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Raised": "raised_on",
   "Theme": "theme", "Result": "outcome"},
 "stages": {"stage": "Stage", "date": "Date"},
 "dates": {"*": "%d/%m/%Y"},
 "values": {"stage": {"Talked": 0, "Manager": 1}, "status": {"Agreed": "resolved"}}}
EOF
sed 's/"perth-kinross"/"devon"/; s/"pk-sw"/"dc-police"/' profiles/pk-long.json >profiles/devon-long.json
cat >long.csv <<'EOF'
Ref,By,With,Raised,Theme,Stage,Date,Result
L-1,pk-sw,nhs-tayside,01/07/2025,threshold,Talked,01/07/2025,
L-1,pk-sw,nhs-tayside,01/07/2025,threshold,Agreed,03/07/2025,changed
L-2,pk-sw,nhs-tayside,01/07/2025,threshold,Manager,02/07/2025,
L-2,pk-sw,nhs-tayside,01/07/2025,threshold,Talked,03/07/2025,
EOF
"$OV" load --profile profiles/pk-long.json long.csv >"$T/out" 2>"$T/err"
check_eq "long.csv: read 2, loaded 1, updated 0, unchanged 0, merged 0, rejected 1" "$(cat "$T/out")" \
	"long: L-1 loaded, L-2 quarantined"
check_eq "2025-07-01|0|resolved|2025-07-03|changed" \
	"$(q "SELECT e.stage0_on, e.top_stage, e.status, e.closed_on, e.outcome FROM escalation e
	      JOIN source_row s ON s.escalation_id = e.id WHERE s.ref = 'L-1'")" \
	"long: a stage code mapped to 0 is stage0_on; resolved at it"
# L-2: stage 0 on 03/07 after stage 1 on 02/07 (stage dates decrease); the
# group's first line is 4, the stage 1 value came from it.
check_grep "^long.csv:4:7: Date (stage1_on): 2025-07-02 is before stage0_on 2025-07-03\$" "$T/err" \
	"long: stage 0 after stage 1 is refused"
cat >devlong.csv <<'EOF'
Ref,By,With,Raised,Theme,Stage,Date,Result
DL-1,dc-police,devon-cs,01/07/2025,threshold,Talked,01/07/2025,
EOF
"$OV" load --profile profiles/devon-long.json devlong.csv >"$T/out" 2>"$T/err"
check_grep "^devlong.csv:2:7: Date (stage0_on): devon's protocol has no step before stage 1" "$T/err" \
	"long: stage 0 for a protocol without a pre_stage is refused"

# --- 6. JSON records ---------------------------------------------------------
cat >profiles/pk-json.json <<'EOF'
{"format": "oversight-profile/1", "source": {"partnership": "perth-kinross", "agency": "nhs-tayside"},
 "shape": "json", "records": "items",
 "columns": {"id": "ref", "from": "raised_by", "to": "raised_with", "opened": "raised_on",
   "topic": "theme", "status": "status", "closed": "closed_on", "result": "outcome",
   "told": "feedback_on", "urgent": "immediate_risk"},
 "stages": {"path": "history", "stage": "step", "date": "at"}}
EOF
cat >recs.json <<'EOF'
{"items": [
 {"id": "J-1", "from": "nhs-tayside", "to": "pk-sw", "opened": "2025-07-01", "topic": "plan",
  "history": [{"step": 0, "at": "2025-07-01"}, {"step": 1, "at": "2025-07-02"}],
  "status": "resolved", "closed": "2025-07-04", "result": "partly", "told": "2025-07-07", "urgent": true},
 {"id": "J-2", "from": "nhs-tayside", "to": "pk-sw", "opened": "2025-07-01", "topic": "plan",
  "history": [{"step": 1, "at": "2025-07-02"}],
  "status": "resolved", "closed": "2025-07-04", "result": "reversed"}
]}
EOF
"$OV" load --profile profiles/pk-json.json recs.json >"$T/out" 2>"$T/err"
check_eq "recs.json: read 2, loaded 1, updated 0, unchanged 0, merged 0, rejected 1" "$(cat "$T/out")" \
	"json: J-1 loaded, J-2 quarantined"
check_eq "2025-07-01|2025-07-02|partly|2025-07-07|1" \
	"$(q "SELECT e.stage0_on, e.stage1_on, e.outcome, e.feedback_on, e.immediate_risk FROM escalation e
	      JOIN source_row s ON s.escalation_id = e.id WHERE s.ref = 'J-1'")" \
	"json: step 0 is stage0_on; outcome, feedback, true as immediate risk"
check_grep "^recs.json:2: items\[1\].result (outcome): 'reversed' is not one of changed, partly, upheld\$" \
	"$T/err" "json: a bad outcome names the record and the path"

# --- 7. a workbook -----------------------------------------------------------
printf '%s\n%s\n' "$H" \
	"X-1,perth-kinross,pk-sw,nhs-tayside,C31,2025-07-01,threshold,,2025-07-01,,open,,partly,," >book.csv
python3 - book.csv book.xlsx <<'PY'
import csv, sys, zipfile
from xml.sax.saxutils import escape
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
x = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
for n, r in enumerate(rows, 1):
    x.append('<row r="%d">' % n)
    for i, v in enumerate(r):
        if v != "":
            x.append('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col(i), n, escape(v)))
    x.append('</row>')
x.append('</sheetData></worksheet>')
M = "http://schemas.openxmlformats.org/"
z = zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="' + M + 'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="' + M + 'package/2006/relationships"><Relationship Id="rId1" Type="' + M + 'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="' + M + 'spreadsheetml/2006/main" xmlns:r="' + M + 'officeDocument/2006/relationships"><sheets><sheet name="Log" sheetId="1" r:id="rId1"/></sheets></workbook>')
z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="' + M + 'package/2006/relationships"><Relationship Id="rId1" Type="' + M + 'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
z.writestr("xl/worksheets/sheet1.xml", "".join(x))
z.close()
PY
"$OV" load book.xlsx >"$T/out" 2>"$T/err"
check_eq "book.xlsx: read 1, loaded 0, updated 0, unchanged 0, merged 0, rejected 1" "$(cat "$T/out")" \
	"workbook: the row quarantined"
check_grep "^book.xlsx:Log!M2: outcome: 'partly' given on an open escalation" "$T/err" \
	"workbook: the message names the sheet and the cell (M: the 13th column, outcome)"

finish
