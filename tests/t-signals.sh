#!/bin/sh
# t-signals.sh - "oversight signals": the lack-of-challenge signals of
# DESIGN.md "Definitions" (funnel, silent, SPC) and one-way challenge.
#
# 1. A data set made here by hand, every figure worked out below from the
#    definitions (Poisson tails checked with R's ppois).
# 2. The fixtures (fixtures/README.md "Planted signals"): in each of the five
#    partnerships the planted under-escalating agency and the silent agency
#    are flagged, and no other agency reaches alert.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2026-09-30
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme
P=north-east-lincolnshire

# --- 1. by hand ------------------------------------------------------------
# NEL, 2025-Q3.  No case refs, so nothing reconciles: every row is one
# escalation.  60 rows raised in Q3, row i (0..59) on 2025-(7 + i%3)-(1 + i/3),
# so 20 in each of July, August and September:
#   i  0..51  nel-cs            52 raised (even i with education, odd with health)
#   i 52..58  humberside-police  7 raised (with nel-cs)
#   i 59      health             1 raised (with nel-cs)
# and one more, raised by focus on 2025-05-15 (the quarter before).
# education raises nothing, but receives 26.
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
# Activity (referrals): 2025-Q3 for four agencies, none for focus; and
# health's 2025-Q2, which only the four-quarter funnel sees.
cat >"$T/activity.csv" <<EOF
partnership,agency,quarter,measure,value
$P,nel-cs,2025-Q3,referrals,1000
$P,humberside-police,2025-Q3,referrals,500
$P,health,2025-Q3,referrals,400
$P,education,2025-Q3,referrals,100
$P,health,2025-Q2,referrals,600
EOF
check_ok "init" "$OV" init
# --shared: the rows stand for the partnership's whole log (every row
# names nel-cs, which would otherwise make it nel-cs's own), exported
# 2026-09-30: every agency is covered in 2025-Q3 ("not assessed: none").
check_ok "load the hand-made rows" "$OV" load --shared "$T/hand.csv"
check_ok "load the activity" "$OV" load --profile activity "$T/activity.csv"

# The period's funnel, 2025-Q3 (agencies with activity: focus has none):
#   p = sum x / sum n = (52 + 7 + 1 + 0) / (1000 + 500 + 400 + 100) = 60 / 2000 = 0.03
#   e = p n:  nel-cs 30, humberside-police 15, health 12, education 3
#   p low = P(X <= x), X ~ Poisson(e):
#     nel-cs     ppois(52, 30)  = 0.99991  none;  p high = P(X >= 52)
#                               = 1 - ppois(51, 30) = 0.0001681 < 0.025: unusually high
#     police     ppois(7, 15)   = e^-15 (1 + 15 + 112.5 + 562.5 + 2109.375
#                               + 6328.125 + 15820.3125 + 33900.6696)
#                               = 3.05902e-7 * 58848.48 = 0.018002  < 0.025: watch
#                               p high = 1 - ppois(6, 15) = 0.9924
#     health     ppois(1, 12)   = e^-12 (1 + 12) = 13 * 6.14421e-6
#                               = 7.987e-05 < 0.001: alert;  p high = 1 - e^-12 = 1 (4 s.f.)
#     education  ppois(0, 3)    = e^-3 = 0.04979 >= 0.025: none;  p high = 1
# The four quarters 2024-10-01..2025-09-30: health's activity is 400 + 600:
#   p = 60 / 2600 = 0.023077;  e: nel-cs 23.08, police 11.54, health 23.08,
#   education 2.308
#     nel-cs     ppois(52, 23.08) = 1 (4 s.f.); 1 - ppois(51, 23.08) = 1.586e-07: high
#     police     ppois(7, 11.54)  = 0.1117 none;  p high 0.941
#     health     ppois(1, 23.08)  = e^-23.077 * 24.077 = 2.288e-09  alert
#     education  e^-2.3077 = 0.09949 none
# Silent (none raised in Q3 nor Q2): education only; focus raised in Q2.
# One-way (received in the 12 months to 2025-09-30, raised none): education.
# SPC: months 2025-05 (the earliest raised_on) to 2025-09 = 1, 0, 20, 20, 20
#   mean 61 / 5 = 12.2; moving ranges 1, 20, 0, 0, AMR 21 / 4 = 5.25;
#   20 >= 3.267 * 5.25 = 17.15 is dropped: AMR = 1 / 3;
#   limits 12.2 -+ 2.66 / 3 = 11.31 .. 13.09; 5 months < 12: provisional.
#   beyond-limits: all five (1 and 0 below, 20s above);
#   two-of-three-high: 20, 20, 20 all above 12.2 + 1.773 / 3 = 12.79;
#   no run of 7, no trend of 7; the two low months have no third.
cat >"$T/expect" <<'EOF'
lack-of-challenge signals: north-east-lincolnshire, 2025-Q3 (2025/26 Q2), 2025-07-01 to 2025-09-30, as of 2025-09-30

funnel, the period: p = 60 / 2000 = 0.03 escalations per unit of 'referrals'
agency                raised  activity  expected      p low     p high  level
education                  0       100         3    0.04979          1  none
health                     1       400        12  7.987e-05          1  alert
humberside-police          7       500        15      0.018     0.9924  watch
nel-cs                    52      1000        30     0.9999  0.0001681  none   unusually high
(p pools every agency, the low ones too: beside them, the usual rate can look unusually high)
no denominator: focus

funnel, the four quarters 2024-10-01 to 2025-09-30: p = 60 / 2600 = 0.02308 escalations per unit of 'referrals'
agency                raised  activity  expected      p low     p high  level
education                  0       100     2.308    0.09949          1  none
health                     1      1000     23.08  2.288e-09          1  alert
humberside-police          7       500     11.54     0.1117      0.941  none
nel-cs                    52      1000     23.08          1  1.586e-07  none   unusually high
(p pools every agency, the low ones too: beside them, the usual rate can look unusually high)
no denominator: focus
not assessed, no log covering the period: none

silent (raised none in the period nor in the quarter before): education
one-way (received in the 12 months to the period's end, raised none): education

SPC, escalations raised per month, 2025-05 to 2025-09 (5 months): mean 12.2, limits 11.31 to 13.09 (provisional: fewer than 12 months)
rules: beyond-limits (2025-05 2025-06 2025-07 2025-08 2025-09); two-of-three-high (2025-07 2025-08 2025-09)

flagged:
  education            silent; one-way
  health               alert in the period (1 raised, 12 expected, p low 7.987e-05); alert over four quarters (1 raised, 23.08 expected, p low 2.288e-09)
  humberside-police    watch in the period (7 raised, 15 expected, p low 0.018)
EOF
"$OV" signals --partnership $P --quarter 2025-Q3 >"$T/out" 2>"$T/err"
check_eq 0 $? "signals exits 0"
check_cmp "$T/expect" "$T/out" "signals table, worked out by hand"
"$OV" signals --partnership $P --from 2025-07-01 --to 2025-09-30 >"$T/out2"
check_cmp "$T/out" "$T/out2" "--from/--to of a quarter gives the same table"

# --json: "signals" and "spc" exactly as metrics --json gives them.
"$OV" signals --partnership $P --quarter 2025-Q3 --json >"$T/sig.json"
check_eq 0 $? "signals --json exits 0"
"$OV" metrics --partnership $P --quarter 2025-Q3 --json >"$T/met.json"
if command -v jq >/dev/null 2>&1; then
	check_eq "$(jq -S '{signals, spc}' "$T/met.json")" "$(jq -S '{signals, spc}' "$T/sig.json")" \
		"--json: signals and spc are metrics --json's"
	check_eq "health alert 7.987e-05" \
		"$(jq -r "$JQ_SIG4"' .signals.funnel[] | select(.agency == "health") | "\(.agency) \(.level) \(.p_low | sig4)"' "$T/sig.json")" \
		"--json: health's funnel row"
	check_eq "2024-10-01 2025-09-30 4 2.288e-09" \
		"$(jq -r "$JQ_SIG4"' .four_quarters | "\(.period.from) \(.period.to) \(.funnel | length) \(.funnel[1].p_low | sig4)"' "$T/sig.json")" \
		"--json: the four quarters' funnel"
	check_eq '["education"] ["education"] ["focus"]' \
		"$(jq -c '.signals | .silent, .one_way, .no_denominator' "$T/sig.json" | tr '\n' ' ' | sed 's/ $//')" \
		"--json: silent, one-way, no denominator"
	check_eq "2025-05 beyond-limits|2025-06 beyond-limits|2025-07 beyond-limits,two-of-three-high|2025-08 beyond-limits,two-of-three-high|2025-09 beyond-limits,two-of-three-high" \
		"$(jq -r '[.months_flagged[] | "\(.month) \(.rules | join(","))"] | join("|")' "$T/sig.json")" \
		"--json: the months each rule flags"
else
	echo "ok # skip --json comparisons: jq not installed"
fi
check_grep '"provisional":	true' "$T/sig.json" "--json: spc provisional"

# A measure with no data: too little data, not a crash.
"$OV" signals --partnership $P --quarter 2025-Q3 --measure staff >"$T/out" 2>"$T/err"
check_eq 0 $? "--measure staff (no such activity) exits 0"
check_grep "^funnel, the period: too little data: no 'staff' activity in it$" "$T/out" "--measure staff: too little data"
check_grep "^no denominator: education focus health humberside-police nel-cs$" "$T/out" \
	"--measure staff: every agency has no denominator"
check_grep "^silent (.*): education$" "$T/out" "--measure staff: silent does not need activity"
"$OV" signals --partnership $P --quarter 2025-Q3 --measure staff --json >"$T/out"
check_grep '"funnel":	\[\]' "$T/out" "--measure staff --json: empty funnel"
# A partnership with no data at all: no agency's log covers the period
# (DESIGN.md "Whose log, and how recent"), so no confident signals: exit 1
# naming what is missing, unless --allow-incomplete, and then no agency is
# called silent for want of a log.
"$OV" signals --partnership devon --quarter 2025-Q3 >"$T/out" 2>"$T/err"
check_eq 1 $? "a partnership with no data exits 1"
check_grep "^oversight: devon: no agency's log is loaded; load the logs, or use --allow-incomplete$" "$T/err" \
	"no data: the message says no log is loaded"
"$OV" signals --partnership devon --quarter 2025-Q3 --allow-incomplete >"$T/out" 2>"$T/err"
check_eq 0 $? "no data, --allow-incomplete: exit 0"
check_grep "^SPC: too little data" "$T/out" "no data: SPC says too little data"
check_grep "^not assessed, no log covering the period: dc-police (no log) devon-cs (no log) education (no log) iru (no log) nhs-devon (no log)$" "$T/out" \
	"no data: every agency is not assessed for want of a log"
check_grep "^silent (.*): none$" "$T/out" "no data: no agency is called silent"
# A year-long period has no separate four-quarter view.
"$OV" signals --partnership $P --from 2024-10-01 --to 2025-09-30 >"$T/out"
check_no_grep "^funnel, the four quarters" "$T/out" "a year-long period: no four-quarter funnel"
"$OV" signals --partnership $P --quarter 2025-Q3 --json | grep -q '"four_quarters":	{'
check_eq 0 $? "--json: four_quarters present for a quarter"
"$OV" signals --partnership $P --from 2024-10-01 --to 2025-09-30 --json >"$T/out"
check_grep '"four_quarters":	null' "$T/out" "--json: four_quarters null for a year"

check_exit 2 "unknown partnership: exit 2" "$OV" signals --partnership nowhere --quarter 2025-Q3
check_exit 2 "no --partnership: exit 2" "$OV" signals --quarter 2025-Q3
check_exit 2 "no period: exit 2" "$OV" signals --partnership $P
check_ok "--help" "$OV" signals --help
check_grep "^example:" "$T/.out" "--help has an example"

# --- 2. the fixtures ----------------------------------------------------------
# Loaded as tools/demo.sh does: June exports, then September's, then activity.
FX="$ROOT/fixtures"
export OVERSIGHT_WAREHOUSE="$T/fx.db"
check_ok "fixtures: init" "$OV" init --targets "$FX/devon/targets.json"
for p in devon gloucestershire perth-kinross north-east-lincolnshire dumfries-galloway; do
	check_ok "fixtures: load $p June" "$OV" load --quiet $(ls "$FX/$p/2026-06/"*.csv)
	check_ok "fixtures: load $p September" "$OV" load --quiet $(ls "$FX/$p/"*.csv | grep -v /activity.csv)
	check_ok "fixtures: load $p activity" "$OV" load --profile activity "$FX/$p/activity.csv"
done

# fixture P UNDER SILENT: fixtures/README.md "Planted signals", 2026-Q3.
#   * flagged (any signal): exactly UNDER and SILENT;
#   * SILENT is the one silent agency (it raises nothing from 2026-01-01);
#   * UNDER (a fifth of its share every quarter) is at alert over the four
#     quarters 2025-Q4..2026-Q3, where it expects 25 to 52;
#   * no funnel row, quarter or four quarters, is at alert but theirs.
fixture() {
	p=$1 under=$2 silent=$3
	"$OV" signals --partnership "$p" --quarter 2026-Q3 >"$T/$p.txt" 2>"$T/$p.err"
	check_eq 0 $? "$p: signals exits 0"
	check_eq "$(printf '%s\n' "$under" "$silent" | sort | tr '\n' ' ')" \
		"$(sed -n '/^flagged:$/,$p' "$T/$p.txt" | awk 'NR > 1 { print $1 }' | sort | tr '\n' ' ')" \
		"$p: flagged are $under and $silent, no other"
	check_grep "^silent (.*): $silent\$" "$T/$p.txt" "$p: $silent is silent"
	check_grep "^  $under .*alert over four quarters" "$T/$p.txt" "$p: $under at alert over four quarters"
	check_eq "" \
		"$(awk -v u="$under" -v s="$silent" 'NF >= 7 && $7 == "alert" && $1 != u && $1 != s { print $1 }' "$T/$p.txt")" \
		"$p: no other agency at alert"
}
fixture devon education dc-police
fixture gloucestershire glos-health early-years
fixture perth-kinross police-scotland education
fixture north-east-lincolnshire education health
fixture dumfries-galloway nhs-dg police-scotland

# The silent agencies' funnel levels in the quarter and the four quarters,
# as fixtures/README.md describes them for 2026: alert in the quarter in
# Devon and NEL, watch in P&K and D&G; Gloucestershire's early-years
# expects about 3 in the summer quarter, so P(X = 0) = e^-3.4 = 0.03 is not
# flagged, and over four quarters it is at watch (7 raised where ~20 are
# expected), not alert.  The others are at alert over four quarters.
check_grep "^  dc-police .*silent; alert in the period.*alert over four quarters" "$T/devon.txt" \
	"devon: dc-police silent, alert in the quarter and the four quarters"
check_grep "^  health .*silent; alert in the period.*alert over four quarters" "$T/north-east-lincolnshire.txt" \
	"NEL: health silent, alert in the quarter and the four quarters"
check_grep "^  education .*silent; watch in the period.*alert over four quarters" "$T/perth-kinross.txt" \
	"P&K: education silent, watch in the quarter, alert over four quarters"
check_grep "^  police-scotland .*silent; watch in the period.*alert over four quarters" "$T/dumfries-galloway.txt" \
	"D&G: police-scotland silent, watch in the quarter, alert over four quarters"
check_grep "^  early-years .*silent; watch over four quarters" "$T/gloucestershire.txt" \
	"glos: early-years silent, watch over four quarters only"
# README: the under-escalator is at watch or alert in most single quarters,
# not all: P&K's police-scotland raises 2 in 2026-Q3 (5.4 expected).
check_no_grep "^  police-scotland .*in the period" "$T/perth-kinross.txt" \
	"P&K: police-scotland not flagged in the quarter alone (small numbers)"
# Over calendar 2025 every under-escalator is at alert (README).
for pu in devon:education gloucestershire:glos-health perth-kinross:police-scotland \
	north-east-lincolnshire:education dumfries-galloway:nhs-dg; do
	p=${pu%%:*} u=${pu#*:}
	"$OV" signals --partnership "$p" --from 2025-01-01 --to 2025-12-31 >"$T/y.txt"
	check_grep "^  $u .*alert in the period" "$T/y.txt" "$p 2025: $u at alert"
	check_eq "$u" "$(sed -n '/^flagged:$/,$p' "$T/y.txt" | awk 'NR > 1 { print $1 }')" \
		"$p 2025: only $u flagged"
done
finish
