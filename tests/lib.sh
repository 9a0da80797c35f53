# lib.sh - helpers for the shell tests, sourced by tests/t-*.sh.
#
# Each test runs the real binary ($OV) in a fresh scratch folder ($T) and
# prints TAP-style lines:
#   check_eq WANT GOT "what"        two strings equal
#   check_ok "what" CMD...          CMD exits 0
#   check_exit N "what" CMD...      CMD exits with status N
#   check_grep PATTERN FILE "what"  FILE has a line matching PATTERN
#   check_no_grep PATTERN FILE "what"
#   check_cmp EXPECTED ACTUAL "what"  files equal (diff printed otherwise)
#   finish                          exit 1 if anything failed
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OV=${OVERSIGHT_BIN:-./oversight}
case "$OV" in /*) ;; *) OV="$ROOT/$OV" ;; esac
export OVERSIGHT_DATA="$ROOT"
T=$(mktemp -d "${TMPDIR:-/tmp}/oversight-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export OVERSIGHT_WAREHOUSE="$T/wh.db"
CORPORA="$ROOT/../shared/corpora"
_n=0
_failed=0

_ok() { _n=$((_n + 1)); echo "ok $_n - $1"; }
_notok() { _n=$((_n + 1)); _failed=$((_failed + 1)); echo "not ok $_n - $1"; }

check_eq() {
	if [ "$1" = "$2" ]; then _ok "$3"; else
		_notok "$3"; printf '#   want: %s\n#   got:  %s\n' "$1" "$2"; fi
}
check_ok() {
	what=$1; shift
	if "$@" >"$T/.out" 2>"$T/.err"; then _ok "$what"; else
		_notok "$what (exit $?)"; sed 's/^/#   /' "$T/.err" | head -20; fi
}
check_exit() {
	want=$1 what=$2; shift 2
	"$@" >"$T/.out" 2>"$T/.err"
	got=$?
	if [ "$got" = "$want" ]; then _ok "$what"; else
		_notok "$what (exit $got, want $want)"; sed 's/^/#   /' "$T/.err" | head -20; fi
}
check_grep() {
	if grep -q -e "$1" "$2"; then _ok "$3"; else
		_notok "$3"; echo "#   no line matches: $1"; sed 's/^/#   /' "$2" | head -20; fi
}
check_no_grep() {
	if grep -q -e "$1" "$2"; then _notok "$3"; grep -e "$1" "$2" | head -5 | sed 's/^/#   /'; else _ok "$3"; fi
}
check_cmp() {
	if cmp -s "$1" "$2"; then _ok "$3"; else
		_notok "$3"; diff -u "$1" "$2" | head -40 | sed 's/^/#   /'; fi
}
# JSON floats are written at full precision (0.5555555555555556); a
# figure worked out by hand to 4 significant digits is compared after
# JQ_SIG4 rounds every non-integer number of a jq result the same way:
#   jq -c "$JQ_SIG4 [.breach_rate] | sig4all" f.json   ->  [0.5556]
# (the rounded value is an integer divided by an exact power of ten, so it
# is the double that "0.5556" reads as).
JQ_SIG4='def sig4: if . == 0 then . else (3 - (fabs | log10 | floor)) as $k
  | if $k >= 0 then (. * pow(10; $k) | round) / pow(10; $k)
    else (. / pow(10; -$k) | round) * pow(10; -$k) end end;
def sig4all: walk(if type == "number" and . != floor then sig4 else . end);'
# gen_rows N: fixtures/gen.c's N generated rows in canonical CSV, written
# to $T/scale-N.csv (the generator built once per test, in $T).
gen_rows() {
	if [ ! -x "$T/gen" ] && ! cc -O2 -std=c11 -o "$T/gen" "$ROOT/fixtures/gen.c" -lm 2>"$T/cc.err"; then
		_notok "build fixtures/gen.c"
		sed 's/^/#   /' "$T/cc.err"
		exit 1
	fi
	"$T/gen" --scale "$1" "$T" >/dev/null
}

finish() {
	[ "$_failed" -eq 0 ]
	exit $?
}
