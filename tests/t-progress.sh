#!/bin/sh
# t-progress.sh - a long load shows a progress line at a terminal (rows,
# rows per second, percentage), and nothing when stderr is not one or with
# --quiet.
. "$(dirname "$0")/lib.sh"

"$OV" init >/dev/null 2>&1
gen_rows 30000
"$OV" load "$T/scale-30000.csv" >"$T/out" 2>"$T/err"
check_eq 0 $? "a load with stderr to a file"
check_no_grep 'rows/s' "$T/err" "no progress line when stderr is not a terminal"
if command -v script >/dev/null 2>&1; then
	gen_rows 60000
	rm -f "$T/wh.db" "$T/wh.db-wal" "$T/wh.db-shm" "$T/wh.db.key"
	"$OV" init >/dev/null 2>&1
	script -qc "\"$OV\" load \"$T/scale-60000.csv\"" /dev/null | tr '\r' '\n' >"$T/tty"
	check_grep 'scale-60000.csv: [0-9]* rows, [0-9]* rows/s, [0-9]*%' "$T/tty" "progress line at a terminal"
	check_grep 'scale-60000.csv: read 60000' "$T/tty" "then the summary"
	rm -f "$T/wh.db" "$T/wh.db-wal" "$T/wh.db-shm" "$T/wh.db.key"
	"$OV" init >/dev/null 2>&1
	script -qc "\"$OV\" load --quiet \"$T/scale-60000.csv\"" /dev/null | tr '\r' '\n' >"$T/tty2"
	check_no_grep 'rows/s' "$T/tty2" "--quiet: no progress line"
else
	echo "ok - # SKIP script(1) not installed"
fi
finish
