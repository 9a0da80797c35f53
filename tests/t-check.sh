#!/bin/sh
# t-check.sh - "oversight check": a clean warehouse passes (exit 0); each
# deliberate corruption (made with sqlite3, foreign keys off as the shell
# has them) fails its check with its message and exit 1; a warehouse that
# cannot be opened exits 3.  The rows are written here by hand, and every
# expected line follows from them and the queries' definitions.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-09-30
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme
P=north-east-lincolnshire

# nel-cs's log: A-1 with health about case NL1234567 (stages 1 and 2,
# resolved), A-2 with education (no case: never merged, open), and line 4
# with an impossible date (rejected).
cat >"$T/a.csv" <<EOF
$H
A-1,$P,nel-cs,health,NL1234567,child,2025-07-01,threshold,case,n,n,2025-07-01,2025-07-03,,,,resolved,2025-07-10,n,
A-2,$P,nel-cs,education,,child,2025-07-02,plan,case,n,n,2025-07-02,,,,,open,,n,
A-3,$P,nel-cs,education,,child,2025-02-30,plan,case,n,n,2025-07-02,,,,,open,,n,
EOF
# health's copy of A-1: the same case spelt otherwise, the same pair and
# day, but theme "plan": it merges into A-1's escalation with one conflict
# (theme: kept threshold, the earliest row's by (raised_on, ref), other plan).
cat >"$T/b.csv" <<EOF
$H
B-1,$P,nel-cs,health,nl 123 4567,child,2025-07-01,plan,case,n,n,2025-07-01,2025-07-03,,,,resolved,2025-07-10,n,
EOF
check_ok "init" "$OV" init
check_ok "load a.csv" "$OV" load "$T/a.csv"
check_ok "load b.csv" "$OV" load "$T/b.csv"
q() { sqlite3 "$1" "$2"; }
W=$OVERSIGHT_WAREHOUSE
check_eq "2|3" "$(q "$W" "SELECT count(*), sum(n_sources) FROM escalation")" \
	"two escalations from three rows"
E1=$(q "$W" "SELECT escalation_id FROM source_row WHERE ref = 'A-1'")
E2=$(q "$W" "SELECT escalation_id FROM source_row WHERE ref = 'A-2'")
PS1=$(q "$W" "SELECT pseudo FROM escalation WHERE id = $E1")
PS2=$(q "$W" "SELECT pseudo FROM escalation WHERE id = $E2")

# --- clean -------------------------------------------------------------------
cat >"$T/expect" <<EOF
ok integrity
ok foreign-keys
ok schema-version
ok key-fingerprint
ok source-orphans
ok escalation-orphans
ok stage-event-orphans
ok n-sources
ok escalation-dates
ok stage-events
ok load-counts
ok load-rejects
ok source-counts
note conflicts: 1 field(s) on which two reconciled sources disagree, by field: theme 1
    $P $PS1 theme: kept threshold, other plan
EOF
"$OV" check >"$T/out" 2>"$T/err"
check_eq 0 $? "clean warehouse: exit 0 (a conflict is a note, not a failure)"
check_cmp "$T/expect" "$T/out" "clean warehouse: every check ok, the conflict noted"
check_eq "" "$(cat "$T/err")" "clean warehouse: nothing on stderr"
check_no_grep "NL1234567\|1234567" "$T/out" "no case reference in the output"
"$OV" check --json >"$T/json"
check_eq 0 $? "clean warehouse --json: exit 0"
check_grep '"check":	"conflicts"' "$T/json" "--json: conflicts listed"
check_grep '"status":	"note"' "$T/json" "--json: the conflict is a note"
check_no_grep '"status":	"fail"' "$T/json" "--json: nothing failed"
if command -v jq >/dev/null 2>&1; then
	check_eq "14 13 1" "$(jq -r '[length, ([.[] | select(.status == "ok")] | length), (.[-1].count)] | join(" ")' "$T/json")" \
		"--json: 14 checks, 13 ok, 1 conflict"
fi

# corrupt NAME SQL: a copy of the clean warehouse (and its key), with SQL run
# on it by the sqlite3 shell (foreign keys off: no cascade tidies up).
corrupt() {
	C="$T/$1.db"
	sqlite3 "$W" ".backup '$C'"
	cp "$W.key" "$C.key"
	sqlite3 "$C" "$2"
}
# run_check NAME: oversight check of that copy into $T/NAME.out, exit in $rc.
run_check() {
	"$OV" -w "$T/$1.db" check >"$T/$1.out" 2>"$T/$1.err"
	rc=$?
}

# --- delete an escalation ----------------------------------------------------
# A-2's escalation goes; its one stage event (stage 1) and the source row
# that names it stay behind.
corrupt del "DELETE FROM escalation WHERE id = $E2"
run_check del
check_eq 1 "$rc" "escalation deleted: exit 1"
check_grep "^FAIL foreign-keys: stage_event: 1 row(s) name a missing escalation$" "$T/del.out" \
	"escalation deleted: foreign-keys fails"
check_grep "^FAIL source-orphans: $P $T/a.csv:3: escalation $E2 is not there$" "$T/del.out" \
	"escalation deleted: its source row (a.csv line 3) is an orphan"
check_grep "^FAIL stage-event-orphans: $P escalation $E2: 1 stage event(s), the escalation is not there$" "$T/del.out" \
	"escalation deleted: its stage event is an orphan"
check_grep "^ok escalation-orphans$" "$T/del.out" "escalation deleted: no escalation lacks a source"

# --- a source row linked to nothing; an escalation nobody derives -----------
corrupt unlink "UPDATE source_row SET escalation_id = NULL WHERE ref = 'A-2'"
run_check unlink
check_eq 1 "$rc" "source row unlinked: exit 1"
check_grep "^FAIL source-orphans: $P $T/a.csv:3: no escalation$" "$T/unlink.out" \
	"source row unlinked: source-orphans fails"
check_grep "^FAIL escalation-orphans: $P $PS2: no current source row$" "$T/unlink.out" \
	"source row unlinked: its escalation has no source"
check_grep "^FAIL n-sources: $P $PS2: n_sources 1, current source rows 0$" "$T/unlink.out" \
	"source row unlinked: n_sources no longer matches"

# --- change a stage date -------------------------------------------------------
# A-1's escalation says stage 2 was entered on 07-04; both sources say 07-03.
# Its stage events were derived from 07-03: stage 1 completed 07-03 and
# stage 2 entered 07-03, so both now disagree with the escalation.
corrupt date "UPDATE escalation SET stage2_on = '2025-07-04' WHERE id = $E1"
run_check date
check_eq 1 "$rc" "stage date changed: exit 1"
check_grep "^FAIL escalation-dates: $P $PS1: stage2_on 2025-07-04, earliest of its sources 2025-07-03$" "$T/date.out" \
	"stage date changed: escalation-dates fails"
check_grep "^FAIL stage-events: 2 problems$" "$T/date.out" "stage date changed: stage-events fails twice"
check_grep "^    $P $PS1: stage 1 event entered 2025-07-01, completed 2025-07-03; the escalation says entered 2025-07-01, completed 2025-07-04$" \
	"$T/date.out" "stage date changed: stage 1's completion differs"
check_grep "^    $P $PS1: stage 2 event entered 2025-07-03, completed 2025-07-10; the escalation says entered 2025-07-04, completed 2025-07-10$" \
	"$T/date.out" "stage date changed: stage 2's entry differs"
check_grep "^ok n-sources$" "$T/date.out" "stage date changed: n-sources still ok"

# --- top_stage, and a stage event gone -----------------------------------------
corrupt top "UPDATE escalation SET top_stage = 3 WHERE id = $E1"
run_check top
check_eq 1 "$rc" "top_stage changed: exit 1"
check_grep "^FAIL escalation-dates: $P $PS1: top_stage 3, highest stage with a date 2$" "$T/top.out" \
	"top_stage changed: escalation-dates fails"
corrupt noevent "DELETE FROM stage_event WHERE escalation_id = $E2"
run_check noevent
check_eq 1 "$rc" "stage event deleted: exit 1"
check_grep "^FAIL stage-events: $P $PS2: stage 1 entered 2025-07-02 has no stage event$" "$T/noevent.out" \
	"stage event deleted: stage-events fails"
corrupt extra "INSERT INTO stage_event(escalation_id, partnership, stage, entered_on) VALUES ($E2, '$P', 4, '2025-08-01')"
run_check extra
check_grep "^FAIL stage-events: $P $PS2: stage 4 event, a stage the escalation never entered$" "$T/extra.out" \
	"stage event for a stage never entered: stage-events fails"

# --- change a load count --------------------------------------------------------
# Load 1 (a.csv) read 3: loaded 2 + rejected 1.  One more "loaded" is 4.
corrupt count "UPDATE load SET n_loaded = n_loaded + 1 WHERE id = 1"
run_check count
check_eq 1 "$rc" "load count changed: exit 1"
check_grep "^FAIL load-counts: load 1 ($T/a.csv): read 3, but loaded + updated + unchanged + merged + rejected = 4$" \
	"$T/count.out" "load count changed: load-counts fails"
check_grep "^ok load-rejects$" "$T/count.out" "load count changed: load-rejects still ok"
corrupt reject "DELETE FROM reject WHERE load_id = 1"
run_check reject
check_eq 1 "$rc" "reject row deleted: exit 1"
check_grep "^FAIL load-rejects: load 1 ($T/a.csv): rejected 1, but 0 quarantined row(s)$" "$T/reject.out" \
	"reject row deleted: load-rejects fails"

# --- change the loader's counts of current rows ----------------------------------
# Load 1 stored A-1 (nel-cs with health) and A-2 (nel-cs with education),
# both current; load 2 stored B-1 (nel-cs with health).  So load_agency
# holds: load 1 nel-cs 2, health 1, education 1; load 2 nel-cs 1, health 1.
check_eq "1 education 1|1 health 1|1 nel-cs 2|2 health 1|2 nel-cs 1" \
	"$(q "$W" "SELECT group_concat(load_id || ' ' || agency || ' ' || n_current, '|')
		FROM (SELECT * FROM load_agency ORDER BY load_id, agency)")" \
	"load_agency: the current rows of each load naming each agency"
corrupt named "UPDATE load_agency SET n_current = 3 WHERE load_id = 1 AND agency = 'nel-cs'"
run_check named
check_eq 1 "$rc" "count by agency changed: exit 1"
check_grep "^FAIL source-counts: load 1, $P, nel-cs: current rows naming it 3 in load_agency, but the rows are 2$" \
	"$T/named.out" "count by agency changed: source-counts fails"
corrupt kept "UPDATE load_source SET n_current = 0 WHERE load_id = 2"
run_check kept
check_grep "^FAIL source-counts: load 2, $P: rows stored 1, current 0 in load_source, but the rows are 1 and 1$" \
	"$T/kept.out" "count by load changed: source-counts fails"
corrupt gone "DELETE FROM load_agency WHERE load_id = 2 AND agency = 'health'"
run_check gone
check_grep "^FAIL source-counts: load 2, $P, health: current rows naming it 0 in load_agency, but the rows are 1$" \
	"$T/gone.out" "count by agency missing: source-counts fails"

# --- another key file ------------------------------------------------------------
head -c 32 /dev/urandom >"$T/other.key"
chmod 600 "$T/other.key"
FP=$(q "$W" "SELECT value FROM meta WHERE key = 'key_fingerprint'")
"$OV" --key-file "$T/other.key" check >"$T/key.out" 2>"$T/key.err"
check_eq 1 $? "another key file: exit 1"
if command -v openssl >/dev/null 2>&1 && command -v od >/dev/null 2>&1; then
	# etl/pseudo.c: the first 8 bytes of HMAC-SHA256(key, "oversight key fingerprint").
	hexkey=$(od -An -tx1 "$T/other.key" | tr -d ' \n')
	OFP=$(printf 'oversight key fingerprint' | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hexkey" |
		awk '{ print substr($NF, 1, 16) }')
	check_grep "^FAIL key-fingerprint: key file fingerprint $OFP, the warehouse was made with $FP$" "$T/key.out" \
		"another key file: key-fingerprint fails, naming both fingerprints"
else
	check_grep "^FAIL key-fingerprint: key file fingerprint [0-9a-f]*, the warehouse was made with $FP$" "$T/key.out" \
		"another key file: key-fingerprint fails"
fi
check_grep "^ok load-counts$" "$T/key.out" "another key file: the other checks still run"
"$OV" --key-file "$T/none.key" check >"$T/nokey.out" 2>"$T/nokey.err"
check_eq 1 $? "missing key file: exit 1"
check_grep "^FAIL key-fingerprint: cannot read the key file $T/none.key$" "$T/nokey.out" \
	"missing key file: key-fingerprint fails"
check_grep "none.key: cannot read key file" "$T/nokey.err" "missing key file: the reason on stderr"

# --- the file itself, its schema ----------------------------------------------------
corrupt bad "PRAGMA ignore_check_constraints = ON; UPDATE escalation SET status = 'lost' WHERE id = $E2"
run_check bad
check_eq 1 "$rc" "CHECK constraint broken: exit 1"
check_grep "^FAIL integrity: CHECK constraint failed in escalation$" "$T/bad.out" \
	"CHECK constraint broken: integrity fails"
corrupt version "PRAGMA user_version = 11"
run_check version
check_eq 1 "$rc" "schema version 11: exit 1"
check_grep "^FAIL schema-version: schema version 11, this oversight needs 10$" "$T/version.out" \
	"schema version 11: schema-version fails"
check_grep "^note the data checks were not run" "$T/version.out" "schema version 10: data checks not run"
check_no_grep "^ok load-counts" "$T/version.out" "schema version 10: load-counts not run"

check_exit 3 "no warehouse: exit 3" "$OV" -w "$T/nowhere.db" check
printf 'not a database, just text\n' >"$T/text.db"
check_exit 3 "not a database: exit 3" "$OV" -w "$T/text.db" check
check_exit 2 "unknown option: exit 2" "$OV" check --bogus
check_ok "--help" "$OV" check --help
check_grep "^example:" "$T/.out" "--help has an example"
check_grep "do not make the check fail" "$T/.out" "--help says conflicts do not fail the check"
finish
