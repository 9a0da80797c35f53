#!/bin/sh
# run.sh - seed the libFuzzer corpora and run each target (make fuzz).
#
#   sh tests/fuzz/run.sh BUILDDIR [TARGET...]
#
# BUILDDIR holds the targets (BUILDDIR/fuzz/fuzz_*, built by make fuzz);
# each runs for $FUZZ_SECONDS (default 60) on BUILDDIR/corpus-<target>/,
# seeded from the fixtures (fixtures/*/*.csv, protocols/*.json,
# fixtures/devon/targets.json, the agency shapes and workbooks, tests/bad/)
# and, when present, the shared corpora.  A corpus grows from run to
# run.  A crash is saved as BUILDDIR/crash-<target>-*; the script then
# exits 1.  The last line of each target's log (BUILDDIR/fuzz-<target>.log)
# gives its executions.
set -u
cd "$(dirname "$0")/../.."
B=${1:-build-fuzz}
[ $# -gt 0 ] && shift
SECS=${FUZZ_SECONDS:-60}
CORPORA=../shared/corpora
status=0

# csv_rows DIR FILE: the header and the first rows of FILE as a seed.
csv_seed() {
	head -n 25 "$2" >"$1/$(echo "$2" | tr / _)"
}

# canon_seed DIR FILE: each unquoted row of FILE as the fuzz_canon input:
# the canonical fields in etl/canon.h order, one per line.
canon_seed() {
	head -n 12 "$2" | grep -v '"' | awk -F, -v dir="$1" -v base="$(echo "$2" | tr / _)" '
	BEGIN { n = split("ref partnership raised_by raised_with case_ref subject raised_on theme category serious_concern stuck stage1_on stage2_on stage3_on stage4_on stage5_on stage6_on stage7_on stage8_on stage9_on status closed_on learning learning_theme", order, " ") }
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	{
		out = dir "/" base "-" NR
		for (k = 1; k <= n; k++) printf "%s\n", (order[k] in col ? $(col[order[k]]) : "") >out
		close(out)
	}'
}

seed() {
	t=$1 d=$B/corpus-$1
	mkdir -p "$d"
	case $t in
	fuzz_load | fuzz_csvin)
		for f in fixtures/*/*.csv fixtures/*/2026-06/*.csv; do
			case $f in */activity.csv) ;; *) csv_seed "$d" "$f" ;; esac
		done
		for f in tests/bad/*.csv "$CORPORA"/csv-spectrum/csvs/*.csv; do
			[ -f "$f" ] && csv_seed "$d" "$f"
		done ;;
	fuzz_activity)
		for f in fixtures/*/activity.csv; do csv_seed "$d" "$f"; done ;;
	fuzz_canon)
		for f in fixtures/*/*.csv; do
			case $f in */activity.csv) ;; *) canon_seed "$d" "$f" ;; esac
		done ;;
	fuzz_date)
		for s in 2025-07-01 2024-02-29 2025-02-29 2025-04-31 2026-12-25 2022-06-03 \
			0001-01-01 9999-12-31 1990-01-01 2027-01-01 2025-Q3; do
			printf '%s' "$s" >"$d/$s"
		done ;;
	fuzz_definition)
		for f in protocols/*.json tests/bad/*.json; do
			[ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr / _)"
		done ;;
	fuzz_targets)
		cp fixtures/devon/targets.json "$d/devon-targets.json"
		for f in tests/bad/*targets*.json; do [ -f "$f" ] && cp "$f" "$d/"; done ;;
	fuzz_profile)
		for f in fixtures/*/profiles/*.json; do
			[ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr / _)"
		done ;;
	fuzz_profile_load)
		# The selector byte (fuzz_profile_load.c's profiles[]) and the file.
		i=0
		for a in dc-police.csv devon-cs.csv education.csv nhs-devon.json; do
			f=fixtures/devon/agency-shapes/$a
			[ -f "$f" ] && { printf "\\$(printf '%03o' $i)"; head -c 6000 "$f"; } >"$d/$i-$a"
			i=$((i + 1))
		done ;;
	fuzz_profile_date)
		i=0
		for s in 2025-07-01 31/07/2025 31/07/25 01-Jul-25 "1 July 2025" "31/07/2025 09:30" \
			"31/07/2025 09:30:15" 2025-07-01T09:30:15 "2025-07-01 09:30:15" 45839; do
			{ printf "\\$(printf '%03o' $i)"; printf '%s' "$s"; } >"$d/fmt-$i"
			i=$((i + 1))
		done ;;
	fuzz_text)
		# Values as the loader meets them: a case reference spelt two
		# ways, Unicode spaces around an id, a JSON \u0000, a NUL.
		printf 'CS 123 456\037cs123456' >"$d/case"
		printf '\302\240DCS-24-0001\342\200\257\037\343\200\200x\t' >"$d/spaces"
		printf '{"id": "J1\\u0000hidden", "q": "a\\\"b"}' >"$d/json"
		printf 'a\000b\037c' >"$d/nul" ;;
	fuzz_xlsx)
		# fuzz_xlsx.c's first byte: 7 (the whole file, the first sheet,
		# header on row 1) before each workbook; 0-5 before one part of a
		# workbook, put in the target's own package in place of its part.
		for f in fixtures/*/xlsx/*.xlsx; do
			{ printf '\007'; cat "$f"; } >"$d/$(echo "$f" | tr / _)"
		done
		i=0
		w=fixtures/perth-kinross/xlsx/police-scotland.xlsx
		for p in xl/worksheets/sheet1.xml xl/sharedStrings.xml xl/styles.xml xl/workbook.xml \
			xl/_rels/workbook.xml.rels _rels/.rels; do
			command -v unzip >/dev/null && [ -f "$w" ] &&
				{ printf "\\$(printf '%03o' $i)"; unzip -p "$w" "$p"; } >"$d/part-$i"
			i=$((i + 1))
		done ;;
	fuzz_draft)
		# The exports as they come: CSV cut at a line, JSON with its
		# arrays cut to 25 (jq) so that it stays whole under -max_len;
		# a workbook too.
		for f in fixtures/*/agency-shapes/*; do
			case $f in
			*.json) if command -v jq >/dev/null; then
					jq 'walk(if type == "array" then .[:25] else . end)' "$f" >"$d/$(echo "$f" | tr / _)"
				else
					cp "$f" "$d/$(echo "$f" | tr / _)"
				fi ;;
			*) head -n 60 "$f" >"$d/$(echo "$f" | tr / _)" ;;
			esac
		done
		for f in fixtures/devon/xlsx/education.xlsx fixtures/perth-kinross/xlsx/police-scotland.xlsx; do
			[ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr / _)"
		done ;;
	fuzz_holidays)
		printf '{"england-and-wales": {"events": [{"title": "Extra", "date": "2025-06-11"}]}, "scotland": {"events": []}}' \
			>"$d/small.json"
		for f in "$CORPORA"/uk-bank-holidays/served-format/*/bank-holidays.json; do
			[ -f "$f" ] && cp "$f" "$d/$(basename "$(dirname "$f")").json"
		done
		for f in tests/bad/*holiday*.json; do [ -f "$f" ] && cp "$f" "$d/"; done ;;
	esac
}

targets=${*:-$(for f in "$B"/fuzz/fuzz_*; do basename "$f"; done)}
for t in $targets; do
	bin=$B/fuzz/$t
	[ -x "$bin" ] || { echo "fuzz: $bin: not built (make fuzz)" >&2; status=1; continue; }
	seed "$t"
	case $t in
	fuzz_definition | fuzz_targets | fuzz_holidays | fuzz_profile) dict=tests/fuzz/json.dict ;;
	fuzz_profile_date) dict= ;;
	fuzz_date) dict= ;;
	fuzz_text) dict= ;;
	fuzz_xlsx) dict= ;;
	*) dict=tests/fuzz/csv.dict ;;
	esac
	log=$B/fuzz-$t.log
	# -close_fd_mask=3: the targets' own messages (every error the
	# loaders print) are not libFuzzer's report, which still shows.
	"$bin" -max_total_time="$SECS" -close_fd_mask=3 -timeout=20 -rss_limit_mb=2048 \
		-max_len=65536 ${dict:+-dict=$dict} -artifact_prefix="$B/crash-$t-" \
		"$B/corpus-$t" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$log" | tail -1)
	if [ $rc -ne 0 ]; then
		echo "fuzz: $t: FAILED (exit $rc); see $log and $B/crash-$t-*"
		grep -E '^(==[0-9]+==ERROR|SUMMARY)' "$log" | head -3
		status=1
	else
		echo "fuzz: $t: ${runs:-? runs}, corpus $(ls "$B/corpus-$t" | wc -l) inputs"
	fi
done
exit $status
