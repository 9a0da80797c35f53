#!/bin/sh
# t-twin.sh - a report reads on two connections at once (core/wh.h
# wh_read_begin(), report/metrics.c compute()): the same figures as on one.
#
# metrics_compute() reads the comparison periods, overdue and the outcomes
# on a second connection, in a second thread, while the first reads the
# rest; OVERSIGHT_THREADS=1 reads everything on one.  Checked here:
#   - the second connection is opened and read (the per-statement profile
#     counts two read transactions begun, one with OVERSIGHT_THREADS=1, and
#     one for `agencies`, which reads none of those figures), and shares
#     the first's calendar (read once);
#   - `metrics --json` is byte for byte the same both ways, for every
#     partnership, over several quarters, for the subjects apart (North
#     East Lincolnshire's children and adults: the second connection counts
#     within the first's restriction), with the outcomes columns filled;
#   - `signals --json` and the board paper (markdown) are the same both ways.
# (t-concurrency.sh checks that a run's two connections read one snapshot
# while a load commits.)
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2026-09-30 # the generator's last date
cd "$T" || exit 1
gen_rows 4000
check_ok "init" "$OV" init
check_ok "load 4,000 generated rows" "$OV" load --quiet "$T/scale-4000.csv"

# North East Lincolnshire rows with the outcome columns (the step before
# stage 1, outcome, feedback, immediate risk), children and adults.
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,stage0_on,stage1_on,stage2_on,status,closed_on,outcome,feedback_on,immediate_risk
cat >nel.csv <<EOF
$H
T-1,north-east-lincolnshire,health,nel-cs,K1,child,2026-07-21,threshold,2026-07-21,,,resolved,2026-07-27,changed,2026-07-29,n
T-2,north-east-lincolnshire,nel-cs,humberside-police,K1,child,2026-07-22,plan,,2026-07-22,2026-07-26,resolved,2026-07-28,partly,2026-07-28,y
T-3,north-east-lincolnshire,humberside-police,nel-cs,K2,adult,2026-07-23,plan,,2026-07-26,,open,,,,y
T-4,north-east-lincolnshire,health,nel-cs,K3,adult,2026-08-02,assessment,,2026-08-02,,resolved,2026-08-04,upheld,2026-08-08,
T-5,north-east-lincolnshire,education,nel-cs,K4,child,2026-08-03,threshold,2026-08-03,,,withdrawn,2026-08-05,,,
T-6,north-east-lincolnshire,health,nel-cs,K3,adult,2025-11-04,assessment,,2025-11-04,,resolved,2025-11-06,,,
EOF
check_ok "load the outcome rows" "$OV" load --quiet nel.csv

opened() { OVERSIGHT_PROFILE=1 "$@" 2>&1 >/dev/null | sed -n 's/^| read_begin | \([0-9]*\) |.*/\1/p'; }
check_eq 2 "$(opened "$OV" metrics --partnership devon --quarter 2026-Q3 --json)" \
	"metrics begins a read transaction on each of two connections"
check_eq 1 "$(OVERSIGHT_THREADS=1 opened "$OV" metrics --partnership devon --quarter 2026-Q3 --json)" \
	"OVERSIGHT_THREADS=1: one connection"
check_eq 1 "$(opened "$OV" agencies --partnership devon)" \
	"agencies, which computes none of metrics' figures: one connection"
# Both connections count working days (the first: resolution; the second:
# time in stage); the two read one snapshot, so one reads the calendar
# and the other uses what it read.
calendars() { OVERSIGHT_PROFILE=1 "$@" 2>&1 >/dev/null | sed -n 's/^| calendar_days | \([0-9]*\) |.*/\1/p'; }
check_eq 1 "$(calendars "$OV" metrics --partnership devon --quarter 2026-Q3 --json)" \
	"two connections read the calendar once"

# same_both_ways NAME CMD...: CMD's standard output with the second
# connection and without it.
same_both_ways() {
	name=$1; shift
	"$@" >"$T/two.out" 2>"$T/two.err"
	rc2=$?
	OVERSIGHT_THREADS=1 "$@" >"$T/one.out" 2>"$T/one.err"
	rc1=$?
	if [ $rc2 -ne 0 ] || [ $rc1 -ne 0 ]; then
		_notok "$name: exits $rc2 on two connections, $rc1 on one"
		sed 's/^/#   /' "$T/two.err" "$T/one.err"
	elif [ ! -s "$T/one.out" ]; then
		_notok "$name: wrote nothing"
	else
		check_cmp "$T/one.out" "$T/two.out" "$name: the same on two connections as on one"
	fi
}

for p in devon gloucestershire perth-kinross dumfries-galloway north-east-lincolnshire; do
	for q in 2026-Q3 2025-Q4 2023-Q1; do
		same_both_ways "metrics $p $q" "$OV" metrics --partnership "$p" --quarter "$q" --json
	done
done
# The outcomes compared are not all nought: resolved in 2026-Q3, children
# T-1 changed and T-2 partly; adults T-4 upheld.
outcome() { tr -d ' \t\n' <"$T/two.out" | sed -n 's/.*"outcome":{"recorded":\([0-9]*\),"changed":\([0-9]*\),"partly":\([0-9]*\),"upheld":\([0-9]*\).*/\1 \2 \3 \4/p'; }
same_both_ways "metrics north-east-lincolnshire 2026-Q3 --subject children" \
	"$OV" metrics --partnership north-east-lincolnshire --quarter 2026-Q3 --subject children --json
check_eq "2 1 1 0" "$(outcome)" "children: outcomes recorded 2, changed 1, partly 1, upheld 0"
same_both_ways "metrics north-east-lincolnshire 2026-Q3 --subject adults" \
	"$OV" metrics --partnership north-east-lincolnshire --quarter 2026-Q3 --subject adults --json
check_eq "1 0 0 1" "$(outcome)" "adults: outcomes recorded 1, upheld 1"
same_both_ways "metrics for every partnership" "$OV" metrics --partnership all --quarter 2026-Q3 --json
same_both_ways "signals devon" "$OV" signals --partnership devon --quarter 2026-Q3 --allow-incomplete --json
rm -rf "$T/p2" "$T/p1"
"$OV" report board --partnership north-east-lincolnshire --quarter 2026-Q3 --no-charts \
	--allow-incomplete -o "$T/p2" >/dev/null 2>&1
OVERSIGHT_THREADS=1 "$OV" report board --partnership north-east-lincolnshire --quarter 2026-Q3 \
	--no-charts --allow-incomplete -o "$T/p1" >/dev/null 2>&1
check_cmp "$T/p1/board-north-east-lincolnshire-2026-Q3.md" "$T/p2/board-north-east-lincolnshire-2026-Q3.md" \
	"the board paper: the same on two connections as on one"

finish
