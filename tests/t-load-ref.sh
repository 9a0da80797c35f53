#!/bin/sh
# t-load-ref.sh - the activity profile (denominators for signals), and
# "oversight init" around loading: run twice, a sixth partnership from a
# definition file, local targets and the deadlines they give.
#
# Deadlines were counted by hand (England, 2025): Fri 22 Aug, Sat 23,
# Sun 24, Mon 25 bank holiday, then Tue 26, Wed 27, Thu 28, Fri 29,
# Mon 1 Sep, Tue 2, Wed 3, Thu 4, Fri 5, Mon 8, Tue 9, Wed 10, Thu 11.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-09-30
W=$OVERSIGHT_WAREHOUSE

H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme

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
q() { sqlite3 "$W" "$1"; }
counts() {
	printf '{"file": "%s", "read": %s, "loaded": %s, "updated": %s, "unchanged": %s, "merged": %s, "rejected": %s}' \
		"$1" "$2" "$3" "$4" "$5" "$6" "$7"
}
last_load() { q "SELECT max(id) FROM load"; }
# due REF STAGE: the due date of a stage of the escalation of a source row.
due() {
	q "SELECT coalesce(due_on, 'none') FROM stage_event WHERE stage = $2 AND escalation_id =
		(SELECT escalation_id FROM source_row WHERE ref = '$1' AND superseded_by IS NULL)"
}
everything() {
	q "SELECT (SELECT count(*) FROM load), (SELECT count(*) FROM source_row),
		(SELECT count(*) FROM reject), (SELECT count(*) FROM escalation),
		(SELECT count(*) FROM stage_event), (SELECT count(*) FROM activity),
		(SELECT count(*) FROM partnership), (SELECT count(*) FROM agency),
		(SELECT group_concat(partnership || stage || kind || days || source) FROM timescale),
		(SELECT count(*) FROM stage_event WHERE due_on IS NOT NULL)"
}

check_ok "init" "$OV" init

# --- 7. the activity profile ---
cat >"$T/act.csv" <<'EOF'
partnership,agency,quarter,measure,value
devon,dc-police,2025-Q3,referrals,812
devon,education,2025-Q3,referrals,900
devon,nhs-devon,2025-Q3,referrals,-5
devon,iru,2025-Q3,referrals,12a
devon,devon-cs,2025-Q5,referrals,10
devon,dc-polise,2025-Q3,referrals,10
devon,devon-cs,2025-Q3,referrals,
wessex,devon-cs,2025-Q3,referrals,10
devon,devon-cs,2025-Q3,referrals,1.5
devon,iru,2025-Q3,conferences,0
EOF
"$OV" load --profile activity --json --quiet "$T/act.csv" >"$T/out"
check_eq "0 $(counts "$T/act.csv" 10 3 0 0 0 7)" "$? $(cat "$T/out")" "activity: 3 loaded, 7 rejected"
cat >"$T/want" <<EOF
$T/act.csv:4:5: value: '-5' is negative; activity is a count
$T/act.csv:5:5: value: '12a' is not a whole number
$T/act.csv:6:3: quarter: '2025-Q5' is not a quarter (YYYY-Qn)
$T/act.csv:7:2: agency: unknown agency 'dc-polise' in devon (agencies: devon-cs, dc-police, nhs-devon, education, iru; did you mean 'dc-police'?)
$T/act.csv:8:5: value: required value missing
$T/act.csv:9:1: partnership: unknown partnership 'wessex' (partnerships: devon, dumfries-galloway, gloucestershire, north-east-lincolnshire, perth-kinross)
$T/act.csv:10:5: value: '1.5' is not a whole number
EOF
"$OV" rejects --load "$(last_load)" | grep -v '^    ' >"$T/got"
check_cmp "$T/want" "$T/got" "activity: each reject with its reason"
cat >"$T/want" <<'EOF'
devon|dc-police|2025-Q3|referrals|812
devon|education|2025-Q3|referrals|900
devon|iru|2025-Q3|conferences|0
EOF
q "SELECT partnership, agency, quarter, measure, value FROM activity ORDER BY agency" >"$T/got"
check_cmp "$T/want" "$T/got" "activity: the good rows are stored (0 is a count)"

# Next quarter's file: one value changed, one the same, one new.
cat >"$T/act2.csv" <<'EOF'
partnership,agency,quarter,measure,value
devon,dc-police,2025-Q3,referrals,820
devon,education,2025-Q3,referrals,900
devon,devon-cs,2025-Q3,referrals,300
EOF
"$OV" load --profile activity --json "$T/act2.csv" >"$T/out"
check_eq "$(counts "$T/act2.csv" 3 1 1 1 0 0)" "$(cat "$T/out")" "activity again: 1 loaded, 1 updated, 1 unchanged"
check_eq "820|$(last_load)" "$(q "SELECT value || '|' || load_id FROM activity WHERE agency = 'dc-police'")" \
	"activity: the changed value replaces the old, with its load"
check_eq "4" "$(q "SELECT count(*) FROM activity")" "activity: 4 rows"

# Same bytes as a canonical log are another load: the profile is part of
# what "already loaded" means; as a canonical log the file is refused.
check_exit 1 "an activity file loaded as canonical: refused" "$OV" load "$T/act2.csv"
check_grep "unknown column 'agency'" "$T/.err" "an activity file as canonical: unknown column named"
printf 'partnership,agency,quarter,measure\ndevon,iru,2025-Q3,referrals\n' >"$T/act3.csv"
check_exit 1 "activity file without value column: refused" "$OV" load --profile activity "$T/act3.csv"
check_grep "^oversight: $T/act3.csv:1: required column 'value' missing\$" "$T/.err" "missing activity column named"

# --- 8. init ---
{
	echo "$H"
	row ref=D1 raised_on=2025-08-22 stage1_on=2025-08-22 stage2_on=2025-08-27 stage3_on=2025-09-04 stage5_on=2025-09-10
	row ref=D2 raised_on=2025-08-23 stage1_on=2025-08-26
} >"$T/devon.csv"
check_ok "load devon rows" "$OV" load "$T/devon.csv"
before=$(everything)
check_ok "init again" "$OV" init
check_no_grep "(created)" "$T/.out" "init again: the key is not created again"
check_eq "$before" "$(everything)" "init twice keeps every row (escalations, rows, loads, rejects, activity)"
check_eq "none" "$(due D1 1)" "devon sets no timescale: no due date"

# A sixth partnership from a definition file (protocols/README.md format).
cat >"$T/wessex.json" <<'EOF'
{
  "format": "oversight-partnership/1",
  "id": "wessex",
  "name": "Wessex Safeguarding Partnership",
  "short_name": "WSP",
  "jurisdiction": "england-wales",
  "subjects": ["child", "unborn"],
  "reports_adults_apart": false,
  "protocol": {"title": "Wessex Escalation Protocol (test)", "source": "https://example.org/wessex", "principle": "Resolve at the lowest level."},
  "agencies": [
    {"id": "wx-cs", "name": "Wessex Children's Services"},
    {"id": "wx-police", "name": "Wessex Police"},
    {"id": "wx-health", "name": "Wessex Health"}
  ],
  "stages": [
    {"stage": 1, "name": "Practitioners", "holder": "the practitioners", "tier": 0,
     "timescale": {"kind": "by_working_day", "days": 3, "source": "protocol", "cite": "test: by working day 3"},
     "cite": "section 1"},
    {"stage": 2, "name": "Managers", "holder": "line managers", "tier": 1, "timescale": null, "cite": "section 2"},
    {"stage": 3, "name": "Partnership panel", "holder": "the panel", "tier": 5, "timescale": null, "cite": "section 3"}
  ],
  "timescales_note": "Stage 1 by working day 3; otherwise none.",
  "forums": [
    {"id": "panel", "name": "Wessex Escalation Panel", "stage": 3, "report": "panel", "reports_to": null, "description": "Hears stage 3."}
  ],
  "notes": []
}
EOF
check_ok "init --definition wessex.json" "$OV" init --definition "$T/wessex.json"
check_grep "schema version 10; 6 partnerships, 16 themes, 0 local targets;" "$T/.out" "init: 6 partnerships"
check_eq "england-wales|3|wx-cs,wx-police,wx-health" \
	"$(q "SELECT jurisdiction || '|' || last_stage || '|' || (SELECT group_concat(id) FROM (SELECT id FROM agency WHERE partnership = 'wessex' ORDER BY ord)) FROM partnership WHERE id = 'wessex'")" \
	"wessex: jurisdiction, 3 stages, its agencies"
check_eq "1|by_working_day|3|protocol" "$(q "SELECT stage || '|' || kind || '|' || days || '|' || source FROM timescale WHERE partnership = 'wessex'")" \
	"wessex: one protocol timescale"
{
	echo "$H"
	# Raised on a Saturday before the bank holiday: day 1 is Tue 26 Aug,
	# day 3 Thu 28 Aug.
	row ref=WX1 partnership=wessex raised_by=wx-police raised_with=wx-cs raised_on=2025-08-23 stage1_on=2025-08-26 stage2_on=2025-08-29
	row ref=WX2 partnership=wessex raised_by=wx-police raised_with=wx-cs stage4_on=2025-07-05
	row ref=WX3 partnership=wessex raised_by=dc-police raised_with=wx-cs
} >"$T/wessex.csv"
"$OV" load --json --quiet "$T/wessex.csv" >"$T/out"
check_eq "$(counts "$T/wessex.csv" 3 1 0 0 0 2)" "$(cat "$T/out")" "wessex rows: 1 loaded, 2 rejected"
cat >"$T/want" <<EOF
$T/wessex.csv:3:15: stage4_on: wessex's protocol has 3 stages; there is no stage 4
$T/wessex.csv:4:3: raised_by: unknown agency 'dc-police' in wessex (agencies: wx-cs, wx-police, wx-health; did you mean 'wx-police'?)
EOF
"$OV" rejects --load "$(last_load)" | grep -v '^    ' >"$T/got"
check_cmp "$T/want" "$T/got" "wessex: stage 4 and a devon agency are rejected (dc-police is two edits from wx-police)"
check_eq "2025-08-28" "$(due WX1 1)" "wessex: stage 1 due by working day 3 (Thu 28 Aug)"
check_eq "none" "$(due WX1 2)" "wessex: stage 2 has no timescale"
check_ok "init again without --definition" "$OV" init
check_grep "6 partnerships" "$T/.out" "wessex stays after a plain init"

# A broken definition is refused and changes nothing.
sed 's/"stage": 2,/"stage": 4,/' "$T/wessex.json" >"$T/broken.json"
before=$(everything)
check_exit 1 "a definition with a gap in its stages: refused" "$OV" init --definition "$T/broken.json"
check_grep "broken.json: stages\[1\].stage: 4 where stage 2 was expected" "$T/.err" "the bad stage is named"
check_grep "init failed; the warehouse is unchanged" "$T/.err" "init failed: says so"
check_eq "$before" "$(everything)" "a refused definition changes nothing"

# A local target where the protocol already has a timescale is refused.
cat >"$T/glos-targets.json" <<'EOF'
{"format": "oversight-targets/1", "partnership": "gloucestershire", "description": "test",
 "targets": [{"stage": 1, "kind": "within_of_raising", "days": 3, "reason": "longer"}]}
EOF
check_exit 1 "a target over a protocol timescale: refused" "$OV" init --targets "$T/glos-targets.json"
check_grep "glos-targets.json: targets\[0\]: gloucestershire's protocol already sets a timescale for stage 1; a local target cannot replace it" \
	"$T/.err" "the refusal names the partnership and stage"
check_eq "$before" "$(everything)" "a refused targets file changes nothing"
check_eq "within_of_raising|1|protocol" "$(q "SELECT kind || '|' || days || '|' || source FROM timescale
	WHERE partnership = 'gloucestershire' AND stage = 1")" "gloucestershire keeps its protocol timescale"

# Devon's local targets (fixtures/devon/targets.json): stage 1 within 2
# working days of raising, 2 and 3 within 5 of entry, 4 within 10.
check_ok "init --targets fixtures/devon/targets.json" "$OV" init --targets "$ROOT/fixtures/devon/targets.json"
check_grep "4 local targets" "$T/.out" "init reports 4 local targets"
check_eq "1|within_of_raising|2|local
2|within_of_entry|5|local
3|within_of_entry|5|local
4|within_of_entry|10|local" "$(q "SELECT stage || '|' || kind || '|' || days || '|' || source FROM timescale
	WHERE partnership = 'devon' ORDER BY stage")" "devon: 4 local timescales"
# D1: raised Fri 22 Aug; stage 1 due 2 working days after: Wed 27 Aug.
# Stage 2 entered Wed 27 Aug, due 5 after: Wed 3 Sep.  Stage 3 entered
# Thu 4 Sep: Thu 11 Sep.  Stage 5 has no target.
check_eq "2025-08-27 2025-09-03 2025-09-11 none" "$(due D1 1) $(due D1 2) $(due D1 3) $(due D1 5)" \
	"D1: due dates filled in for an escalation loaded before the targets"
# D2: raised Sat 23 Aug: 2 working days strictly after: Tue 26, Wed 27.
check_eq "2025-08-27" "$(due D2 1)" "D2: raised on a Saturday, stage 1 due Wed 27 Aug"
# Rows loaded after the targets get them too.
{ echo "$H"; row ref=D3 raised_on=2025-09-01 stage1_on=2025-09-01 stage4_on=2025-09-02; } >"$T/devon2.csv"
check_ok "load after the targets" "$OV" load "$T/devon2.csv"
# Stage 4 entered Tue 2 Sep, 10 working days after: Tue 16 Sep.
check_eq "2025-09-03 2025-09-16" "$(due D3 1) $(due D3 4)" "D3: due dates from the targets at load"

# A plain init later keeps the local targets and the deadlines they give.
check_ok "init again without --targets" "$OV" init
check_grep "4 local targets" "$T/.out" "init keeps the 4 local targets"
check_eq "2025-08-27 2025-09-16" "$(due D1 1) $(due D3 4)" "deadlines from local targets survive a re-init"

finish
