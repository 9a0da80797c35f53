#!/bin/sh
# t-install.sh - `make install` lays out a working tree: the binary finds
# its partnership definitions under <prefix>/share/oversight without
# OVERSIGHT_DATA; the man page and completion are installed.
. "$(dirname "$0")/lib.sh"

bin_rel=${OV#"$ROOT"/}
check_ok "make install DESTDIR PREFIX" make -s -C "$ROOT" install DESTDIR="$T/inst" PREFIX=/opt/ov BIN="$bin_rel"
check_ok "binary installed" test -x "$T/inst/opt/ov/bin/oversight"
check_ok "definitions installed" test -f "$T/inst/opt/ov/share/oversight/protocols/devon.json"
check_ok "man page installed" test -f "$T/inst/opt/ov/share/man/man1/oversight.1"
check_ok "bash completion installed" test -f "$T/inst/opt/ov/share/bash-completion/completions/oversight"
check_ok "queries installed" test -f "$T/inst/opt/ov/share/oversight/queries/m_headline.sql"
# Run from the installed tree, with no OVERSIGHT_DATA: data found beside it.
env -u OVERSIGHT_DATA "$T/inst/opt/ov/bin/oversight" -w "$T/i.db" init >"$T/out" 2>&1
check_eq 0 $? "installed binary: init finds its data relative to itself"
check_grep "5 partnerships, 16 themes" "$T/out" "installed binary loads the five partnerships"
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$ROOT/docs/oversight.1" >"$T/man" 2>/dev/null
	check_grep "EXIT STATUS" "$T/man" "man page renders with its sections"
fi
finish
