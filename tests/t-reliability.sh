#!/bin/sh
# t-reliability.sh - holes found by probing the tool as an attacker and as
# a careless user would, each held closed by the shared routine that
# closes its class:
#   output paths     core/outpath.c  (every path a command writes to)
# Expected messages and figures are worked out from the rules, not copied
# from a run.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-09-30
W=$OVERSIGHT_WAREHOUSE
q() { sqlite3 "$W" "$1"; }
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme
# G REF [CASE]: a good devon row with that ref (and case reference).
G() { printf '%s,devon,dc-police,devon-cs,%s,child,2025-07-01,threshold,case,n,n,2025-07-01,,,,,open,,n,\n' "$1" "${2:-}"; }
{
	echo "$H"
	G R1
	G R2
} >"$T/good.csv"
check_ok "init" "$OV" init
cd "$T" || exit 1

# --- output paths -------------------------------------------------------------
# An empty -o made the paper's path "/board-....md"; an empty --csv, "/...".
for opt in -o --csv; do
	"$OV" report board --partnership devon --quarter 2025-Q3 --no-charts $opt "" >"$T/out" 2>"$T/err"
	check_eq 2 $? "report $opt \"\": exit 2 (usage)"
	check_eq "oversight: $opt: empty path; give the folder to write into" "$(sed -n 1p "$T/err")" \
		"report $opt \"\": the message says what is wrong"
	check_eq "" "$(cat "$T/out")" "report $opt \"\": nothing written"
done
"$OV" report board --partnership devon --quarter 2025-Q3 --no-charts --csv "a/../../b" >"$T/out" 2>"$T/err"
check_eq 2 $? "report --csv climbing out with '..': still exit 2"
check_eq "oversight: --csv: 'a/../../b' climbs out with '..'; give the folder itself" "$(sed -n 1p "$T/err")" \
	"report --csv climbing out with '..': still refused"

finish
