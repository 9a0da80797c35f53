#!/bin/sh
# t-threads.sh - a CSV file read on a second thread while its rows are
# stored on the first (etl/handoff.h) loads exactly as it does read and
# stored on one (OVERSIGHT_THREADS=1): the same warehouse, table by
# table, and, file by file, the same counts, the same messages in the same
# order (rejects echoed in file order, an error that refuses a file half
# way after the echoes of the rows before it) and the same exit codes.
#
# The files: every partnership's canonical fixture logs (rejects, a ref
# repeated, an activity file refused by its header), every agency's CSV
# export through its profile (wide and long), generated years of rows in
# overlapping exports that add, update, leave unchanged and merge rows
# (as tests/t-settle.sh's), one with rejects of every kind spread through
# it, the generated rows through a wide profile, and files refused half
# way: a field that is not UTF-8 after hundreds of rows, and the same
# file read through a profile.  Then a warehouse that fails while rows
# are stored (a trigger that refuses one row; a full disk): the same
# messages and exit code, nothing kept, and the error of a row the reader
# had reached beyond the failure left unsaid.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2026-09-30
gen_rows 20000
G=$T/scale-20000.csv
H=$(head -n 1 "$G")
head -n 12001 "$G" >"$T/a.csv"
# t-settle.sh's changes: reopened, moved to the row before's case, no case
{ echo "$H"; sed -n '8001,20001p' "$G" | awk -F, -v OFS=, '
	NF == 20 && NR % 7 == 0 { $17 = "open"; $18 = "" }
	NF == 20 && NR % 11 == 0 && prev != "" { $5 = prev }
	NF == 20 && NR % 13 == 0 { $5 = "" }
	{ if (NF == 20) prev = $5; print }'; } >"$T/b.csv"
{ echo "$H"; sed -n '8001,20001p' "$G"; } >"$T/d.csv"
{ echo "$H"; sed -n '2,6001p' "$G" | awk -F, -v OFS=, '
	NF == 20 && NR % 5 == 0 { $5 = "MOVED" NR } { print }'; } >"$T/c.csv"
# Rejects of every kind through 6,000 rows: a date that is none, a ref
# repeated (of the row before, and of a row 300 back, batches away), an
# adult where the protocol may not cover one, a ragged row, a NUL byte,
# a non-breaking space cut from a ref; and a row the file ends inside.
{ echo "$H"; sed -n '2,6001p' "$G" | awk -F, -v OFS=, '
	NF != 20 { print; next }
	NR % 97 == 0 { $7 = "2025-02-30" }
	NR % 101 == 0 && prev != "" { $1 = prev }
	NR % 307 == 0 { $1 = back[(NR - 300) % 400] }
	NR % 211 == 0 { $6 = "adult" }
	NR % 401 == 0 { print $1, $2, $3; next }
	NR % 503 == 0 { $1 = $1 "\302\240" }
	{ prev = $1; back[NR % 400] = $1; print }'
	printf 'NUL-1,devon,devon-cs,dc-police,,child,2024-01-0\0002,threshold,case,n,n,2024-01-02,,,,,open,,n,\n'
	sed -n '6002,6500p' "$G"
	printf 'END-1,devon,devon-cs,dc-police,,child,2024-01-02,threshold,case,n,n,"2024-01-02\n'; } >"$T/r.csv"
# A field not UTF-8 at line 3,001, after rejects: the file is refused.
{ echo "$H"; sed -n '2,3000p' "$G" | awk -F, -v OFS=, 'NF == 20 && NR % 97 == 0 { $7 = "2025-02-30" } { print }'
	printf 'BAD-1,devon,devon-cs,dc-police,,child,2024-01-02,threshold,case,n,n,2024-01-02,,,,,open,,n,caf\351\n'
	sed -n '3001,5000p' "$G"; } >"$T/u.csv"
# Devon's rows through a wide profile naming the canonical columns.
cat >"$T/devon-wide.json" <<'EOF'
{
  "format": "oversight-profile/1",
  "description": "Devon's rows of the canonical log, as a children's services export",
  "source": {"partnership": "devon", "agency": "devon-cs"},
  "shape": "wide",
  "encoding": "utf-8",
  "delimiter": ",",
  "columns": {
    "ref": "ref", "partnership": "partnership", "raised_by": "raised_by", "raised_with": "raised_with",
    "case_ref": "case_ref", "subject": "subject", "raised_on": "raised_on", "theme": "theme",
    "category": "category", "serious_concern": "serious_concern", "stuck": "stuck",
    "stage1_on": "stage1_on", "stage2_on": "stage2_on", "stage3_on": "stage3_on",
    "stage4_on": "stage4_on", "stage5_on": "stage5_on", "status": "status", "closed_on": "closed_on",
    "learning": "learning", "learning_theme": "learning_theme"
  },
  "dates": {"*": "%Y-%m-%d"}
}
EOF
{ echo "$H"; awk -F, -v OFS=, '$2 == "devon" { n++; if (n % 89 == 0) $11 = "perhaps"; print }' "$G"; } >"$T/p.csv"
{ echo "$H"; awk -F, '$2 == "devon"' "$G" | sed -n '1,2000p' | awk -F, -v OFS=, 'NR % 89 == 0 { $11 = "perhaps" } { print }'
	printf 'BAD-1,devon,devon-cs,dc-police,,child,2024-01-02,threshold,case,n,n,2024-01-02,,,,,open,,n,caf\351\n'
	awk -F, '$2 == "devon"' "$G" | sed -n '2001,3000p'; } >"$T/pu.csv"

"$OV" -w "$T/two.db" init >/dev/null
cp "$T/two.db" "$T/one.db"
cp "$T/two.db.key" "$T/one.db.key"

# load ARGS...: into both warehouses, each run's stdout, stderr and exit
# code appended to two.log (threads) and one.log (OVERSIGHT_THREADS=1).
load() {
	"$OV" -w "$T/two.db" load "$@" >"$T/o" 2>"$T/e"
	echo "exit $?" >>"$T/o"
	cat "$T/o" "$T/e" >>"$T/two.log"
	OVERSIGHT_THREADS=1 "$OV" -w "$T/one.db" load "$@" >"$T/o" 2>"$T/e"
	echo "exit $?" >>"$T/o"
	cat "$T/o" "$T/e" >>"$T/one.log"
}
for f in "$ROOT"/fixtures/*/*.csv; do
	load "$f"
done
for f in "$ROOT"/fixtures/*/agency-shapes/*.csv; do
	for p in "$(dirname "$f")"/../profiles/"$(basename "$f" .csv)"-*.json; do
		load --profile "$p" "$f"
	done
done
load --profile "$T/devon-wide.json" "$T/pu.csv"
load --profile "$T/devon-wide.json" "$T/p.csv"
for f in a b c d c r u; do
	load "$T/$f.csv"
done
sed -i 's/ on [0-9T:Z-]*;/;/' "$T/one.log" "$T/two.log"
check_cmp "$T/one.log" "$T/two.log" "the same counts, messages and exit codes, file by file"
check_grep 'r.csv:[0-9]*:7: raised_on: ' "$T/two.log" "r.csv: a date rejected"
check_grep "r.csv:[0-9]*:1: ref: '.*' repeats line" "$T/two.log" "r.csv: a repeated ref rejected"
check_grep "r.csv: ... and [0-9]* more rejected rows" "$T/two.log" "r.csv: over ten rejects"
check_grep "u.csv:3001:20: learning_theme: not UTF-8" "$T/two.log" "u.csv: refused at its field that is not UTF-8"
check_grep "pu.csv: not loaded" "$T/two.log" "pu.csv (a profile): refused too"
check_grep "/p.csv: read 5385, loaded [1-9][0-9]*, updated 0, unchanged 0, merged [1-9][0-9]*, rejected 60" \
	"$T/two.log" "p.csv (a profile): loaded, with rejects"
# the refusal comes after the echoes of the rows before it
grep -F "$T/u.csv:" "$T/two.log" >"$T/u.err"
check_eq "oversight: $T/u.csv: not loaded; the warehouse is unchanged" "$(tail -n 1 "$T/u.err")" \
	"u.csv: 'not loaded' last"
check_eq 10 "$(sed -n '/not UTF-8/q;p' "$T/u.err" | grep -c 'raised_on:')" \
	"u.csv: ten rejects echoed before the refusal"

tables=$(sqlite3 "$T/one.db" "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
# (less the time each file was loaded at, a second apart from one
# warehouse to the other when the clock turns between them: the UTC time
# itself, not anything else with a T and a Z in it, such as the test's own
# folder name)
NO_TIME="s/'[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'/''/g"
for t in $tables; do
	sqlite3 "$T/one.db" ".dump $t" | sed "$NO_TIME" >"$T/one.$t"
	sqlite3 "$T/two.db" ".dump $t" | sed "$NO_TIME" >"$T/two.$t"
	check_cmp "$T/one.$t" "$T/two.$t" "table $t: the same"
done
sum() { sqlite3 "$T/two.db" "SELECT sum($1) FROM load"; }
for k in n_loaded n_updated n_unchanged n_merged n_rejected; do
	check_ok "the loads have rows $k" test "$(sum $k)" -gt 0
done

# A file read on its own thread: two threads (but with OVERSIGHT_THREADS=1).
threads() {
	rm -f "$T/n.db" "$T/n.db-wal" "$T/n.db-shm" "$T/n.db.key"
	"$OV" -w "$T/n.db" init >/dev/null
	"$OV" -w "$T/n.db" load --quiet "$G" >/dev/null 2>&1 &
	pid=$!
	# the threads counted every 10 ms while it runs: whether two or more
	# were ever seen, and the count seen most often (the reader is gone
	# once the file is read, while the cases are settled and the indexes
	# built; a sanitizer's thread of a moment at the exit aside)
	while kill -0 $pid 2>/dev/null; do
		ls /proc/$pid/task 2>/dev/null | wc -l
		sleep 0.01
	done | grep -v '^0$' | sort | uniq -c | sort -rn |
		awk 'NR == 1 { mode = $2 } $2 >= 2 { two += $1 } END { print (two >= 1 ? "two" : "one"), mode }'
	wait $pid
}
if [ -z "${OVERSIGHT_REAL_BIN:-}" ]; then # (not under valgrind's wrapper)
	check_eq "two" "$(threads | cut -d' ' -f1)" "a CSV file is read on a second thread (two threads seen while it loads)"
	check_eq 1 "$(OVERSIGHT_THREADS=1 threads | cut -d' ' -f2)" "OVERSIGHT_THREADS=1: on one"
fi

# A row the warehouse refuses (a trigger, at line 2,950 of u.csv; its
# field not UTF-8 at 3,001 is reached by the reader, not by the load):
# the same message, exit code, nothing kept.
# (one warehouse for both runs, made again: its name is in the messages)
W=$T/w.db
fresh() { rm -f "$W" "$W-wal" "$W-shm" "$W.key"; "$OV" -w "$W" init >/dev/null; }
for m in 1 2; do
	fresh
	sqlite3 "$W" "CREATE TRIGGER boom BEFORE INSERT ON source_row WHEN NEW.line = 2950
		BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END;"
	OVERSIGHT_THREADS=$m "$OV" -w "$W" load "$T/u.csv" >"$T/trig$m.out" 2>"$T/trig$m.err"
	echo "exit $?" >>"$T/trig$m.out"
	sqlite3 "$W" "SELECT (SELECT count(*) FROM load) + (SELECT count(*) FROM source_row)" >>"$T/trig$m.out"
done
check_cmp "$T/trig1.out" "$T/trig2.out" "a row refused by the warehouse: the same exit code"
check_cmp "$T/trig1.err" "$T/trig2.err" "... the same messages"
check_grep "refused by a trigger" "$T/trig2.err" "... the warehouse's"
check_no_grep "not UTF-8" "$T/trig2.err" "... and not the error of a row after it"
check_eq 10 "$(grep -c 'raised_on:' "$T/trig2.err")" "... after the rejects before it"
check_eq 0 "$(tail -n 1 "$T/trig2.out")" "... nothing kept"

# A full disk while rows are stored (tests/t-reliability.sh): exit 3,
# the warehouse's error and "not loaded", nothing kept.
"$T/gen" --scale 100000 "$T" >/dev/null
B=$T/scale-100000.csv
for m in 1 2; do
	fresh
	size=$(( ($(wc -c <"$W") + 511) / 512 + 4096 ))
	(trap '' XFSZ; ulimit -f $size; OVERSIGHT_THREADS=$m exec "$OV" -w "$W" load "$B") >"$T/full$m.out" 2>"$T/full$m.err"
	echo "exit $?" >>"$T/full$m.out"
	sqlite3 "$W" "SELECT count(*) FROM load" >"$T/full$m.kept"
	# (which statement meets the full disk first varies from run to run)
	sed -i 's/: [a-z ]*: disk I\/O error$/: disk I\/O error/' "$T/full$m.err"
done
check_cmp "$T/full1.out" "$T/full2.out" "a full disk: the same exit code"
check_cmp "$T/full1.err" "$T/full2.err" "a full disk: the same messages"
check_eq "exit 3" "$(cat "$T/full2.out")" "a full disk: exit 3"
check_eq 0 "$(cat "$T/full2.kept")" "a full disk: nothing kept"
finish
