#!/bin/sh
# demo.sh - what `make demo` does: a fresh warehouse in out/, the example
# logs of all five partnerships loaded, and their 2026-Q3 board papers.
set -eu
cd "$(dirname "$0")/.."
OV=./oversight
QUARTER=2026-Q3
export OVERSIGHT_DATA="$(pwd)"
export OVERSIGHT_WAREHOUSE=out/demo.db
mkdir -p out
rm -f out/demo.db out/demo.db-wal out/demo.db-shm out/demo.db.key

echo "== init (with Devon's example local targets)"
$OV init --targets fixtures/devon/targets.json

for p in devon gloucestershire perth-kinross north-east-lincolnshire dumfries-galloway; do
	echo "== $p: the agencies' June 2026 exports, then September's (the quarterly cycle)"
	$OV load --quiet $(ls fixtures/$p/2026-06/*.csv)
	$OV load --quiet $(ls fixtures/$p/*.csv | grep -v /activity.csv)
	$OV load --profile activity fixtures/$p/activity.csv
done

echo "== board papers for $QUARTER"
for p in devon gloucestershire perth-kinross north-east-lincolnshire dumfries-galloway; do
	$OV report board --partnership $p --quarter $QUARTER -o out
	$OV metrics --partnership $p --quarter $QUARTER --json >out/metrics-$p-$QUARTER.json
done
$OV report pdg --partnership devon --quarter $QUARTER -o out
$OV report resolution-group --partnership gloucestershire --quarter $QUARTER -o out
$OV report cpc --partnership perth-kinross --quarter $QUARTER -o out
$OV report scp-sab --partnership north-east-lincolnshire --quarter $QUARTER -o out
$OV report girfec --partnership dumfries-galloway --quarter $QUARTER -o out
echo "== done: the reports are in out/"
