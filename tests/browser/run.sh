#!/bin/sh
# run.sh - make test-browser: open the HTML board paper in a real browser
# (Debian's chromium, headless), take a screenshot, and check that the page
# is not blank and that the charts were loaded and drawn (their colour is
# on the page), for the board report of every partnership in out/.  Each
# paper is copied alone into an empty folder first, as if emailed: no
# chart file is beside it, so a chart shows only if it is inside the page.
# The copy is also printed to PDF by the browser (the print CSS applied).
set -u
cd "$(dirname "$0")/../.."
B=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$B" ]; then
	echo "test-browser: chromium is not installed (apt-get install chromium)" >&2
	exit 3
fi
command -v python3 >/dev/null || { echo "test-browser: python3 is needed to read the screenshots" >&2; exit 3; }
ls out/board-*-2026-Q3.html >/dev/null 2>&1 || { echo "test-browser: run make demo first (with pandoc)" >&2; exit 3; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
for paper in out/board-*-2026-Q3.html; do
	name=$(basename "$paper" .html)
	mkdir -p "$T/alone-$name"
	cp "$paper" "$T/alone-$name/"
	html="$T/alone-$name/$name.html"
	if ls "$T/alone-$name" | grep -qv "^$name.html\$"; then
		echo "test-browser: $T/alone-$name holds more than the paper" >&2
		exit 3
	fi
	"$B" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$T/profile" --hide-scrollbars --window-size=1280,4000 \
		--screenshot="$T/$name.png" "file://$html" >"$T/log" 2>&1
	if [ -s "$T/$name.png" ] && python3 tests/browser/check_png.py "$T/$name.png" >"$T/fig"; then
		pass=$((pass + 1))
		echo "ok $((pass + fail)) - $name: rendered with its charts ($(cat "$T/fig"))"
	else
		fail=$((fail + 1))
		echo "not ok $((pass + fail)) - $name: blank or no chart ($(cat "$T/fig" 2>/dev/null))"
	fi
	# the page's own tables: the DOM holds them once the page has loaded
	"$B" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$T/profile" --dump-dom "file://$html" >"$T/dom" 2>/dev/null
	if grep -q '<table' "$T/dom" && grep -q '<img' "$T/dom"; then
		pass=$((pass + 1))
		echo "ok $((pass + fail)) - $name: tables and images in the page"
	else
		fail=$((fail + 1))
		echo "not ok $((pass + fail)) - $name: tables or images missing"
	fi
	# printed: a PDF the browser made, its pages kept
	"$B" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$T/profile" --no-pdf-header-footer --print-to-pdf="$T/$name.pdf" \
		"file://$html" >"$T/log" 2>&1
	if [ "$(head -c 4 "$T/$name.pdf" 2>/dev/null)" = "%PDF" ]; then
		pass=$((pass + 1))
		echo "ok $((pass + fail)) - $name: printed to PDF by the browser"
	else
		fail=$((fail + 1))
		echo "not ok $((pass + fail)) - $name: the browser could not print it"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
