#!/bin/sh
# t-paper-signals.sh - the strongest signals in every paper: the funnel of
# the four quarters ending with the period beside the period's, with each
# agency's level in both; and each rule of the monthly chart with the
# months it covers and its direction, a signal before the last six months
# told as past.
#
# Every expected figure is worked out BY HAND in the comment beside it.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2026-12-31
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme
P=north-east-lincolnshire

# ===========================================================================
# 1. The four-quarter funnel: North East Lincolnshire, 2025-Q3
# ===========================================================================
# The data set of t-signals.sh: 60 rows raised in Q3, row i (0..59) on
# 2025-(7 + i%3)-(1 + i/3): i 0..51 Children's Services (nel-cs), 52..58
# Humberside Police, 59 Health; one more by Focus on 2025-05-15.
{
	echo "$H"
	i=0
	while [ $i -lt 60 ]; do
		if [ $i -lt 52 ]; then by=nel-cs; if [ $((i % 2)) -eq 0 ]; then with=education; else with=health; fi
		elif [ $i -lt 59 ]; then by=humberside-police; with=nel-cs
		else by=health; with=nel-cs; fi
		d=$(printf '2025-%02d-%02d' $((7 + i % 3)) $((1 + i / 3)))
		echo "H-$i,$P,$by,$with,,child,$d,threshold,case,n,n,$d,,,,,resolved,$d,n,"
		i=$((i + 1))
	done
	echo "H-F,$P,focus,nel-cs,,adult,2025-05-15,threshold,case,n,n,2025-05-15,,,,,resolved,2025-05-15,n,"
} >"$T/hand.csv"
cat >"$T/activity.csv" <<EOF
partnership,agency,quarter,measure,value
$P,nel-cs,2025-Q3,referrals,1000
$P,humberside-police,2025-Q3,referrals,500
$P,health,2025-Q3,referrals,400
$P,education,2025-Q3,referrals,100
$P,health,2025-Q2,referrals,600
EOF
check_ok "nel: init" "$OV" init
check_ok "nel: load" "$OV" load --quiet --shared "$T/hand.csv"
check_ok "nel: load the activity" "$OV" load --quiet --profile activity "$T/activity.csv"
check_ok "nel: board paper" "$OV" report board --partnership $P --quarter 2025-Q3 --no-charts -o "$T/nel"
N=$T/nel/board-$P-2025-Q3.md
# The period (2025-Q3): p = 60 / 2000 = 0.03; Humberside Police 7 raised
# against 15 expected, ppois(7, 15) = 0.018 < 0.025: watch; Health 1
# against 12, ppois(1, 12) = 13 e^-12 = 7.99e-05 < 0.001: alert.
check_grep '^| Humberside Police | 7 | 500 | 15.0 | 0.018 | watch: fewer than expected |$' "$N" \
	"nel: the period's funnel, police at watch"
# The four quarters 2024-10-01 .. 2025-09-30: Health's activity 400 + 600
# = 1000; raised 52, 7, 1, 0 (Focus has no activity); p = 60 / 2600.
#   Children's Services e = 1000 x 60/2600 = 23.08 -> "23.1"; p low
#     ppois(52, 23.08) = 1.00; p high 1.586e-07 < 0.025: unusually high
#   Humberside Police e = 11.54 -> "11.5"; ppois(7, 11.54) = 0.1117 ->
#     "0.112": none (it was watch in the quarter)
#   Health e = 23.08; e^-23.077 x 24.077 = 2.288e-09 -> "2.29e-09": alert
#   Education e = 2.308 -> "2.3"; e^-2.3077 = 0.09949 -> "0.0995": none
check_grep '^### Escalations against activity, four quarters$' "$N" "nel: the four-quarter funnel is in the paper"
check_grep 'over the four quarters 1 October 2024 to 30 September 2025' "$N" "nel: its four quarters named"
check_grep '^| Children.s Services | 52 | 1000 | 23.1 | 1 | unusually high |$' "$N" \
	"nel four quarters: Children's Services unusually high"
check_grep '^| Humberside Police | 7 | 500 | 11.5 | 0.112 | none |$' "$N" \
	"nel four quarters: Humberside Police none (watch in the quarter)"
check_grep '^| Health | 1 | 1000 | 23.1 | 2.29e-09 | alert: far fewer than expected |$' "$N" \
	"nel four quarters: Health alert, over 1000 referrals"
check_grep '^| Early Years, Schools and Academies | 0 | 100 | 2.3 | 0.0995 | none |$' "$N" \
	"nel four quarters: Education none"
check_grep '^- \*\*Health\*\* raised 1 escalation against 23.1 expected from its activity (1000 referrals) over the four quarters: level \*alert\* (p = 2.29e-09).$' \
	"$N" "nel four quarters: Health's line says over the four quarters"
# Children's Services unusually high beside Health at alert: the note on
# the pooled rate follows the table.
check_grep "^The partnership's rate pools every agency, the low ones too" "$N" \
	"nel: unusually high beside an agency at alert is explained"
# Monthly chart (t-signals.sh's working): May 2025 .. Sep 2025 = 1, 0, 20,
# 20, 20; mean 12.2, limits 11.31 .. 13.09.  beyond-limits: May and June
# below, July to September above; two-of-three-high: July to September.
# In metrics --json: beyond-limits low May-June (2 months) and high
# July-September (3), two-of-three-high July-September (3), all recent.
if command -v jq >/dev/null 2>&1; then
	"$OV" metrics --json --partnership $P --quarter 2025-Q3 >"$T/nel.json"
	check_eq '["beyond-limits low 2025-05 2025-06 2 true","beyond-limits high 2025-07 2025-09 3 true","two-of-three-high high 2025-07 2025-09 3 true"]' \
		"$(jq -c '[.spc.signals[] | "\(.rule) \(.direction) \(.from) \(.to) \(.months) \(.recent)"]' "$T/nel.json")" \
		"nel: metrics --json spc.signals, each way apart"
fi
# All five months are within the last six: news.  Two months below the
# limit are not a shift down (no run, trend or two-of-three low).
check_grep 'Signals in the last 6 months: 2 months below the lower process limit, May to June 2025; 3 months above the upper process limit, July to September 2025; 3 months close to or beyond the upper process limit, July to September 2025\.$' \
	"$N" "nel: each SPC rule with its months and direction"

# ===========================================================================
# 2. Monthly chart: a run below the average in the last months
# ===========================================================================
# Devon, 2026-Q3; the 24 months Oct 2024 .. Sep 2026: 10, 12, 10, 12 ...
# for 16 months (Oct 2024 .. Jan 2026), then 8, 9, 8, 9 ... for 8 months
# (Feb .. Sep 2026).  Mean 244 / 24 = 10.1667; moving ranges 15 of 2, one
# of 4, 7 of 1: AMR 41 / 23 = 1.7826 (none >= 5.82); limits 10.1667 -+
# 4.7417 = 5.4 .. 14.9; the 10s are below the mean but each between two
# 12s; the last 8 months (8, 9 < 10.17) are a run below: run-below,
# February to September 2026, within the last six months (April ..
# September).  Near line 10.1667 - 1.773 x 1.7826 = 7.006: no 8 is below
# it, so no two-of-three-low; no trend; nothing beyond the limits.
# spc_log FILE COUNTS: raised by Devon children's services, k escalations
# on days 1..k of each month, k the next of the 24 COUNTS.
spc_log() {
	echo "ref,partnership,raised_by,raised_with,raised_on,theme,stage1_on,status,closed_on" >"$1"
	i=0
	for ym in 2024-10 2024-11 2024-12 2025-01 2025-02 2025-03 2025-04 2025-05 \
		2025-06 2025-07 2025-08 2025-09 2025-10 2025-11 2025-12 2026-01 \
		2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09; do
		i=$((i + 1))
		k=$(echo "$2" | cut -d' ' -f$i)
		d=1
		while [ $d -le $k ]; do
			day=$(printf '%s-%02d' $ym $d)
			echo "S-$ym-$d,devon,devon-cs,dc-police,$day,threshold,$day,resolved,$day" >>"$1"
			d=$((d + 1))
		done
	done
}
spc_log "$T/recent.csv" "10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 8 9 8 9 8 9 8 9"
export OVERSIGHT_WAREHOUSE="$T/recent.db"
check_ok "recent: init" "$OV" init
check_ok "recent: load" "$OV" load --quiet "$T/recent.csv"
check_ok "recent: board paper" "$OV" report board --partnership devon --quarter 2026-Q3 --no-charts -o "$T/recent"
R=$T/recent/board-devon-2026-Q3.md
check_grep 'mean 10.2 a month, process limits 5.4 to 14.9\. Signals in the last 6 months: 8 months in a row below the average, February to September 2026\. The monthly count has shifted down: ask whether challenge has fallen away\.$' \
	"$R" "recent: the run below, its months and direction, as news"
check_no_grep 'In the past' "$R" "recent: nothing told as past"
if command -v jq >/dev/null 2>&1; then
	"$OV" metrics --json --partnership devon --quarter 2026-Q3 >"$T/recent.json"
	check_eq '[{"rule":"run-below","direction":"low","from":"2026-02","to":"2026-09","months":8,"recent":true}]' \
		"$(jq -c .spc.signals "$T/recent.json")" "recent: metrics --json spc.signals, the run with its months"
fi

# ===========================================================================
# 3. Monthly chart: a run below the average long ago only
# ===========================================================================
# The same 24 months with the low stretch first: 8, 9, 8, 9 ... for 8
# months (Oct 2024 .. May 2025), then 12, 10, 12, 10 ... for 16 months
# (Jun 2025 .. Sep 2026).  Mean 244 / 24 = 10.1667; moving ranges 7 of 1,
# one of 3 (9 -> 12), 15 of 2: AMR 40 / 23 = 1.7391 (none >= 5.68);
# limits 10.1667 -+ 4.626 = 5.5 .. 14.8; near lines 7.08 and 13.25 (no 8
# below, no 12 above); the first 8 months are a run below (June's 12 ends
# it; the later 10s are each between two 12s): run-below, October 2024 to
# May 2025, all before the last six months: past, not news, and no
# "shifted down".
spc_log "$T/old.csv" "8 9 8 9 8 9 8 9 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10"
export OVERSIGHT_WAREHOUSE="$T/old.db"
check_ok "old: init" "$OV" init
check_ok "old: load" "$OV" load --quiet "$T/old.csv"
check_ok "old: board paper" "$OV" report board --partnership devon --quarter 2026-Q3 --no-charts -o "$T/old"
O=$T/old/board-devon-2026-Q3.md
check_grep 'mean 10.2 a month, process limits 5.5 to 14.8\. No signal in the last 6 months\. In the past (before the last 6 months, not news): 8 months in a row below the average, October 2024 to May 2025\.$' \
	"$O" "old: the run below told as past"
check_no_grep 'shifted down' "$O" "old: a past run is not a shift now"
if command -v jq >/dev/null 2>&1; then
	"$OV" metrics --json --partnership devon --quarter 2026-Q3 >"$T/old.json"
	check_eq '[{"rule":"run-below","direction":"low","from":"2024-10","to":"2025-05","months":8,"recent":false}]' \
		"$(jq -c .spc.signals "$T/old.json")" "old: metrics --json spc.signals, not recent"
fi

finish
