#!/bin/sh
# run.sh - the whole suite: every unit binary, then every tests/t-*.sh.
#
# Each prints TAP-style "ok N - what" / "not ok N - what" lines; this script
# counts them and ends with the closing line "N passed, N failed".
#   OVERSIGHT_BIN  the binary under test (default ./oversight)
#   UNIT_DIR       where the unit binaries are (default build/tests)
#   TESTS          optional list of test scripts to run instead of all
set -u
cd "$(dirname "$0")/.."
: "${OVERSIGHT_BIN:=./oversight}"
: "${UNIT_DIR:=build/tests}"
export OVERSIGHT_BIN
OVERSIGHT_DATA=$(pwd)
export OVERSIGHT_DATA
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

for t in "$UNIT_DIR"/test_*; do
	[ -x "$t" ] || continue
	echo "# $t"
	"$t" >"$log.one" 2>&1 || status=1
	cat "$log.one" | tee -a "$log" | grep '^not ok' || true
	rm -f "$log.one"
done
for t in ${TESTS:-tests/t-*.sh}; do
	[ -f "$t" ] || continue
	echo "# $t"
	sh "$t" >"$log.one" 2>&1 || status=1
	cat "$log.one" >>"$log"
	grep -E '^(not ok|#)' "$log.one" || true
	rm -f "$log.one"
done
passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
