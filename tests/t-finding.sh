#!/bin/sh
# t-finding.sh - finding things: oversight pseudonym (an agency's ref to the
# short reference papers show, and back, never a case reference), and the
# valid ids and "did you mean" in the messages about unknown ids and values.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2026-09-30
check_ok "init" "$OV" init
check_ok "load the devon police export" "$OV" load --profile fixtures/devon/profiles/dc-police-wide.json \
	fixtures/devon/agency-shapes/dc-police.csv

check_ok "pseudonym of a ref" "$OV" pseudonym --partnership devon DCP-24-0002
p=$(cat "$T/.out")
check_eq "$p" "$(sqlite3 "$OVERSIGHT_WAREHOUSE" "SELECT e.pseudo FROM escalation e JOIN source_row s
	ON s.escalation_id = e.id WHERE s.ref = 'DCP-24-0002' AND s.superseded_by IS NULL")" \
	"it is the escalation's short reference"
check_grep '^E[0-9A-F]\{7\}$' "$T/.out" "it looks like a paper's reference"
check_ok "the refs of an escalation" "$OV" pseudonym --escalation "$p"
check_grep "^devon $p\$" "$T/.out" "the escalation is named"
check_grep "^  DCP-24-0002 .*raised by dc-police" "$T/.out" "with the agency's own ref"
check_no_grep "CS927239\|cs 927" "$T/.out" "no case reference is shown"
check_exit 1 "a ref not held: exit 1" "$OV" pseudonym --partnership devon NOPE-1
check_grep "devon: no current row with ref 'NOPE-1' in the warehouse" "$T/.err" "a ref not held is said"
check_exit 1 "an escalation not held: exit 1" "$OV" pseudonym --escalation E0000000
check_exit 2 "no partnership: usage" "$OV" pseudonym DCP-24-0002

H=ref,partnership,raised_by,raised_with,raised_on,theme,status,stage1_on,subject
printf '%s\n%s\n%s\n%s\n' "$H" \
	"F1,devon,police,devon-cs,2025-01-01,threshold,open,2025-01-01," \
	"F2,devn,dc-police,devon-cs,2025-01-01,threshold,open,2025-01-01," \
	"F3,devon,dc-police,devon-cs,2025-01-01,threshold,Open,2025-01-01," >"$T/f.csv"
printf '%s\n' "F4,devon,dc-police,devon-cs,2025-01-01,threshold,open,2025-01-01,Child" >>"$T/f.csv"
check_ok "load rows with unknown ids and values" "$OV" load "$T/f.csv"
"$OV" rejects >"$T/rej"
check_grep "raised_by: unknown agency 'police' in devon (agencies: devon-cs, dc-police, nhs-devon, education, iru; did you mean 'dc-police'?)" \
	"$T/rej" "an unknown agency: the valid ids and the nearest"
check_grep "partnership: unknown partnership 'devn' (partnerships: devon, dumfries-galloway, gloucestershire, north-east-lincolnshire, perth-kinross; did you mean 'devon'?)" \
	"$T/rej" "an unknown partnership: the valid ids and the nearest"
check_grep "status: 'Open' is not one of open, resolved, withdrawn; did you mean 'open'?" \
	"$T/rej" "a status in the wrong case: did you mean"
check_grep "subject: 'Child' is not one of child, unborn, adult, none; did you mean 'child'?" \
	"$T/rej" "a subject in the wrong case: did you mean"

# Outside the loader too.
check_exit 2 "signals: an unknown partnership" "$OV" signals --partnership devn --quarter 2025-Q3
check_grep "^oversight: unknown partnership 'devn' (partnerships: devon, dumfries-galloway, gloucestershire, north-east-lincolnshire, perth-kinross; did you mean 'devon'?)\$" \
	"$T/.err" "signals: the valid ids and the nearest"
check_exit 2 "profile draft: an unknown partnership" "$OV" profile draft --partnership Devon \
	fixtures/devon/agency-shapes/dc-police.csv
check_grep "did you mean 'devon'?)\$" "$T/.err" "profile draft: the nearest"
finish
