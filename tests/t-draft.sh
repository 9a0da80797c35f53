#!/bin/sh
# t-draft.sh - oversight profile draft: a profile drafted for every fixture
# agency export from its file alone (and --partnership, --agency), compared
# field by field with the profile shipped for it.  The score (fields right /
# fields in the shipped profiles) is printed; the floor asserted is what the
# drafts achieved when this test was written, so a worse guess fails.
. "$(dirname "$0")/lib.sh"

if ! command -v jq >/dev/null 2>&1; then
	echo "not ok 1 - jq is needed to read the JSON (sh tools/deps.sh installs it)"
	exit 1
fi
FLOOR=671 # of 869, measured

check_ok "init" "$OV" init
# Every field of the shipped profile $p the draft (on stdin) has the same:
# shape, encoding, delimiter, records, ref_prefix, each stages key, each
# column, each dropped column, each date field's format, each code.
score='. as $d
| def eff($x; $k): ($x.dates[$k] // $x.dates["*"]);
  [ (["shape", "encoding", "delimiter", "records"][] | select($p[.] != null) | ($d[.] == $p[.])),
    (if $p.source.ref_prefix then ($d.source.ref_prefix == $p.source.ref_prefix) else empty end),
    (($p.stages // {}) | keys[] as $k | ($d.stages[$k]? == $p.stages[$k])),
    ($p.columns | keys[] as $k | ($d.columns[$k] == $p.columns[$k])),
    (($p.drop // [])[] as $x | (($d.drop // []) | index([$x]) != null)),
    ($p.dates | keys[] as $k | (eff($d; $k) == eff($p; $k))),
    (($p.values // {}) | to_entries[] | .key as $m | .value | keys[] as $c
      | ($d.values[$m][$c]? == $p.values[$m][$c]))
  ]
| "\(map(select(.)) | length) \(length)"'

right=0
total=0
for prof in fixtures/*/profiles/*.json; do
	pship=$(jq -r .source.partnership "$prof")
	agency=$(jq -r .source.agency "$prof")
	dir=$(dirname "$(dirname "$prof")")
	file=
	for f in "$dir"/agency-shapes/"$agency".*; do
		[ -f "$f" ] && file=$f
	done
	name=$(basename "$prof" .json)
	if [ -z "$file" ]; then
		_notok "$name: no export for agency $agency"
		continue
	fi
	check_ok "$name: drafted" "$OV" profile draft --partnership "$pship" --agency "$agency" \
		-o "$T/$name.json" "$file"
	jq -e . "$T/$name.json" >/dev/null 2>&1 && _ok "$name: the draft is JSON" ||
		_notok "$name: the draft is JSON"
	[ -s "$T/$name.json" ] || continue
	set -- $(jq -r --slurpfile p "$prof" '$p[0] as $p | '"$score" "$T/$name.json")
	echo "# $name: $1 / $2 fields right"
	right=$((right + $1))
	total=$((total + $2))
done
echo "# profile drafts: $right / $total fields right"
check_eq yes "$([ "$right" -ge "$FLOOR" ] && echo yes || echo no)" \
	"drafts score at least $FLOOR fields right (got $right / $total)"

# A draft is a profile: 'profile check' reads it once the "?" are filled in.
check_ok "draft of the devon police export" "$OV" profile draft --partnership devon \
	--agency dc-police -o "$T/d.json" fixtures/devon/agency-shapes/dc-police.csv
check_grep '"Summary of Discussion"' "$T/d.json" "the narrative column is dropped"
check_grep '"Date Raised": "raised_on"' "$T/d.json" "Date Raised is raised_on"
sed 's/"?"/"other"/' "$T/d.json" >"$T/d2.json"
check_exit 1 "a filled draft checks (one row of the export has a bad date)" \
	"$OV" profile check "$T/d2.json" fixtures/devon/agency-shapes/dc-police.csv
check_grep "195 records, 194 map, 1 cannot be mapped" "$T/.out" "the filled draft maps every other record"

# An Excel workbook drafts from its first sheet: Gloucestershire's police
# log as a workbook (1904 date system, a Notes sheet after the log) holds
# the canonical columns, so each maps to itself, and its date-formatted
# cells arrive as YYYY-MM-DD.
check_ok "draft of a workbook" "$OV" profile draft -o "$T/x.json" fixtures/gloucestershire/xlsx/glos-police.xlsx
check_grep "drafted from sheet 'Escalations'" "$T/.err" "the sheet drafted from is named"
check_grep '"raised_on": "raised_on"' "$T/x.json" "raised_on maps to itself"
check_grep '"stage1_on": "stage1_on"' "$T/x.json" "stage1_on maps to itself"
check_grep '"dates": {"\*": "%Y-%m-%d"}' "$T/x.json" "date cells read as ISO dates"

# The optional columns (docs/log-format.md): the step before stage 1, the
# outcome and its words, the feedback date, immediate risk.  An "Outcome"
# column of outcome words is the outcome; one of statuses ("Agreed",
# "Withdrawn") is the status, as in the fixtures' exports.
cat >"$T/opt.csv" <<'EOF2'
Ref,Date Raised,Raised By,Raised With,Case Number,Theme,Pre-escalation Date,Stage 1 Date,Status,Date Closed,Outcome,Feedback Date,Immediate Risk
H-1,01/07/2025,Health,Children's Services,NL1,Threshold,01/07/2025,02/07/2025,Resolved,08/07/2025,Plan changed,10/07/2025,Yes
H-2,03/07/2025,Health,Children's Services,NL2,Threshold,03/07/2025,,Resolved,04/07/2025,No change,,No
H-3,07/07/2025,Health,Humberside Police,NL3,Plan,,07/07/2025,Resolved,15/07/2025,Partly changed,16/07/2025,No
H-4,09/07/2025,Health,Children's Services,NL4,Plan,,09/07/2025,Open,,,,No
EOF2
check_ok "draft of an export with the optional columns" "$OV" profile draft \
	--partnership north-east-lincolnshire --agency health -o "$T/opt.json" "$T/opt.csv"
check_grep '"Pre-escalation Date": "stage0_on"' "$T/opt.json" "Pre-escalation Date is stage0_on"
check_grep '"Outcome": "outcome"' "$T/opt.json" "Outcome (outcome words) is outcome"
check_grep '"Feedback Date": "feedback_on"' "$T/opt.json" "Feedback Date is feedback_on"
check_grep '"Immediate Risk": "immediate_risk"' "$T/opt.json" "Immediate Risk is immediate_risk"
check_eq "changed upheld partly" \
	"$(jq -r '.values.outcome | [."Plan changed", ."No change", ."Partly changed"] | join(" ")' "$T/opt.json")" \
	"the outcome words guessed: changed, upheld (no change), partly"
check_ok "the draft checks as it is" "$OV" profile check "$T/opt.json" "$T/opt.csv"
check_grep "4 records, 4 map, 0 cannot be mapped" "$T/.out" "every record maps"
# Loaded through it, by hand: resolved in 2025-Q3 H-1 changed, H-3 partly,
# H-2 upheld; H-1 and H-2 entered the step before stage 1; H-1 at
# immediate risk.
export OVERSIGHT_TODAY=2025-10-31
check_ok "loaded through the draft" "$OV" load --profile "$T/opt.json" --exported 2025-10-01 "$T/opt.csv"
"$OV" metrics --partnership north-east-lincolnshire --quarter 2025-Q3 --json >"$T/opt.m.json"
check_eq "1 1 1 0 2 1" "$(jq -r '[.outcome.changed, .outcome.partly, .outcome.upheld,
	.outcome.not_recorded, .entered_informally, .immediate_risk.n] | map(tostring) | join(" ")' "$T/opt.m.json")" \
	"outcomes 1 changed, 1 partly, 1 upheld; 2 entered informally; 1 at immediate risk"
printf 'Ref,Date Raised,Outcome\nA-1,01/07/2025,Agreed\nA-2,02/07/2025,Withdrawn\nA-3,03/07/2025,Open\n' >"$T/st.csv"
check_ok "draft of an export whose Outcome holds statuses" "$OV" profile draft -o "$T/st.json" "$T/st.csv"
check_grep '"Outcome": "status"' "$T/st.json" "an Outcome of statuses is the status"

# Undecided things go to stderr; a file with nothing to draft from fails.
printf 'Foo,Bar\n1,2\n' >"$T/odd.csv"
check_ok "an odd export still drafts" "$OV" profile draft "$T/odd.csv"
check_grep "^draft: column 'Foo': no canonical field found" "$T/.err" "an unknown column is named"
check_grep "^draft: no column looks like the date raised" "$T/.err" "a missing raised_on is named"
printf 'A,B\n' >"$T/empty.csv"
check_exit 1 "an export without rows: exit 1" "$OV" profile draft "$T/empty.csv"
check_exit 2 "an unknown partnership: exit 2" "$OV" profile draft --partnership nowhere "$T/odd.csv"
finish
