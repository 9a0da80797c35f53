#!/bin/sh
# t-coverage.sh - whose log, and how recent (DESIGN.md "Whose log, and how
# recent"): the owner and export date of each load, `oversight loads`,
# `partnerships` and `agencies`, coverage in `metrics --json`, the signals
# and the paper without the agencies whose logs are missing, a shared log,
# a period beyond the data, the upgrade of a version 1 warehouse, and a
# file of two partnerships' rows.
# Every expected figure is worked out by hand in the comment beside it.
. "$(dirname "$0")/lib.sh"

if ! command -v jq >/dev/null 2>&1; then
	echo "not ok 1 - jq is needed to read the JSON (sh tools/deps.sh installs it)"
	exit 1
fi
jv() { jq -c "$JQ_SIG4 $2 | sig4all" "$1"; }

export OVERSIGHT_TODAY=2025-12-31
H=ref,partnership,raised_by,raised_with,subject,raised_on,theme,category,stage1_on,status
GL=gloucestershire

# ===========================================================================
# A. Gloucestershire, 2025-Q3: three agencies' logs, two missing.
# ===========================================================================
# Agencies (protocol order): glos-cs "Children's Social Care",
# glos-police "Gloucestershire Constabulary", glos-health "NHS
# Gloucestershire", education "Education", early-years "Early Years".
# No case references: every row is its own escalation.
#   cs.csv      C1 glos-cs -> glos-police 2025-07-10; C2 glos-cs ->
#               education 2025-08-12; C3 glos-cs -> glos-health
#               2025-09-02.  glos-cs is the one agency in every row:
#               its own log.  Exported 2025-10-03.
#   police.csv  P1 glos-police -> glos-cs 2025-07-15; P2 education ->
#               glos-police 2025-06-10 (Q2).  glos-police is in both
#               rows (glos-cs is not in P2): its own log.  Exported
#               2025-10-02.
#   health.csv  H1 education -> glos-health 2025-08-05: one row names two
#               agencies, so `--agency glos-health` says whose it is.
#               Exported 2025-10-01.
#   education and early-years send no log.
cat >"$T/cs.csv" <<EOF2
$H
C1,$GL,glos-cs,glos-police,child,2025-07-10,threshold,case,2025-07-10,open
C2,$GL,glos-cs,education,child,2025-08-12,threshold,case,2025-08-12,open
C3,$GL,glos-cs,glos-health,child,2025-09-02,threshold,case,2025-09-02,open
EOF2
cat >"$T/police.csv" <<EOF2
$H
P1,$GL,glos-police,glos-cs,child,2025-07-15,threshold,case,2025-07-15,open
P2,$GL,education,glos-police,child,2025-06-10,threshold,case,2025-06-10,open
EOF2
cat >"$T/health.csv" <<EOF2
$H
H1,$GL,education,glos-health,child,2025-08-05,threshold,case,2025-08-05,open
EOF2
# Activity 2025-Q3 (referrals).  Were every agency assessed, early-years
# (1200 referrals, none raised) would be the one flagged: p = 5 / 1600,
# e = 3.75, P(X = 0) = e^-3.75 = 0.0235 < 0.025, watch.  It has no log.
cat >"$T/activity.csv" <<EOF2
partnership,agency,quarter,measure,value
$GL,glos-cs,2025-Q3,referrals,100
$GL,glos-police,2025-Q3,referrals,100
$GL,glos-health,2025-Q3,referrals,100
$GL,education,2025-Q3,referrals,100
$GL,early-years,2025-Q3,referrals,1200
EOF2
check_ok "A: init" "$OV" init
check_ok "A: load cs" "$OV" load --quiet --exported 2025-10-03 "$T/cs.csv"
check_ok "A: load police" "$OV" load --quiet --exported 2025-10-02 "$T/police.csv"
check_ok "A: load health with --agency" "$OV" load --quiet --agency glos-health --exported 2025-10-01 "$T/health.csv"
check_ok "A: load activity" "$OV" load --quiet --profile activity "$T/activity.csv"
sed 's/^H1,/H9,/' "$T/health.csv" >"$T/other.csv"
check_exit 1 "A: --agency names an agency of the file's partnership" \
	"$OV" load --quiet --agency dc-police "$T/other.csv"
check_grep "other.csv: --agency: 'dc-police' is not an agency of gloucestershire" "$T/.err" \
	"A: --agency of another partnership: the message says so"
check_exit 2 "A: --agency and --shared together is a usage error" \
	"$OV" load --agency glos-cs --shared "$T/cs.csv"
check_exit 2 "A: --exported must be a date" "$OV" load --exported 2025-13-01 "$T/cs.csv"

# loads: loads 1-3 the logs with their owners and export dates; load 4
# the activity (not a log), exported "today", 2025-12-31.  The refused
# load above recorded nothing.
"$OV" loads --json >"$T/loads.json"
check_eq '[1,"gloucestershire","glos-cs","2025-10-03"]' \
	"$(jv "$T/loads.json" '.[0] | [.load, .partnership, .log, .exported]')" "A: loads: cs.csv is glos-cs's, exported 2025-10-03"
check_eq '[2,"gloucestershire","glos-police","2025-10-02"]' \
	"$(jv "$T/loads.json" '.[1] | [.load, .partnership, .log, .exported]')" "A: loads: police.csv is glos-police's (inferred)"
check_eq '[3,"gloucestershire","glos-health","2025-10-01"]' \
	"$(jv "$T/loads.json" '.[2] | [.load, .partnership, .log, .exported]')" "A: loads: health.csv is glos-health's (--agency)"
check_eq '[4,"activity","2025-12-31"]' \
	"$(jv "$T/loads.json" '.[3] | [.load, .log, .exported]')" "A: loads: the activity is not a log; exported today"
check_eq 4 "$(jv "$T/loads.json" 'length')" "A: loads: the refused load left nothing"
"$OV" loads >"$T/loads.txt"
check_grep "^1 .* 2025-10-03 gloucestershire  *glos-cs  *$T/cs.csv$" "$T/loads.txt" \
	"A: loads (text): export date, partnership and owner"

# partnerships: gloucestershire has 5 agencies, 3 with their own log, no
# shared log, the latest export 2025-10-03; devon nothing loaded.
"$OV" partnerships >"$T/p.txt"
check_grep "^gloucestershire  *5  *3 no  *2025-10-03  Gloucestershire Safeguarding Children Partnership$" "$T/p.txt" \
	"partnerships: gloucestershire, 3 own logs of 5, to 2025-10-03"
check_grep "^devon  *5  *0 no  *-  *Devon Children and Families Partnership$" "$T/p.txt" \
	"partnerships: devon, no log"

# agencies, as of 2025-10-02: glos-cs own to 2025-10-03 (3 rows), covered;
# glos-police own to 2025-10-02 (2 rows), covered (on the day);
# glos-health own to 2025-10-01 (1 row), not covered; education and
# early-years no log, 0 rows, not covered.
"$OV" agencies --partnership $GL --as-of 2025-10-02 >"$T/a.txt"
check_grep "^glos-cs  *own  *2025-10-03  *3  *yes  *Children's Social Care$" "$T/a.txt" "agencies: glos-cs"
check_grep "^glos-police  *own  *2025-10-02  *2  *yes  *Gloucestershire Constabulary$" "$T/a.txt" \
	"agencies: glos-police covered on its export day"
check_grep "^glos-health  *own  *2025-10-01  *1  *no  *NHS Gloucestershire$" "$T/a.txt" \
	"agencies: glos-health's log ends the day before"
check_grep "^education  *none  *-  *0  *no  *Education$" "$T/a.txt" "agencies: education, no log"
check_grep "^early-years  *none  *-  *0  *no  *Early Years$" "$T/a.txt" "agencies: early-years, no log"
check_exit 2 "agencies: --partnership is required" "$OV" agencies

# metrics, 2025-Q3 (as of 2025-09-30): covered = glos-cs, glos-police,
# glos-health (every export is on or after 30 September).
"$OV" metrics --partnership $GL --quarter 2025-Q3 --json >"$T/m.json"
check_eq '[["early-years","none",null,false],["education","none",null,false],["glos-cs","own","2025-10-03",true],["glos-health","own","2025-10-01",true],["glos-police","own","2025-10-02",true]]' \
	"$(jv "$T/m.json" '[.coverage[] | [.agency, .log, .runs_to, .covered]]')" "A: metrics: coverage, by id"
check_eq '["early-years","education"]' "$(jv "$T/m.json" '.signals.no_log')" "A: metrics: signals.no_log"
# Funnel of the covered agencies: raised in Q3 glos-cs 3 (C1-C3),
# glos-police 1 (P1), glos-health 0; activity 100 each: p = 4 / 300,
# e = 100 p = 1.333 each.  (education raised H1, but has no log.)
check_eq '[["glos-cs",3,1.333],["glos-health",0,1.333],["glos-police",1,1.333]]' \
	"$(jv "$T/m.json" '[.signals.funnel[] | [.agency, .raised, .expected]]')" "A: the funnel holds only the covered agencies"
# Levels: glos-health P(X = 0) = e^-1.333 = 0.2636; glos-police P(X <= 1)
# = e^-1.333 (1 + 1.333) = 0.6151; glos-cs P(X <= 3) = 0.9535: none.
check_eq '["none","none","none"]' "$(jv "$T/m.json" '[.signals.funnel[].level]')" \
	"A: no agency flagged (early-years would have been: it has no log)"
check_eq '0.2636' "$(jv "$T/m.json" '.signals.funnel[1].p_low')" "A: glos-health p low = e^-4/3"
# Silent: of the covered, raised none in Q3 nor in April-June:
# glos-health (early-years raised none either, but has no log).
check_eq '["glos-health"]' "$(jv "$T/m.json" '.signals.silent')" "A: silent without the agencies with no log"
# One-way: received in the four quarters to 30 Sep (C3, H1), raised none:
# glos-health.
check_eq '["glos-health"]' "$(jv "$T/m.json" '.signals.one_way')" "A: one-way"
check_eq '[]' "$(jv "$T/m.json" '.signals.no_denominator')" "A: no denominator: none among the covered"

# signals (text)
"$OV" signals --partnership $GL --quarter 2025-Q3 >"$T/s.txt"
check_grep "^not assessed, no log covering the period: early-years (no log) education (no log)$" "$T/s.txt" \
	"A: signals names the agencies not assessed"
check_grep "^silent (.*): glos-health$" "$T/s.txt" "A: signals: silent"

# The paper
check_ok "A: board paper" "$OV" report board --partnership $GL --quarter 2025-Q3 --no-charts -o "$T/out"
B=$T/out/board-$GL-2025-Q3.md
check_grep "^| Agency logs | Children's Social Care: log to 3 October 2025; Gloucestershire Constabulary: log to 2 October 2025; NHS Gloucestershire: log to 1 October 2025; Education: no log; Early Years: no log |$" "$B" \
	"A: the paper's title block names each agency's coverage"
check_grep "^\*\*Not assessed for want of a log covering the period\*\* (a missing log is not a lack of challenge): Education (no log); Early Years (no log)\. " "$B" \
	"A: the paper says who is left out of the signals, and why"
check_grep "^\*\*Silent agencies\*\* (.*): NHS Gloucestershire\.$" "$B" "A: the paper's silent list leaves them out"
# The funnel table's rows are "| agency | raised | activity | ...": none
# for Early Years' 1200 referrals.
check_no_grep "^| Early Years | 0 | 1,\{0,1\}200 |" "$B" "A: Early Years is not in the funnel table"
check_no_grep "Warning: incomplete data" "$B" "A: a covered period has no warning"

# Education's own pack: no log, so not assessed (not "silent").
check_ok "A: education's agency pack" "$OV" report agency --partnership $GL --agency education \
	--quarter 2025-Q3 --no-charts -o "$T/out"
check_grep "^- Not assessed: no log of the agency's escalations covering the period has been received" \
	"$T/out/agency-$GL-education-2025-Q3.md" "A: an agency pack without a log says it is not assessed"

# As of 2 October 2025 (the period 1 July - 30 September): glos-health's
# log ends 1 October, before the as-of date: left out, named with its date.
check_ok "A: board paper as of 2025-10-02" "$OV" report board --partnership $GL --quarter 2025-Q3 \
	--as-of 2025-10-02 --no-charts -o "$T/out2"
check_grep "NHS Gloucestershire: log ends 1 October 2025;" "$T/out2/board-$GL-2025-Q3.md" \
	"A: a stale log: 'log ends' its export date"
check_grep "NHS Gloucestershire (log ends 1 October 2025); Education (no log); Early Years (no log)\. " \
	"$T/out2/board-$GL-2025-Q3.md" "A: a stale log is left out of the signals"

# ===========================================================================
# B. A period beyond the data: 2025-Q4 (as of 31 December 2025).
# ===========================================================================
# The latest export is 2025-10-03 < 2025-12-31: no agency is covered.
check_exit 1 "B: report for a period no log covers exits 1" \
	"$OV" report board --partnership $GL --quarter 2025-Q4 --no-charts -o "$T/out3"
check_grep "^oversight: gloucestershire: no agency's log covers the period: the latest export is 2025-10-03, before the as-of date 2025-12-31; load later logs, or use --allow-incomplete$" \
	"$T/.err" "B: the message names the latest export date"
check_eq "" "$(ls "$T/out3" 2>/dev/null)" "B: no paper written"
check_exit 1 "B: signals for a period no log covers exits 1" \
	"$OV" signals --partnership $GL --quarter 2025-Q4
check_exit 0 "B: --allow-incomplete writes the paper" \
	"$OV" report board --partnership $GL --quarter 2025-Q4 --no-charts -o "$T/out3" --allow-incomplete
check_grep "^> \*\*Warning: incomplete data.\*\* No agency's log covers this period: the most recent log was exported on 3 October 2025, before 31 December 2025\. " \
	"$T/out3/board-$GL-2025-Q4.md" "B: the paper carries the warning at the top"
# Lines 1-5 the YAML block, 6 blank, 7-13 the table (header, rule,
# Partnership, Period, As of, Protocol, Agency logs; the data sources are
# in the analyst's appendix), 14 blank: the warning is line 15, before the
# front page.
check_eq 15 "$(grep -n 'Warning: incomplete data' "$T/out3/board-$GL-2025-Q4.md" | cut -d: -f1)" \
	"B: the warning follows the title block (line 15)"
check_exit 0 "B: signals --allow-incomplete" \
	"$OV" signals --partnership $GL --quarter 2025-Q4 --allow-incomplete
check_grep "^silent (.*): none$" "$T/.out" "B: with no log covering, no agency is called silent"

# ===========================================================================
# C. A shared log, then an agency's own older one.
# ===========================================================================
# shared.csv: S1 glos-cs -> glos-police, S2 glos-health -> education:
# no agency is in both rows, so it is the partnership's shared log,
# exported 2025-10-04.  Every agency: shared, to 2025-10-04, covered.
W=$T/c.db
cat >"$T/shared.csv" <<EOF2
$H
S1,$GL,glos-cs,glos-police,child,2025-07-10,threshold,case,2025-07-10,open
S2,$GL,glos-health,education,child,2025-08-10,threshold,case,2025-08-10,open
EOF2
check_ok "C: init" env OVERSIGHT_WAREHOUSE="$W" "$OV" init
check_ok "C: load the shared log" env OVERSIGHT_WAREHOUSE="$W" "$OV" load --quiet --exported 2025-10-04 "$T/shared.csv"
env OVERSIGHT_WAREHOUSE="$W" "$OV" loads --json >"$T/c-loads.json"
check_eq '"shared"' "$(jv "$T/c-loads.json" '.[0].log')" "C: loads: the shared log"
env OVERSIGHT_WAREHOUSE="$W" "$OV" metrics --partnership $GL --quarter 2025-Q3 --json >"$T/c.json"
check_eq '[["early-years","shared","2025-10-04",true],["education","shared","2025-10-04",true],["glos-cs","shared","2025-10-04",true],["glos-health","shared","2025-10-04",true],["glos-police","shared","2025-10-04",true]]' \
	"$(jv "$T/c.json" '[.coverage[] | [.agency, .log, .runs_to, .covered]]')" "C: a shared log covers every agency"
check_eq '[]' "$(jv "$T/c.json" '.signals.no_log')" "C: no agency left out"
# Silent (raised none in Q3 nor the quarter before): early-years,
# education, glos-police (S1 glos-cs, S2 glos-health raised).
check_eq '["early-years","education","glos-police"]' "$(jv "$T/c.json" '.signals.silent')" "C: silent, every agency assessed"
# glos-cs's own log, exported earlier (2025-09-20): glos-cs has a log of
# its own now, and its data still run to the shared log's 2025-10-04.
cat >"$T/cs-own.csv" <<EOF2
$H
O1,$GL,glos-cs,education,child,2025-09-01,threshold,case,2025-09-01,open
EOF2
check_ok "C: load glos-cs's own log" env OVERSIGHT_WAREHOUSE="$W" "$OV" load --quiet --agency glos-cs --exported 2025-09-20 "$T/cs-own.csv"
env OVERSIGHT_WAREHOUSE="$W" "$OV" agencies --partnership $GL >"$T/c-a.txt"
# rows: glos-cs 1 (its own O1) + 1 (S1 of the shared log names it) = 2;
# glos-police S1 = 1; glos-health S2 = 1; education S2 = 1 (O1 is in
# glos-cs's log, not the shared one); early-years 0.
check_grep "^glos-cs  *own  *2025-10-04  *2  *Children's Social Care$" "$T/c-a.txt" \
	"C: own log and shared log: runs to the later of the two"
check_grep "^glos-police  *shared  *2025-10-04  *1  *Gloucestershire Constabulary$" "$T/c-a.txt" "C: agencies: glos-police shared"
check_grep "^glos-health  *shared  *2025-10-04  *1  *NHS Gloucestershire$" "$T/c-a.txt" "C: agencies: glos-health shared"
check_grep "^education  *shared  *2025-10-04  *1  *Education$" "$T/c-a.txt" "C: agencies: education shared, one row"
check_grep "^early-years  *shared  *2025-10-04  *0  *Early Years$" "$T/c-a.txt" "C: agencies: early-years shared, no row"
env OVERSIGHT_WAREHOUSE="$W" "$OV" partnerships >"$T/c-p.txt"
check_grep "^gloucestershire  *5  *1 yes  *2025-10-04  " "$T/c-p.txt" "C: partnerships: 1 own log, a shared log"
check_ok "C: board paper" env OVERSIGHT_WAREHOUSE="$W" "$OV" report board --partnership $GL --quarter 2025-Q3 --no-charts -o "$T/c-out"
check_grep "^| Agency logs | Children's Social Care: log to 4 October 2025; Gloucestershire Constabulary: shared log to 4 October 2025; " \
	"$T/c-out/board-$GL-2025-Q3.md" "C: the paper names the shared log"

# The same bytes of the shared log sent again, exported 2025-10-08: no
# row is new, but the data now run to 2025-10-08 (load 3, reading 0);
# sent again with an earlier date, 2025-10-06: nothing to do.
check_ok "C: the shared log again, exported later" env OVERSIGHT_WAREHOUSE="$W" "$OV" load --quiet \
	--exported 2025-10-08 "$T/shared.csv"
check_grep "shared.csv: read 0, .* -- already loaded: the same bytes were load 1 on .*; the export date is now later$" \
	"$T/.out" "C: the same bytes, a later export: says so"
check_ok "C: the shared log again, exported earlier" env OVERSIGHT_WAREHOUSE="$W" "$OV" load --quiet \
	--exported 2025-10-06 "$T/shared.csv"
check_grep "; nothing to do$" "$T/.out" "C: the same bytes, an earlier export: nothing to do"
env OVERSIGHT_WAREHOUSE="$W" "$OV" loads --json >"$T/c-loads.json"
check_eq '[[1,"shared","2025-10-04",2],[2,"glos-cs","2025-09-20",1],[3,"shared","2025-10-08",0]]' \
	"$(jv "$T/c-loads.json" '[.[] | [.load, .log, .exported, .read]]')" "C: loads: the re-export is load 3, reading 0"
env OVERSIGHT_WAREHOUSE="$W" "$OV" agencies --partnership $GL >"$T/c-a.txt"
check_grep "^glos-police  *shared  *2025-10-08  *1  " "$T/c-a.txt" "C: coverage runs to the re-export's date"
check_grep "^glos-cs  *own  *2025-10-08  *2  " "$T/c-a.txt" "C: glos-cs: the later of its own log and the shared one"

# The shared log re-exported on 2025-10-10 with S1 now raised with
# glos-health, not glos-police; S2 as before.  S1's new version (load 4)
# supersedes load 1's; S2 stays load 1's.  Rows now: glos-police 0 (no
# current row names it); glos-health 2 (S1 and S2); glos-cs 2 (O1, S1);
# education 1 (S2); early-years 0.  The rows are counted by the loader as
# it stores and supersedes them, and `check` counts them afresh: the same.
cat >"$T/shared2.csv" <<EOF2
$H
S1,$GL,glos-cs,glos-health,child,2025-07-10,threshold,case,2025-07-10,open
S2,$GL,glos-health,education,child,2025-08-10,threshold,case,2025-08-10,open
EOF2
check_ok "C: the shared log, one row changed" env OVERSIGHT_WAREHOUSE="$W" "$OV" load --quiet --shared \
	--exported 2025-10-10 "$T/shared2.csv"
env OVERSIGHT_WAREHOUSE="$W" "$OV" agencies --partnership $GL >"$T/c-a.txt"
check_grep "^glos-police  *shared  *2025-10-10  *0  " "$T/c-a.txt" "C: a row no longer naming glos-police leaves its rows"
check_grep "^glos-health  *shared  *2025-10-10  *2  " "$T/c-a.txt" "C: the changed row names glos-health: 2 rows"
check_grep "^glos-cs  *own  *2025-10-10  *2  " "$T/c-a.txt" "C: glos-cs: O1 and the changed S1"
check_grep "^education  *shared  *2025-10-10  *1  " "$T/c-a.txt" "C: education: S2"
check_ok "C: check" env OVERSIGHT_WAREHOUSE="$W" "$OV" check
check_grep "^ok source-counts$" "$T/.out" "C: the loader's counts are the rows counted afresh"

# ===========================================================================
# D. A version 1 warehouse is upgraded in place.
# ===========================================================================
# Warehouse A with the new columns dropped, version 1's indexes and
# user_version 1 stands for a warehouse written before: init upgrades it;
# each load gets its partnership, the owner its rows show (health.csv names two agencies in
# its one row: shared; the --agency given then was never stored), and
# the day it was loaded as its export date.
cp "$OVERSIGHT_WAREHOUSE" "$T/v1.db"
cp "$OVERSIGHT_WAREHOUSE.key" "$T/v1.db.key"
sqlite3 "$T/v1.db" "DROP INDEX escalation_raised; DROP INDEX escalation_closed;
	ALTER TABLE load DROP COLUMN partnership; ALTER TABLE load DROP COLUMN agency;
	ALTER TABLE load DROP COLUMN exported_on;
	ALTER TABLE source_row DROP COLUMN stage0_on; ALTER TABLE source_row DROP COLUMN outcome;
	ALTER TABLE source_row DROP COLUMN feedback_on; ALTER TABLE source_row DROP COLUMN immediate_risk;
	ALTER TABLE escalation DROP COLUMN stage0_on; ALTER TABLE escalation DROP COLUMN outcome;
	ALTER TABLE escalation DROP COLUMN feedback_on; ALTER TABLE escalation DROP COLUMN immediate_risk;
	CREATE INDEX escalation_raised ON escalation(partnership, raised_on, raised_by, raised_with);
	CREATE INDEX escalation_closed ON escalation(partnership, closed_on, raised_on, status);
	PRAGMA user_version = 1;"
check_exit 3 "D: a version 1 warehouse is refused before init" env OVERSIGHT_WAREHOUSE="$T/v1.db" "$OV" loads
check_ok "D: init upgrades it" env OVERSIGHT_WAREHOUSE="$T/v1.db" "$OV" init
env OVERSIGHT_WAREHOUSE="$T/v1.db" "$OV" loads --json >"$T/v1.json"
check_eq '["glos-cs","glos-police","shared","activity"]' "$(jv "$T/v1.json" '[.[].log]')" \
	"D: upgraded loads: owners from their rows"
check_eq "true" "$(jv "$T/v1.json" '[.[] | .exported == (.loaded_at | .[0:10])] | all')" \
	"D: upgraded loads: exported the day they were loaded"
check_eq 10 "$(sqlite3 "$T/v1.db" 'PRAGMA user_version')" "D: schema version 10 (the current one)"

# ===========================================================================
# E. A file of two partnerships' rows: the shared log of each.
# ===========================================================================
# region.csv, exported 2025-10-02: R1 devon, devon-cs -> dc-police
# 2025-07-10; R2 gloucestershire, glos-cs -> glos-police 2025-07-11.  It
# names no one partnership, so no agency owns it: it is the shared log of
# both (DESIGN.md: a file with no owning agency is the shared log).  Devon:
# every agency shared to 2025-10-02, rows devon-cs 1, dc-police 1, the
# others 0; Gloucestershire: glos-cs 1, glos-police 1.
W=$T/e.db
cat >"$T/region.csv" <<EOF2
$H
R1,devon,devon-cs,dc-police,child,2025-07-10,threshold,case,2025-07-10,open
R2,$GL,glos-cs,glos-police,child,2025-07-11,threshold,case,2025-07-11,open
EOF2
check_ok "E: init" env OVERSIGHT_WAREHOUSE="$W" "$OV" init
check_ok "E: load the regional file" env OVERSIGHT_WAREHOUSE="$W" "$OV" load --quiet --exported 2025-10-02 "$T/region.csv"
env OVERSIGHT_WAREHOUSE="$W" "$OV" loads --json >"$T/e-loads.json"
check_eq '[[1,"-","shared","2025-10-02"]]' "$(jv "$T/e-loads.json" '[.[] | [.load, .partnership, .log, .exported]]')" \
	"E: loads: no one partnership, a shared log"
env OVERSIGHT_WAREHOUSE="$W" "$OV" agencies --partnership devon --json >"$T/e-devon.json"
check_eq '[["devon-cs","shared","2025-10-02",1],["dc-police","shared","2025-10-02",1],["nhs-devon","shared","2025-10-02",0],["education","shared","2025-10-02",0],["iru","shared","2025-10-02",0]]' \
	"$(jv "$T/e-devon.json" '[.[] | [.agency, .log, .runs_to, .rows]]')" "E: devon: every agency covered by the regional file"
env OVERSIGHT_WAREHOUSE="$W" "$OV" agencies --partnership $GL >"$T/e-a.txt"
check_grep "^glos-police  *shared  *2025-10-02  *1  " "$T/e-a.txt" "E: gloucestershire: covered by it too"
check_ok "E: devon's board paper, not refused" env OVERSIGHT_WAREHOUSE="$W" "$OV" report board --partnership devon \
	--quarter 2025-Q3 --no-charts -o "$T/e-out"
# Re-exported 2025-10-09: R1 as it was; R2 now raised with glos-health.
# Load 2 reads R1 unchanged (devon's data now run to 2025-10-09 all the
# same) and updates R2: glos-police 0 rows, glos-health 1.
cat >"$T/region2.csv" <<EOF2
$H
R1,devon,devon-cs,dc-police,child,2025-07-10,threshold,case,2025-07-10,open
R2,$GL,glos-cs,glos-health,child,2025-07-11,threshold,case,2025-07-11,open
EOF2
check_ok "E: the regional file re-exported" env OVERSIGHT_WAREHOUSE="$W" "$OV" load --quiet --exported 2025-10-09 "$T/region2.csv"
env OVERSIGHT_WAREHOUSE="$W" "$OV" agencies --partnership devon >"$T/e-a.txt"
check_grep "^devon-cs  *shared  *2025-10-09  *1  " "$T/e-a.txt" "E: devon, its row unchanged: runs to the re-export"
env OVERSIGHT_WAREHOUSE="$W" "$OV" agencies --partnership $GL >"$T/e-a.txt"
check_grep "^glos-police  *shared  *2025-10-09  *0  " "$T/e-a.txt" "E: gloucestershire: the changed row leaves glos-police"
check_grep "^glos-health  *shared  *2025-10-09  *1  " "$T/e-a.txt" "E: gloucestershire: and names glos-health"
check_ok "E: check" env OVERSIGHT_WAREHOUSE="$W" "$OV" check
check_grep "^ok source-counts$" "$T/.out" "E: the counts are the rows'"

finish
