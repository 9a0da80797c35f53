#!/bin/sh
# deps.sh - install the Debian packages oversight needs.
#
#   sh tools/deps.sh            install what is missing (as root or with sudo)
#   sh tools/deps.sh --ensure   the same, quietly when nothing is missing
#   sh tools/deps.sh --pandoc   also pandoc and rsvg-convert (html and docx board papers; make demo)
#   sh tools/deps.sh --pdf      also pandoc and weasyprint (pdf board papers)
#   sh tools/deps.sh --fuzz     also clang with libFuzzer (make fuzz)
#   sh tools/deps.sh --check    say what is missing, install nothing
#
# Without root or sudo it prints the exact command to run instead.
set -u

PKGS="libsqlite3-dev libcsv-dev libcjson-dev libsodium-dev libssl-dev libzip-dev libexpat1-dev libxlsxwriter-dev gnuplot-nox sqlite3 jq"
mode=install
want_pandoc=0
want_pdf=0
want_fuzz=0
for a in "$@"; do
	case "$a" in
	--ensure) mode=ensure ;;
	--check) mode=check ;;
	--pandoc) want_pandoc=1 ;;
	--pdf) want_pandoc=1; want_pdf=1 ;;
	--fuzz) want_fuzz=1 ;;
	*) echo "usage: sh tools/deps.sh [--ensure|--check] [--pandoc] [--pdf] [--fuzz]" >&2; exit 2 ;;
	esac
done

missing=""
have_header() {
	printf '#include <%s>\n' "$1" | ${CC:-cc} -E -x c - >/dev/null 2>&1
}
have_header sqlite3.h || missing="$missing libsqlite3-dev"
have_header csv.h || missing="$missing libcsv-dev"
have_header cjson/cJSON.h || missing="$missing libcjson-dev"
have_header sodium.h || missing="$missing libsodium-dev"
have_header openssl/evp.h || missing="$missing libssl-dev" # SHA-256 of a loaded file
have_header zip.h || missing="$missing libzip-dev"          # .xlsx: the zip container
have_header expat.h || missing="$missing libexpat1-dev"     # .xlsx: the XML parts
have_header xlsxwriter.h || missing="$missing libxlsxwriter-dev" # --format xlsx, the .xlsx fixtures
command -v gnuplot >/dev/null 2>&1 || missing="$missing gnuplot-nox"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
command -v jq >/dev/null 2>&1 || missing="$missing jq" # tests read JSON with it
if [ $want_pandoc = 1 ]; then
	command -v pandoc >/dev/null 2>&1 || missing="$missing pandoc"
	# pandoc turns the papers' SVG pictures (the monthly pattern's icons)
	# into PNG for Word with it; without it the Word paper has none
	command -v rsvg-convert >/dev/null 2>&1 || missing="$missing librsvg2-bin"
fi
if [ $want_pdf = 1 ]; then
	# PDF board papers: pandoc renders HTML and weasyprint prints it (no TeX).
	command -v weasyprint >/dev/null 2>&1 || missing="$missing weasyprint"
fi
# libFuzzer ships with Debian's clang: a fuzz target must link.
have_libfuzzer() {
	command -v clang >/dev/null 2>&1 || return 1
	d=$(mktemp -d) || return 1
	printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$d/t.c"
	clang -fsanitize=fuzzer -o "$d/t" "$d/t.c" >/dev/null 2>&1
	r=$?
	rm -rf "$d"
	return $r
}
if [ $want_fuzz = 1 ]; then
	have_libfuzzer || missing="$missing clang"
fi

if [ -z "$missing" ]; then
	[ $mode = ensure ] || echo "deps: everything oversight needs is installed"
	exit 0
fi
echo "deps: missing:$missing" >&2
if [ $mode = check ]; then
	echo "deps: install with: sudo apt-get install -y --no-install-recommends$missing" >&2
	exit 3
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: not a Debian/Ubuntu system: install the equivalents of:$missing" >&2
	exit 3
fi
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo"
else
	echo "deps: run this, then make again:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing" >&2
	exit 3
fi
echo "deps: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2 || exit 3
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2 || exit 3
