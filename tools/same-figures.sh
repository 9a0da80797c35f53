#!/bin/sh
# same-figures.sh - every figure and every paper of a warehouse written by
# two builds of oversight, compared byte for byte: for a change that must
# make the figures cost less and leave them exactly as they were.
#
#   sh tools/same-figures.sh OLD NEW WAREHOUSE...
#
# A WAREHOUSE given as OLD_DB=NEW_DB is read by OLD from OLD_DB and by NEW
# from NEW_DB: the same warehouse before and after a schema upgrade (`init`
# with NEW on a copy).
# For each warehouse, each partnership it knows and each period (2026-Q3,
# 2026-Q2, 2025-Q4 and the financial year 2025-04-01..2026-03-31):
# `metrics --json` for every subject and for each group alone (children,
# adults), and the board paper's markdown (no charts), both ways; on a
# small warehouse (under 100,000 escalations) the forum papers and each
# agency's pack too.  Exit status and stderr are compared with the output.
# Prints how many outputs were compared and each one that differs; exit 1
# when any does.
set -eu
[ $# -ge 3 ] || { echo "usage: sh tools/same-figures.sh <old-oversight> <new-oversight> <warehouse>[=<upgraded>]..." >&2; exit 2; }
OLD=$1 NEW=$2
shift 2
cd "$(dirname "$0")/.."
export OVERSIGHT_DATA="${OVERSIGHT_DATA:-$(pwd)}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 bad=0

# run_both NAME ARGS...: the command by each build (on its warehouse,
# $old_wh or $new_wh), its stdout, exit status, stderr and the markdown it
# wrote into $T/d gathered into $T/old.out and $T/new.out, then compared.
run_both() {
	name=$1
	shift
	for side in old new; do
		bin=$OLD db=$old_wh
		[ $side = new ] && bin=$NEW db=$new_wh
		rm -rf "$T/d"
		mkdir -p "$T/d"
		rc=0
		"$bin" -w "$db" "$@" >"$T/$side.out" 2>"$T/$side.err" || rc=$?
		echo "exit $rc" >>"$T/$side.out"
		sed "s|$db|WAREHOUSE|g" "$T/$side.err" >>"$T/$side.out"
		for f in $(cd "$T/d" && find . -name '*.md' | sort); do
			echo "== $f" >>"$T/$side.out"
			cat "$T/d/$f" >>"$T/$side.out"
		done
	done
	n=$((n + 1))
	if ! cmp -s "$T/old.out" "$T/new.out"; then
		bad=$((bad + 1))
		echo "DIFFERS: $name"
		diff "$T/old.out" "$T/new.out" | head -n 10
	fi
}

for arg in "$@"; do
	old_wh=${arg%%=*} new_wh=${arg#*=}
	wh=$old_wh
	parts=$(sqlite3 "$wh" "SELECT id FROM partnership ORDER BY id")
	small=$(sqlite3 "$wh" "SELECT count(*) < 100000 FROM escalation")
	for p in $parts; do
		for period in "--quarter 2026-Q3" "--quarter 2026-Q2" "--quarter 2025-Q4" \
			"--from 2025-04-01 --to 2026-03-31"; do
			for s in "" "--subject children" "--subject adults"; do
				# shellcheck disable=SC2086
				run_both "$wh metrics $p $period $s" metrics --partnership "$p" $period $s --json
			done
			for s in "" "--subject children"; do
				# shellcheck disable=SC2086
				run_both "$wh board $p $period $s" report board --partnership "$p" $period $s \
					--no-charts --allow-incomplete -o "$T/d"
			done
		done
	done
	[ "$small" = 1 ] || continue
	for p in $parts; do
		for kind in $(sqlite3 "$wh" "SELECT DISTINCT report FROM forum WHERE partnership = '$p' AND report IS NOT NULL"); do
			run_both "$wh $kind $p" report "$kind" --partnership "$p" --quarter 2026-Q3 \
				--no-charts --allow-incomplete -o "$T/d"
		done
		for a in $(sqlite3 "$wh" "SELECT id FROM agency WHERE partnership = '$p' ORDER BY id"); do
			run_both "$wh agency $p $a" report agency --partnership "$p" --agency "$a" \
				--quarter 2026-Q3 --no-charts --allow-incomplete -o "$T/d"
		done
	done
done
echo "same-figures: $n outputs compared, $bad differ"
[ $bad -eq 0 ]
