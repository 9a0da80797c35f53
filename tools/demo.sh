#!/bin/sh
# demo.sh - what `make demo` does: a fresh warehouse in out/, the example
# logs of all five partnerships loaded, their 2026-Q3 board papers, and the
# paper setting the five side by side.
set -eu
cd "$(dirname "$0")/.."
OV=./oversight
QUARTER=2026-Q3
export OVERSIGHT_DATA="$(pwd)"
export OVERSIGHT_WAREHOUSE=out/demo.db
mkdir -p out
rm -f out/demo.db out/demo.db-wal out/demo.db-shm out/demo.db.key
# The papers of an earlier run go too, so that out/ holds only this run's
# (a paper since renamed would otherwise stay, written by an older oversight).
rm -rf out/charts out/tables
rm -f out/*.md out/*.html out/*.docx out/*.pdf out/*.xlsx out/*.json out/*.txt

echo "== init (with Devon's example local targets)"
$OV init --targets fixtures/devon/targets.json

# September: the agencies that export in their own shape (fixtures/<p>/
# agency-shapes/, read through the profiles in fixtures/<p>/profiles/, by
# name) are loaded as they come; the others in the canonical format.  The
# shaped files hold exactly the canonical rows, so the papers are the same.
# Each export has its date, as the agencies sent them: June's in the first
# days of July, September's in the first days of October (one agency a day
# apart from the next), so the papers show how recent each agency's log is.
# Devon's IRU keeps its log in an Excel workbook: it is loaded as the
# workbook (fixtures/devon/xlsx/iru.xlsx, the same rows as iru.csv).
for p in devon gloucestershire perth-kinross north-east-lincolnshire dumfries-galloway; do
	echo "== $p: the agencies' June 2026 exports, then September's (the quarterly cycle)"
	$OV load --quiet --exported 2026-07-03 $(ls fixtures/$p/2026-06/*.csv)
	day=1
	for f in $(ls fixtures/$p/*.csv | grep -v /activity.csv); do
		a=$(basename "$f" .csv)
		own=$(ls fixtures/$p/agency-shapes/"$a".* 2>/dev/null || true)
		exported=2026-10-0$day
		day=$((day % 5 + 1))
		if [ "$p/$a" = devon/iru ]; then
			$OV load --quiet --exported $exported fixtures/$p/xlsx/$a.xlsx
		elif [ -n "$own" ]; then
			profile=$(basename "$(ls fixtures/$p/profiles/"$a"-*.json)" .json)
			OVERSIGHT_PROFILES=fixtures/$p/profiles $OV load --quiet --profile "$profile" \
				--exported $exported "$own"
		else
			$OV load --quiet --exported $exported "$f"
		fi
	done
	$OV load --profile activity fixtures/$p/activity.csv
done

# Board papers also as an Excel workbook (always: libxlsxwriter is built
# in), and as HTML (one file that travels, pictures inside) and Word when
# pandoc is there (make demo installs it; never the PDF tools); the
# markdown is always written.
FORMATS=md,xlsx
command -v pandoc >/dev/null 2>&1 && FORMATS=md,html,docx,xlsx
echo "== board papers for $QUARTER ($FORMATS)"
for p in devon gloucestershire perth-kinross north-east-lincolnshire dumfries-galloway; do
	sections=
	[ -d fixtures/$p/sections ] && sections="--sections fixtures/$p/sections"
	$OV report board --partnership $p --quarter $QUARTER -o out --format $FORMATS --csv out/tables $sections
	$OV metrics --partnership $p --quarter $QUARTER --json >out/metrics-$p-$QUARTER.json
	$OV signals --partnership $p --quarter $QUARTER >out/signals-$p-$QUARTER.txt
done
$OV report agency --partnership devon --agency dc-police --quarter $QUARTER -o out
$OV report pdg --partnership devon --quarter $QUARTER -o out --sections fixtures/devon/sections
$OV report resolution-group --partnership gloucestershire --quarter $QUARTER -o out
$OV report cpc --partnership perth-kinross --quarter $QUARTER -o out
$OV report scp --partnership north-east-lincolnshire --quarter $QUARTER -o out
$OV report sab --partnership north-east-lincolnshire --quarter $QUARTER -o out
$OV report girfec --partnership dumfries-galloway --quarter $QUARTER -o out
echo "== the region's paper: the five partnerships side by side"
$OV report compare --partnerships all --quarter $QUARTER -o out --format $FORMATS
$OV metrics --partnership all --quarter $QUARTER --json >out/metrics-all-$QUARTER.json
$OV check >out/check.txt || true
echo "== done: the reports are in out/ (board papers as md, html, docx and xlsx; tables as CSV in out/tables/, charts in out/charts/)"
