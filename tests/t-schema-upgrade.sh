#!/bin/sh
# t-schema-upgrade.sh - a version 4 warehouse upgraded in place to version 5
# (queries/schema_v5.sql: the escalation_raised and escalation_closed
# indexes carry more columns, so that the period's figures are read from
# them alone), on to version 6 (queries/schema_v6.sql: the escalation
# table's CHECK constraints as comparisons, not IN lists), to version 7
# (queries/schema_v7.sql: the current rows of each load counted by agency
# named, for coverage), to version 8 (queries/schema_v8.sql: the
# stage_event_due and stage_event_entered indexes carry what the timed
# stages' figures read of a stage event), to version 9
# (queries/schema_v9.sql: case keys and digests as their 16 bytes, not
# 32 hex digits) and to version 10 (queries/schema_v10.sql: the stage
# events not yet completed, by escalation): every figure stays as it was, the constraints refuse
# what they refused, the counts are the rows', and a later load finds
# its rows unchanged and its cases by the converted values.
#
# The warehouse holds the example logs of Devon (with its local targets,
# so stage deadlines and overdue escalations) and North East Lincolnshire
# (children and adults).  Its metrics are taken as version 10, the indexes,
# constraints and tables are put back as version 4 had them (and
# user_version 4), which this
# oversight refuses until `init` upgrades it; after the upgrade the
# metrics --json of each partnership, period and subject are the same
# bytes as before, and the rebuilt indexes have planner statistics.
. "$(dirname "$0")/lib.sh"

check_ok "init" "$OV" init --targets "$ROOT/fixtures/devon/targets.json"
for p in devon north-east-lincolnshire; do
	check_ok "$p: load" "$OV" load --quiet --shared \
		$(ls "$ROOT"/fixtures/$p/*.csv | grep -v /activity.csv)
	check_ok "$p: load activity" "$OV" load --quiet --profile activity "$ROOT/fixtures/$p/activity.csv"
done

# every figure of each partnership, period and subject, into $1
figures() {
	: >"$1"
	for args in "devon --quarter 2026-Q3" "devon --quarter 2026-Q2" \
		"devon --from 2025-04-01 --to 2026-03-31" \
		"north-east-lincolnshire --quarter 2026-Q3" \
		"north-east-lincolnshire --quarter 2026-Q3 --subject children" \
		"north-east-lincolnshire --quarter 2026-Q3 --subject adults"; do
		# shellcheck disable=SC2086
		"$OV" metrics --partnership $args --json >>"$1" 2>&1 || echo "failed: $args" >>"$1"
	done
	# and each agency's log and rows (coverage)
	for p in devon north-east-lincolnshire; do
		"$OV" agencies --partnership $p --json >>"$1" 2>&1 || echo "failed: agencies $p" >>"$1"
	done
}
figures "$T/v5.json"
check_grep '"overdue":' "$T/v5.json" "the figures were computed"
check_no_grep '^failed' "$T/v5.json" "every metrics run succeeds"
# Devon's local targets give stage deadlines: some escalation is overdue
# at some period's end, so the one-pass overdue count is exercised too.
check_eq true "$(jq -s '[.[] | objects | .overdue.n] | add > 0' "$T/v5.json")" "some escalation is overdue"
check_eq true "$(jq -s '[.[] | objects | .raised] | all(. > 0)' "$T/v5.json")" "every period raised some"
check_eq true "$(jq -s '[.[] | arrays | .[].rows] | add > 0' "$T/v5.json")" "the agencies' rows were counted"

cols() {
	sqlite3 "$OVERSIGHT_WAREHOUSE" "SELECT group_concat(name, ',') FROM pragma_index_info('$1')"
}
check_eq "partnership,raised_on,raised_by,raised_with,subject,theme,category,case_key,immediate_risk" \
	"$(cols escalation_raised)" "version 5: escalation_raised's columns"
check_eq "partnership,closed_on,raised_on,status,subject,top_stage,raised_by,raised_with,outcome,feedback_on" \
	"$(cols escalation_closed)" "version 5: escalation_closed's columns"
check_eq "partnership,due_on,entered_on,completed_on" "$(cols stage_event_due)" "version 8: stage_event_due's columns"
check_eq "partnership,entered_on,due_on,completed_on" "$(cols stage_event_entered)" \
	"version 8: stage_event_entered's columns"
check_eq "partnership,escalation_id,entered_on,due_on,completed_on" "$(cols stage_event_open)" \
	"version 10: stage_event_open's columns"

sqlite3 "$OVERSIGHT_WAREHOUSE" "DROP INDEX escalation_raised; DROP INDEX escalation_closed;
	CREATE INDEX escalation_raised ON escalation(partnership, raised_on, raised_by, raised_with);
	CREATE INDEX escalation_closed ON escalation(partnership, closed_on, raised_on, status);
	DROP INDEX stage_event_due; DROP INDEX stage_event_entered; DROP INDEX stage_event_open;
	CREATE INDEX stage_event_due ON stage_event(partnership, due_on) WHERE due_on IS NOT NULL;
	CREATE INDEX stage_event_entered ON stage_event(partnership, entered_on);
	DROP TABLE IF EXISTS sqlite_stat1; DROP TABLE load_agency;
	UPDATE source_row SET digest = lower(hex(digest)),
		case_key = CASE WHEN case_key IS NOT NULL THEN lower(hex(case_key)) END;
	UPDATE escalation SET case_key = CASE WHEN case_key IS NOT NULL THEN lower(hex(case_key)) END;
	PRAGMA user_version = 4;"
# version 5's constraints, as schema_v1.sql and schema_v4.sql wrote them
sqlite3 "$OVERSIGHT_WAREHOUSE" "PRAGMA writable_schema = ON;
	UPDATE sqlite_schema SET sql = replace(replace(sql,
		'CHECK (status = ''open'' OR status = ''resolved'' OR status = ''withdrawn'')',
		'CHECK (status IN (''open'', ''resolved'', ''withdrawn''))'),
		'CHECK (outcome = ''changed'' OR outcome = ''partly'' OR outcome = ''upheld'')',
		'CHECK (outcome IN (''changed'', ''partly'', ''upheld''))')
	WHERE name = 'escalation';
	PRAGMA writable_schema = OFF;"
checks() { sqlite3 "$OVERSIGHT_WAREHOUSE" "SELECT sql FROM sqlite_schema WHERE name = 'escalation'" | grep -oE "CHECK \((status|outcome) [^)]*\)+"; }
check_eq 2 "$(checks | grep -c ' IN (')" "version 4: the constraints as IN lists"
keys() {
	sqlite3 "$OVERSIGHT_WAREHOUSE" "SELECT typeof(digest), length(digest), count(*) FROM source_row GROUP BY 1, 2;
		SELECT typeof(case_key), length(case_key), count(*) FROM source_row GROUP BY 1, 2;
		SELECT typeof(case_key), length(case_key), count(*) FROM escalation GROUP BY 1, 2"
}
check_eq 0 "$(keys | grep -vc '^text|32|\|^null||')" "version 4: keys and digests as 32 hex digits"
check_exit 3 "version 4: metrics refused before init" "$OV" metrics --partnership devon --quarter 2026-Q3 --json
check_grep "schema version 4, this oversight needs 10; run 'oversight init' to upgrade" "$T/.err" \
	"version 4: the message says to run init"
check_ok "version 4: init upgrades it" "$OV" init
check_grep "schema version 10;" "$T/.out" "init: schema version 10"
check_eq 10 "$(sqlite3 "$OVERSIGHT_WAREHOUSE" 'PRAGMA user_version')" "upgraded: user_version 10"
check_eq 0 "$(keys | grep -vc '^blob|16|\|^null||')" "upgraded: every key and digest is its 16 bytes"
check_eq 3 "$(keys | grep -c '^blob|16|')" "upgraded: the digests, the rows' and the escalations' keys"
check_eq 0 "$(checks | grep -c ' IN (')" "upgraded: no constraint as an IN list"
check_eq "CHECK (status = 'open' OR status = 'resolved' OR status = 'withdrawn')
CHECK (outcome = 'changed' OR outcome = 'partly' OR outcome = 'upheld')" "$(checks)" \
	"upgraded: the same three values each"
check_eq ok "$(sqlite3 "$OVERSIGHT_WAREHOUSE" 'PRAGMA integrity_check')" "upgraded: the warehouse is sound"
for bad in "status = 'closed'" "outcome = 'unknown'" "status = NULL"; do
	sqlite3 "$OVERSIGHT_WAREHOUSE" "UPDATE escalation SET $bad WHERE id = (SELECT min(id) FROM escalation)" \
		2>"$T/bad.err"
	check_grep "constraint failed" "$T/bad.err" "upgraded: $bad refused"
done
for good in "outcome = 'partly'" "outcome = NULL"; do
	check_ok "upgraded: $good taken" sqlite3 "$OVERSIGHT_WAREHOUSE" "BEGIN;
		UPDATE escalation SET $good WHERE id = (SELECT min(id) FROM escalation); ROLLBACK;"
done
check_eq "partnership,raised_on,raised_by,raised_with,subject,theme,category,case_key,immediate_risk" \
	"$(cols escalation_raised)" "upgraded: escalation_raised's columns"
check_eq "partnership,closed_on,raised_on,status,subject,top_stage,raised_by,raised_with,outcome,feedback_on" \
	"$(cols escalation_closed)" "upgraded: escalation_closed's columns"
check_eq "partnership,due_on,entered_on,completed_on" "$(cols stage_event_due)" "upgraded: stage_event_due's columns"
check_eq "partnership,entered_on,due_on,completed_on" "$(cols stage_event_entered)" \
	"upgraded: stage_event_entered's columns"
check_eq "partnership,escalation_id,entered_on,due_on,completed_on" "$(cols stage_event_open)" \
	"upgraded: stage_event_open's columns"
check_eq "$(sqlite3 "$OVERSIGHT_WAREHOUSE" "SELECT count(*) FROM escalation WHERE closed_on IS NULL
		AND EXISTS (SELECT 1 FROM stage_event WHERE escalation_id = escalation.id)")" \
	"$(sqlite3 "$OVERSIGHT_WAREHOUSE" "SELECT count(*) FROM stage_event INDEXED BY stage_event_open
		WHERE completed_on IS NULL")" "upgraded: stage_event_open holds one entry per open escalation"
check_eq 5 "$(sqlite3 "$OVERSIGHT_WAREHOUSE" "SELECT count(*) FROM sqlite_stat1
	WHERE idx IN ('escalation_raised', 'escalation_closed', 'stage_event_due', 'stage_event_entered',
		'source_case')")" \
	"upgraded: the five rebuilt indexes have statistics"
# The two partnerships' logs were loaded --shared: coverage's rows are
# load_agency's counts, filled by the upgrade from the rows themselves.
check_eq 1 "$(sqlite3 "$OVERSIGHT_WAREHOUSE" "SELECT count(*) > 0 FROM load_agency")" \
	"upgraded: load_agency filled"
check_ok "upgraded: check" "$OV" check
check_grep "^ok source-counts$" "$T/.out" "upgraded: load_agency holds the rows' counts"
figures "$T/upgraded.json"
check_cmp "$T/v5.json" "$T/upgraded.json" "upgraded: every figure as before"

# A re-export after the upgrade: DCP-24-0001 as it was (its digest, made
# in hex by the loader, is the converted one: unchanged) and a new row,
# DCP-99-0001, of its case (CS268217, the same pair, raised on 2 January
# 2024: one working day after New Year's Day, at most 3), which joins its
# escalation only if the new row's key meets the converted one: merged.
{
	head -2 "$ROOT/fixtures/devon/dc-police.csv"
	echo 'DCP-99-0001,devon,dc-police,education,CS268217,child,2024-01-02,significant-response,case,n,n,2024-01-02,,,,,resolved,2024-01-05,n,'
} >"$T/reexport.csv"
check_ok "upgraded: a re-export loads" "$OV" load --json --quiet --shared "$T/reexport.csv"
check_eq '{"file": "'"$T/reexport.csv"'", "read": 2, "loaded": 0, "updated": 0, "unchanged": 1, "merged": 1, "rejected": 0}' \
	"$(cat "$T/.out")" "upgraded: DCP-24-0001 unchanged, DCP-99-0001 merged"
check_eq 2 "$(sqlite3 "$OVERSIGHT_WAREHOUSE" "SELECT n_sources FROM escalation
	WHERE id = (SELECT escalation_id FROM source_row WHERE ref = 'DCP-99-0001')")" \
	"upgraded: the two rows are one escalation"
check_ok "upgraded: check after the re-export" "$OV" check

finish
