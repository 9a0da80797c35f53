#!/bin/sh
# t-reliability.sh - holes found by probing the tool as an attacker and as
# a careless user would, each held closed by the shared routine that
# closes its class:
#   case refs        core/text.c     (text_quote(): every value a message quotes;
#                    text_case_norm(): one spelling rule of a case)
#   Unicode spaces   core/text.c     (text_trim()), etl/tidy.c (every value of
#                    every shape, on its way in)
#   JSON \u0000      core/text.c     (text_json_mark_nul()), etl/shape_json.c
#   foreign database core/whid.c     (PRAGMA application_id, set by init,
#                    checked by wh_open() for every command)
#   exit codes       core/wherr.c    (which SQLite failures are the environment's)
#   output paths     core/outpath.c  (every path a command writes to)
#   CSV cells        core/csvcell.c  (every cell of a CSV file written)
#   piped input      etl/loadfile.c  (a file to load is read once)
#   same file twice  etl/cmd_load.c  (the digest looked up inside the load's
#                    write transaction)
#   odd values       core/cli.c (periods), etl/profile.c (yes/no lists),
#                    etl/pseudo.c (the key file's mode)
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

# --- spreadsheet formulas in --csv ----------------------------------------------
# Learning themes are any text; in a table's CSV a cell starting with
# = + - @ tab or carriage return is quoted and starts with an apostrophe
# (OWASP CSV injection).  Only a figure like -5 is left as it is.
# L REF THEME: a devon escalation resolved in 2025-Q3 with that learning theme.
L() { printf '%s,devon,dc-police,devon-cs,,child,2025-07-01,threshold,case,n,n,2025-07-01,,,,,resolved,2025-07-10,y,"%s"\n' "$1" "$2"; }
{
	echo "$H"
	L F1 "-1+1+cmd|' /C calc'!A0"
	L F2 "$(printf '\t=1+1')"
	L F3 "-5"
	L F4 "@SUM(A1)"
} >"$T/formula.csv"
check_ok "load learning themes that look like formulas" "$OV" load "$T/formula.csv"
check_ok "report board --csv" "$OV" report board --partnership devon --quarter 2025-Q3 --no-charts -o "$T/fo" --csv "$T/fcsv"
cat "$T"/fcsv/*.csv >"$T/fall.csv"
check_grep "^\"'-1+1+cmd|' /C calc'!A0\"," "$T/fall.csv" "minus then a digit, then a formula: escaped"
check_grep "^\"'$(printf '\t')=1+1\"," "$T/fall.csv" "tab then =: escaped"
check_grep "^\"'@SUM(A1)\"," "$T/fall.csv" "@: escaped"
check_grep '^"-5",' "$T/fall.csv" "a figure -5 stays a figure"
check_no_grep "^-1+1\|^$(printf '\t')=\|^\"-1+1\|^\"$(printf '\t')=" "$T/fall.csv" "no formula left as it is"

# --- odd values ---------------------------------------------------------------
# A quarter before 2000 is outside the warehouse calendar (a paper's trend
# counted back to year "-2").
"$OV" metrics --partnership devon --quarter 0000-Q1 >"$T/out" 2>"$T/err"
check_eq 2 $? "--quarter 0000-Q1: exit 2 (usage)"
check_eq "oversight: --quarter: '0000-Q1' is before 2000, outside the warehouse calendar" \
	"$(sed -n 1p "$T/err")" "--quarter 0000-Q1: the message"
check_exit 2 "--quarter 1999-Q4: refused too" "$OV" metrics --partnership devon --quarter 1999-Q4
check_ok "--quarter 2000-Q1: taken" "$OV" metrics --partnership devon --quarter 2000-Q1
# A profile whose yes (or no) list is empty read no value as yes, and its
# messages printed "(yes: (null), ...)".
P=$ROOT/fixtures/devon/profiles/dc-police-wide.json
for side in yes no; do
	if [ $side = yes ]; then yn='{"yes": [], "no": ["N"]}'; else yn='{"yes": ["Y"], "no": []}'; fi
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); d["yes_no"] = json.loads(sys.argv[2]); json.dump(d, open(sys.argv[3], "w"))' \
		"$P" "$yn" "$T/yn-$side.json"
	"$OV" profile check "$T/yn-$side.json" >"$T/out" 2>"$T/err"
	check_eq 1 $? "a profile with an empty $side list: invalid (exit 1)"
	check_eq "oversight: $T/yn-$side.json: yes_no.$side: empty; give at least one spelling" "$(cat "$T/err")" \
		"a profile with an empty $side list: the message names the list"
done
# A key file others can read: a warning naming it and the fix.
chmod 644 "$W.key"
"$OV" check >"$T/out" 2>"$T/err"
check_eq 0 $? "a key file of mode 0644 is still used"
check_eq "oversight: warning: $W.key: the key file can be read by others (mode 0644); run 'chmod 600 $W.key'" \
	"$(cat "$T/err")" "a key file of mode 0644: a warning naming the file and chmod 600"
chmod 600 "$W.key"
"$OV" check >"$T/out" 2>"$T/err"
check_eq "" "$(cat "$T/err")" "a key file of mode 0600: no warning"

# --- piped input ---------------------------------------------------------------
# A pipe cannot be rewound: the file was read once for its digest and then
# found empty ("empty file: no header row").
{
	echo "$H"
	G P1
	G P2
	G P3
} >"$T/piped.csv"
cat "$T/piped.csv" | "$OV" load /dev/stdin >"$T/out" 2>"$T/err"
check_eq 0 $? "cat log.csv | load /dev/stdin: exit 0"
check_eq "/dev/stdin: read 3, loaded 3, updated 0, unchanged 0, merged 0, rejected 0" "$(cat "$T/out")" \
	"cat log.csv | load /dev/stdin: the 3 rows loaded"
check_eq "" "$(cat "$T/err")" "cat log.csv | load /dev/stdin: nothing on stderr"
check_eq 3 "$(q "SELECT count(*) FROM source_row WHERE ref LIKE 'P_'")" "the piped rows are in the warehouse"
"$OV" load "$T/piped.csv" >"$T/out" 2>&1
check_grep "read 0, loaded 0.*already loaded" "$T/out" "the same bytes from a file: already loaded (the pipe's digest is the file's)"

# --- the same file loaded twice at the same moment ----------------------------------
# Ten runs of one file at once: one load recorded; the nine others read 0
# ("already loaded"); its one bad row is quarantined once.
{
	echo "$H"
	G C1
	G C2
	printf 'C3,devon,dc-police,devon-cs,,child,2025-07-01,threshold,case,n,n,2025-07-01,,,,,ajar,,n,\n'
} >"$T/conc.csv"
i=0
while [ $i -lt 10 ]; do
	"$OV" load --quiet "$T/conc.csv" >"$T/conc.$i.out" 2>"$T/conc.$i.err" &
	i=$((i + 1))
done
wait
check_eq 1 "$(q "SELECT count(*) FROM load WHERE file = '$T/conc.csv'")" "10 concurrent runs of one file: exactly one load recorded"
check_eq 1 "$(cat "$T"/conc.*.out | grep -c "read 3, loaded 2, updated 0, unchanged 0, merged 0, rejected 1")" \
	"10 concurrent runs: one reads 3, loads 2, rejects 1"
check_eq 9 "$(cat "$T"/conc.*.out | grep -c "read 0, loaded 0, updated 0, unchanged 0, merged 0, rejected 0 -- already loaded")" \
	"10 concurrent runs: the nine others read 0, already loaded"
check_eq 1 "$(q "SELECT count(*) FROM reject r JOIN load l ON l.id = r.load_id WHERE l.file = '$T/conc.csv'")" \
	"10 concurrent runs: the bad row quarantined once"

# --- case references in messages ------------------------------------------------------
# The rows of one long-shape escalation giving different case references
# put both raw values in the reject reason (stderr, 'oversight rejects',
# 'profile check'); the same case spelt two ways was rejected too, though
# the pseudonym takes the spellings as one case.
cat >"$T/long.json" <<'EOF2'
{"format": "oversight-profile/1", "source": {"partnership": "devon", "agency": "dc-police"},
 "shape": "long",
 "columns": {"Ref": "ref", "By": "raised_by", "With": "raised_with", "Case": "case_ref",
   "Raised": "raised_on", "Theme": "theme"},
 "stages": {"stage": "Stage", "date": "Date"},
 "dates": {"*": "%d/%m/%Y"},
 "values": {"stage": {"Initial": 1, "Manager": 2}}}
EOF2
# lines 2-3: K-1, one case spelt two ways; lines 4-5: K-2, two cases.
cat >"$T/long.csv" <<'EOF2'
Ref,By,With,Case,Raised,Theme,Stage,Date
K-1,dc-police,devon-cs,cs123456,01/07/2025,threshold,Initial,01/07/2025
K-1,dc-police,devon-cs,CS 123 456,01/07/2025,threshold,Manager,03/07/2025
K-2,dc-police,devon-cs,QX777001,02/07/2025,threshold,Initial,02/07/2025
K-2,dc-police,devon-cs,QX777002,02/07/2025,threshold,Manager,04/07/2025
EOF2
"$OV" load --profile "$T/long.json" "$T/long.csv" >"$T/out" 2>"$T/err"
check_eq 0 $? "long: a file with a rejected row still loads: exit 0"
check_eq "$T/long.csv: read 2, loaded 1, updated 0, unchanged 0, merged 0, rejected 1" "$(cat "$T/out")" \
	"long: one case spelt two ways loads; two cases are rejected"
check_eq "2025-07-01|2025-07-03" "$(q "SELECT stage1_on, stage2_on FROM source_row WHERE ref = 'K-1'")" \
	"long: 'cs123456' and 'CS 123 456' are one escalation with both stages"
check_grep "^$T/long.csv:4:4: Case (case_ref): '\[case ref masked\]' differs from '\[case ref masked\]' at line 4: the rows of one escalation must agree (line 5)$" \
	"$T/err" "long: the reject reason masks both case references"
"$OV" rejects >"$T/rej" 2>&1
"$OV" profile check "$T/long.json" "$T/long.csv" >"$T/pc" 2>&1
cat "$T/err" "$T/rej" "$T/pc" >"$T/said"
check_grep "case ref masked" "$T/rej" "rejects: the reason is there, masked"
check_no_grep "QX777\|cs123456\|CS 123 456" "$T/said" "no raw case reference on stderr, in rejects or in profile check"
check_eq 0 "$(cat "$W" "$W"-wal 2>/dev/null | LC_ALL=C grep -a -c 'QX777\|cs123456\|CS 123 456')" \
	"no raw case reference in the warehouse"

# --- Unicode spaces around a ref or a case reference ----------------------------------
# A non-breaking space (pasted from a web page) after a ref made a second
# escalation, and around a case reference a second pseudonym.
NB=$(printf '\302\240')
IDSP=$(printf '\343\200\200')
{
	echo "$H"
	G N1 CS900
} >"$T/nb1.csv"
{
	echo "$H"
	G "N1$NB" "${IDSP}CS900$NB"
	G "${NB}N2" "CS901$IDSP"
} >"$T/nb2.csv"
check_ok "load N1 with case CS900" "$OV" load "$T/nb1.csv"
"$OV" load "$T/nb2.csv" >"$T/out" 2>"$T/err"
check_eq "$T/nb2.csv: read 2, loaded 1, updated 0, unchanged 1, merged 0, rejected 0" "$(cat "$T/out")" \
	"'N1' + U+00A0 is N1, unchanged; U+00A0 + 'N2' is loaded as N2"
check_eq "1|1" "$(q "SELECT count(*), count(DISTINCT case_key) FROM source_row WHERE ref = 'N1'")" \
	"one escalation N1, one pseudonym"
check_eq "N2" "$(q "SELECT ref FROM source_row WHERE ref LIKE '%N2%'")" "N2 stored without the space"
check_eq 0 "$(q "SELECT count(*) FROM source_row WHERE ref LIKE '%$NB%' OR ref LIKE '%$IDSP%'")" \
	"no ref stored with a Unicode space"

# --- a NUL inside a JSON string ---------------------------------------------------------
# cJSON ends a string at \u0000: ref "J1\u0000hidden" was stored as "J1",
# and a case reference pseudonymised on its first part.  Now the record is
# refused, naming the file, the record and the field; "\\u0000" (a
# backslash, then u0000) is text and loads.
cat >"$T/j.json" <<'EOF2'
{"format": "oversight-profile/1", "source": {"partnership": "devon", "agency": "nhs-devon"},
 "shape": "json", "records": "items",
 "columns": {"id": "ref", "from": "raised_by", "to": "raised_with", "case": "case_ref",
   "opened": "raised_on", "topic": "theme"},
 "stages": {"path": "history", "stage": "step", "date": "at"},
 "dates": {"*": "%Y-%m-%d"}}
EOF2
cat >"$T/nul.json" <<'EOF2'
{"items": [
 {"id": "J1\u0000hidden", "from": "nhs-devon", "to": "devon-cs", "case": "ZC1", "opened": "2025-07-01",
  "topic": "threshold", "history": [{"step": 1, "at": "2025-07-01"}]},
 {"id": "J2", "from": "nhs-devon", "to": "devon-cs", "case": "ZC2\u0000ZZ", "opened": "2025-07-01",
  "topic": "threshold", "history": [{"step": 1, "at": "2025-07-01"}]},
 {"id": "J3\\u0000", "from": "nhs-devon", "to": "devon-cs", "case": "ZC3", "opened": "2025-07-01",
  "topic": "threshold", "history": [{"step": "1\u0000", "at": "2025-07-01"}]},
 {"id": "J4\\u0000", "from": "nhs-devon", "to": "devon-cs", "case": "ZC4", "opened": "2025-07-01",
  "topic": "threshold", "history": [{"step": 1, "at": "2025-07-01"}]}
]}
EOF2
"$OV" load --profile "$T/j.json" "$T/nul.json" >"$T/out" 2>"$T/err"
check_eq 0 $? "JSON with \\u0000 in strings: the file loads, those records quarantined"
check_eq "$T/nul.json: read 4, loaded 1, updated 0, unchanged 0, merged 0, rejected 3" "$(cat "$T/out")" \
	"JSON: three records with a NUL rejected, the fourth loaded"
check_grep "^$T/nul.json:1: items\[0\].id (ref): holds a NUL character (\\\\u0000)$" "$T/err" \
	"JSON: a NUL in a ref: file, record 1 and field named"
check_grep "^$T/nul.json:2: items\[1\].case (case_ref): holds a NUL character (\\\\u0000)$" "$T/err" \
	"JSON: a NUL in a case reference: file, record 2 and field named"
check_grep "^$T/nul.json:3: items\[2\].history\[0\].step: holds a NUL character (\\\\u0000)$" "$T/err" \
	"JSON: a NUL in a stage event: file, record 3 and the event named"
check_eq 'J4\u0000' "$(q "SELECT ref FROM source_row WHERE ref LIKE 'J4%'")" \
	"JSON: an escaped backslash before u0000 is text, stored as written"
check_eq 0 "$(q "SELECT count(*) FROM source_row WHERE ref IN ('J1', 'J2', 'J3\u0000')")" "JSON: nothing stored cut short"

# --- another program's SQLite database ------------------------------------------------
# init took it over (16 tables added, switched to WAL); now every command
# refuses it untouched.
F=$T/foreign.db
sqlite3 "$F" "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('x');"
before=$(sqlite3 "$F" ".dump" | cksum)
for cmd in init "load $T/good.csv" "metrics --partnership devon --quarter 2025-Q3" check loads; do
	# shellcheck disable=SC2086
	"$OV" -w "$F" $cmd >"$T/out" 2>"$T/err"
	rc=$?
	check_eq 3 "$rc" "a foreign database: ${cmd%% *} exits 3"
	check_eq "oversight: $F: not an oversight warehouse (another program's database: its tables are not the warehouse's); left untouched" \
		"$(sed -n 1p "$T/err")" "a foreign database: ${cmd%% *} says what it is"
done
check_eq "$before" "$(sqlite3 "$F" ".dump" | cksum)" "a foreign database: its content unchanged"
check_eq "notes" "$(sqlite3 "$F" "SELECT group_concat(name) FROM sqlite_schema")" "a foreign database: no table added"
check_eq "delete" "$(sqlite3 "$F" "PRAGMA journal_mode")" "a foreign database: journal mode unchanged"
sqlite3 "$T/other-app.db" "PRAGMA application_id = 1234; CREATE TABLE t(x);"
"$OV" -w "$T/other-app.db" init >"$T/out" 2>"$T/err"
check_eq 3 $? "another application id: init exits 3"
check_eq "oversight: $T/other-app.db: not an oversight warehouse (another program's database, application id 0x000004d2); left untouched" \
	"$(sed -n 1p "$T/err")" "another application id: named"
# The warehouse has the id; one made before the id was written (0) is
# still taken, and init gives it the id.
check_eq 1331057492 "$(q "PRAGMA application_id")" "init writes the application id (0x4f565354)"
sqlite3 "$W" ".backup '$T/old.db'"
cp "$W.key" "$T/old.db.key"
sqlite3 "$T/old.db" "PRAGMA application_id = 0"
check_ok "a warehouse made before the id: metrics" "$OV" -w "$T/old.db" metrics --partnership devon --quarter 2025-Q3
check_ok "a warehouse made before the id: init" "$OV" -w "$T/old.db" init
check_eq 1331057492 "$(sqlite3 "$T/old.db" "PRAGMA application_id")" "a warehouse made before the id: init gives it the id"
: >"$T/empty.db"
check_ok "an empty file: init makes it a warehouse" "$OV" -w "$T/empty.db" init

# --- exit codes and messages that mislead ------------------------------------------
# A full disk part way through a load exited 4 (internal); README says the
# environment is 3.  ulimit -f with SIGXFSZ ignored makes write() fail as
# on a full disk; 100,000 rows need more than the page cache holds, so
# the failure comes while rows are stored, not at the commit.
if cc -O2 -std=c11 -o "$T/gen" "$ROOT/fixtures/gen.c" -lm 2>"$T/cc.err" &&
	"$T/gen" --scale 100000 "$T" >/dev/null; then
	FW=$T/full.db
	"$OV" -w "$FW" init >/dev/null
	size=$(( ($(wc -c <"$FW") + 511) / 512 + 4096 ))
	(trap '' XFSZ; ulimit -f $size; exec "$OV" -w "$FW" load --quiet "$T/scale-100000.csv") >"$T/out" 2>"$T/err"
	check_eq 3 $? "a full disk while rows are stored: exit 3 (environment)"
	check_eq "oversight: $T/scale-100000.csv: not loaded; the warehouse is unchanged" "$(sed -n 2p "$T/err")" \
		"a full disk while rows are stored: nothing loaded"
	check_eq 0 "$(sqlite3 "$FW" "SELECT count(*) FROM load")" "a full disk while rows are stored: no load recorded"
else
	_notok "build fixtures/gen.c"
fi
# init on a full disk: the schema is written, the reference data is not.
# The next load said "this key does not match the warehouse (... warehouse
# none)"; init did not finish, and the load says so.
IW=$T/initfull.db
(trap '' XFSZ; ulimit -f 400; exec "$OV" -w "$IW" init) >"$T/out" 2>"$T/err"
check_eq 3 $? "init on a full disk: exit 3 (environment)"
"$OV" -w "$IW" load "$T/good.csv" >"$T/out" 2>"$T/err"
check_eq 3 $? "load after init failed on a full disk: exit 3"
check_eq "oversight: $IW: not initialised; run 'oversight init' first" "$(cat "$T/err")" \
	"load after init failed on a full disk: not initialised"
check_ok "init again with room: it finishes" "$OV" -w "$IW" init
check_ok "and the load goes in" "$OV" -w "$IW" load "$T/good.csv"
# A warehouse in a read-only folder: SQLite cannot make its -shm file
# there.  It said "not a warehouse" even to metrics; it says it cannot
# open it, and why.  (root writes anywhere: run as nobody.)
AS=
if [ "$(id -u)" = 0 ]; then
	AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 711 "$T"
fi
if [ -n "$AS" ] && ! command -v setpriv >/dev/null 2>&1; then
	_ok "a read-only folder: skipped (root, and no setpriv to run as nobody)"
	_ok "a read-only folder: skipped"
	finish
fi
mkdir "$T/ro"
q "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$W" "$T/ro/wh.db"
cp "$W.key" "$T/ro/wh.db.key"
[ -n "$AS" ] && chown -R 65534:65534 "$T/ro"
chmod 555 "$T/ro"
$AS "$OV" -w "$T/ro/wh.db" metrics --partnership devon --quarter 2025-Q3 >"$T/out" 2>"$T/err"
check_eq 3 $? "a read-only folder: metrics exits 3"
check_eq "oversight: $T/ro/wh.db: cannot open: attempt to write a readonly database (is the warehouse or its folder read-only? SQLite writes its -wal and -shm files beside it)" \
	"$(cat "$T/err")" "a read-only folder: metrics says it cannot open the warehouse, not that it is none"
chmod 755 "$T/ro"

finish
