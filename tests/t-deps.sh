#!/bin/sh
# t-deps.sh - what tools/deps.sh would install on a machine that has none
# of it: nothing recommended (--no-install-recommends), and the PDF tools
# only when a PDF is asked for (--pdf), never for make demo (--pandoc).
#
# The bare machine is simulated: PATH holds only the few programs the
# script itself runs, and CC is false, so every header and program it looks
# for is missing; --check prints the install command and installs nothing.
. "$(dirname "$0")/lib.sh"

mkdir -p "$T/bin"
for p in sh mktemp rm id cat; do
	ln -s "$(command -v $p)" "$T/bin/$p"
done
bare() {
	env -i PATH="$T/bin" CC=false "$T/bin/sh" "$ROOT/tools/deps.sh" --check "$@" >"$T/o" 2>&1
}
bare --pandoc
check_eq 3 $? "--check on a bare machine: something is missing (exit 3)"
check_grep 'apt-get install -y --no-install-recommends' "$T/o" "the install command takes no recommended packages"
check_grep 'install .* pandoc' "$T/o" "make demo's --pandoc installs pandoc (html and docx papers)"
check_grep 'install .* librsvg2-bin' "$T/o" "make demo's --pandoc installs rsvg-convert (the pictures of the Word paper)"
check_no_grep 'weasyprint' "$T/o" "make demo's --pandoc installs no PDF tools"
check_grep 'libxlsxwriter-dev' "$T/o" "the workbook library is always installed (--format xlsx)"
bare
check_no_grep 'pandoc\|weasyprint\|librsvg2-bin' "$T/o" "plain deps.sh (make, make test): neither pandoc, rsvg-convert nor weasyprint"
bare --pdf
check_grep 'install .* pandoc' "$T/o" "--pdf: pandoc"
check_grep 'install .* weasyprint' "$T/o" "--pdf: weasyprint, its PDF engine"
# Every apt-get install in the script keeps out recommended packages.
check_eq 0 "$(grep 'apt-get install' "$ROOT/tools/deps.sh" | grep -vc -- '--no-install-recommends')" \
	"every apt-get install in deps.sh has --no-install-recommends"
# make demo asks for pandoc, not the PDF tools.
check_grep '^	@sh tools/deps.sh --ensure --pandoc$' "$ROOT/Makefile" "make demo: deps.sh --pandoc"
check_no_grep 'deps.sh.*--pdf' "$ROOT/Makefile" "make: no target installs the PDF tools"
finish
