#!/bin/sh
# t-progress.sh - a long load shows a progress line at a terminal (rows,
# rows per second, percentage, then that the rows are being saved), and
# nothing when stderr is not one, with --quiet, or before
# OVERSIGHT_PROGRESS_DELAY seconds have passed.  A rejected row's message
# starts a line of its own.
#
# How long a load takes depends on the machine, so the terminal checks set
# the delay: 0 shows the line from the first 4096 rows, 1000 never does.
. "$(dirname "$0")/lib.sh"

"$OV" init >/dev/null 2>&1
gen_rows 30000
"$OV" load "$T/scale-30000.csv" >"$T/out" 2>"$T/err"
check_eq 0 $? "a load with stderr to a file"
check_no_grep 'rows/s' "$T/err" "no progress line when stderr is not a terminal"
check_no_grep 'saving' "$T/err" "nor the saving line"
if ! command -v script >/dev/null 2>&1; then
	echo "ok - # SKIP script(1) not installed"
	finish
	exit $?
fi

# fresh F DELAY [OPTION]: load F (in $T) into a new warehouse at a terminal, with
# OVERSIGHT_PROGRESS_DELAY=DELAY; what the terminal showed, one line per
# carriage return, on stdout.
fresh() {
	rm -f "$T/wh.db" "$T/wh.db-wal" "$T/wh.db-shm" "$T/wh.db.key"
	"$OV" init >/dev/null 2>&1
	(cd "$T" && OVERSIGHT_PROGRESS_DELAY=$2 script -qc "\"$OV\" load ${3-} $1" /dev/null) | tr '\r' '\n'
}

gen_rows 60000
fresh scale-60000.csv 0 >"$T/tty"
check_grep '^scale-60000.csv: 4096 rows, [0-9]* rows/s, [0-9]*%' "$T/tty" "progress line at a terminal, from the first 4096 rows"
check_no_grep ': 0 rows' "$T/tty" "never at 0 rows"
check_grep '^scale-60000.csv: 60000 rows read, saving them to the warehouse' "$T/tty" "then the rows being saved"
check_grep '^scale-60000.csv: read 60000' "$T/tty" "then the summary"
# the line is cleared before the summary: a line of spaces between
check_eq "saving blank summary" \
	"$(sed -n '/saving them/,/: read 60000/{s/^scale.*saving.*/saving/;s/^ *$/blank/;s/^scale.*: read 60000.*/summary/;p;}' "$T/tty" | tr '\n' ' ' | sed 's/ $//')" \
	"the line is cleared before the summary"

fresh scale-60000.csv 1000 >"$T/tty1"
check_no_grep 'rows/s' "$T/tty1" "OVERSIGHT_PROGRESS_DELAY=1000: no progress line"
check_no_grep 'saving' "$T/tty1" "nor the saving line"
check_grep '^scale-60000.csv: read 60000' "$T/tty1" "the summary still"

fresh scale-60000.csv 0 --quiet >"$T/tty2"
check_no_grep 'rows/s' "$T/tty2" "--quiet: no progress line"
check_no_grep 'saving' "$T/tty2" "--quiet: nor the saving line"

# a bad date on the file's last row (line 60002), after the line is shown
cp "$T/scale-60000.csv" "$T/bad.csv"
echo "PED-26-999999,perth-kinross,education,pk-sw,PK/2024/9999,child,2026-13-45,threshold,case,,,2026-09-30,,,,,open,,n," >>"$T/bad.csv"
fresh bad.csv 0 >"$T/tty3"
check_grep '^bad.csv:60002:7: raised_on: 2026-13-45 is not a real date$' "$T/tty3" \
	"a rejected row's message starts its own line, after the progress line"
check_grep '^bad.csv: read 60001, .* rejected 1$' "$T/tty3" "and the summary counts it"
finish
