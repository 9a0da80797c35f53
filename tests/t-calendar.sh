#!/bin/sh
# t-calendar.sh - "oversight calendar": bank holidays and working days,
# usage errors, override files, and conformance with gov.uk's data.
#
# The expected lists below were worked out by hand from a printed calendar
# and the rules in DESIGN.md ("Calendar"), not copied from the program.
. "$(dirname "$0")/lib.sh"

# --- help ---
check_ok "calendar --help exits 0" "$OV" calendar --help
check_grep '^usage: oversight calendar' "$T/.out" "help shows the usage"
check_grep '^    oversight calendar --jurisdiction' "$T/.out" "help shows an example"

# --- bank holidays of Scotland in 2026 ---
# Easter Sunday 5 April; 1 August is a Saturday (summer: first Monday, 3rd);
# Boxing Day is a Saturday (substitute Monday 28th); 15 June is the one-off.
cat >"$T/want" <<'EOF'
2026-01-01	New Year’s Day
2026-01-02	2nd January
2026-04-03	Good Friday
2026-05-04	Early May bank holiday
2026-05-25	Spring bank holiday
2026-06-15	World Cup bank holiday
2026-08-03	Summer bank holiday
2026-11-30	St Andrew’s Day
2026-12-25	Christmas Day
2026-12-28	Boxing Day
EOF
"$OV" calendar --jurisdiction scotland --from 2026-01-01 --to 2026-12-31 >"$T/got" 2>"$T/err"
check_eq 0 $? "calendar scotland 2026 exits 0"
check_cmp "$T/want" "$T/got" "bank holidays of scotland in 2026"

# England and Wales, a range cutting through two years (Christmas 2021 is a
# Saturday: substitutes on Monday 27th and Tuesday 28th; 1 January 2022 is
# a Saturday: substitute Monday 3rd).
cat >"$T/want" <<'EOF'
2021-12-27	Christmas Day
2021-12-28	Boxing Day
2022-01-03	New Year’s Day
EOF
"$OV" calendar --jurisdiction england-wales --from 2021-12-01 --to 2022-04-14 >"$T/got"
check_cmp "$T/want" "$T/got" "bank holidays of england-wales, dec 2021 to mid april 2022"

"$OV" calendar --jurisdiction england-wales --from 2025-06-01 --to 2025-06-30 >"$T/got"
check_eq 0 "$(wc -l <"$T/got" | tr -d ' ')" "no bank holiday in june 2025: empty output"

# --- working days over Christmas 2025 (Thursday; Boxing Day Friday) ---
cat >"$T/want" <<'EOF'
2025-12-22
2025-12-23
2025-12-24
2025-12-29
2025-12-30
2025-12-31
2026-01-02
2026-01-05
EOF
"$OV" calendar --jurisdiction england-wales --from 2025-12-20 --to 2026-01-05 --working-days >"$T/got"
check_cmp "$T/want" "$T/got" "working days over christmas 2025 (england-wales)"
# Scotland also stops on 2 January.
grep -v '^2026-01-02$' "$T/want" >"$T/want2"
"$OV" calendar --jurisdiction scotland --from 2025-12-20 --to 2026-01-05 --working-days >"$T/got"
check_cmp "$T/want2" "$T/got" "working days over christmas 2025 (scotland)"

# --- usage errors: exit 2 ---
check_exit 2 "unknown jurisdiction" "$OV" calendar --jurisdiction wales --from 2025-01-01 --to 2025-01-31
check_grep "^oversight: --jurisdiction: unknown jurisdiction 'wales'" "$T/.err" "unknown jurisdiction is named"
check_grep "^try 'oversight calendar --help'" "$T/.err" "usage error says where help is"
check_exit 2 "impossible date" "$OV" calendar --jurisdiction scotland --from 2025-02-29 --to 2025-03-31
check_grep "^oversight: --from: '2025-02-29' is not a date" "$T/.err" "bad date is named"
check_exit 2 "--from after --to" "$OV" calendar --jurisdiction scotland --from 2025-03-01 --to 2025-02-01
check_exit 2 "missing --jurisdiction" "$OV" calendar --from 2025-01-01 --to 2025-01-31
check_exit 2 "missing --to" "$OV" calendar --jurisdiction scotland --from 2025-01-01
check_exit 2 "unknown option" "$OV" calendar --jurisdiction scotland --from 2025-01-01 --to 2025-01-31 --bogus
check_exit 2 "stray argument" "$OV" calendar --jurisdiction scotland --from 2025-01-01 --to 2025-01-31 extra

# --- override file: days announced later are added ---
cat >"$T/extra.json" <<'EOF'
{
  "england-and-wales": {"division": "england-and-wales", "events": [
    {"title": "Extra bank holiday", "date": "2031-03-03", "notes": "", "bunting": true}
  ]},
  "scotland": {"division": "scotland", "events": []},
  "northern-ireland": {"division": "northern-ireland", "events": []}
}
EOF
"$OV" calendar --jurisdiction england-wales --from 2031-03-01 --to 2031-03-31 --overrides "$T/extra.json" >"$T/got"
printf '2031-03-03\tExtra bank holiday\n' >"$T/want"
check_cmp "$T/want" "$T/got" "override day listed"
"$OV" calendar --jurisdiction england-wales --from 2031-03-01 --to 2031-03-05 --working-days --overrides "$T/extra.json" >"$T/got"
printf '2031-03-04\n2031-03-05\n' >"$T/want"
check_cmp "$T/want" "$T/got" "override day is not a working day"
"$OV" calendar --jurisdiction scotland --from 2031-03-01 --to 2031-03-31 --overrides "$T/extra.json" >"$T/got"
check_eq 0 "$(wc -l <"$T/got" | tr -d ' ')" "england-and-wales override not in scotland"

printf '{"scotland": {"events": [{"title": "X", "date": "2031-02-30"}]}}\n' >"$T/bad.json"
check_exit 1 "override file with a bad date: exit 1" \
	"$OV" calendar --jurisdiction scotland --from 2031-01-01 --to 2031-12-31 --overrides "$T/bad.json"
check_grep 'bad.json: scotland: event 1: date: 2031-02-30 is not a real date' "$T/.err" "bad override date is named (impossible, as the loader says it)"
printf '{"scotland": {"events": [\n{"date": "2031-02-03",]}}\n' >"$T/bad.json"
check_exit 1 "override file that is not JSON: exit 1" \
	"$OV" calendar --jurisdiction scotland --from 2031-01-01 --to 2031-12-31 --overrides "$T/bad.json"
check_grep 'bad.json:2: not valid JSON' "$T/.err" "invalid JSON points at its line"
check_exit 3 "missing override file: exit 3" \
	"$OV" calendar --jurisdiction scotland --from 2031-01-01 --to 2031-12-31 --overrides "$T/none.json"

# --- conformance: gov.uk's bank holidays 2012-2028 ---
# Every date gov.uk lists must be listed, and nothing else.  Extracted with
# tr and awk so nothing beyond POSIX tools is needed: "{" starts a line,
# a line ending in a division key switches division, and each event line
# carries its "title" and "date".
corpus="$CORPORA/uk-bank-holidays/bank-holidays.2012-2028.merged.json"

# events DIVISION: "date<TAB>title" of every event of DIVISION, sorted.
events() {
	tr '{' '\n' <"$corpus" | awk -v div="$1" '
		cur == div && match($0, /"date"[ \t]*:[ \t]*"[0-9-]+"/) {
			d = substr($0, RSTART, RLENGTH); sub(/"$/, "", d); sub(/.*"/, "", d)
			t = ""
			if (match($0, /"title"[ \t]*:[ \t]*"[^"]*"/)) {
				t = substr($0, RSTART, RLENGTH); sub(/"$/, "", t); sub(/.*"/, "", t)
			}
			print d "\t" t
		}
		# After the event: the last event of a division shares its line with
		# the key of the next division.
		/"england-and-wales"[ \t]*:[ \t]*$/ { cur = "england-and-wales" }
		/"scotland"[ \t]*:[ \t]*$/ { cur = "scotland" }
		/"northern-ireland"[ \t]*:[ \t]*$/ { cur = "northern-ireland" }' | sort
}

if [ ! -f "$corpus" ]; then
	_ok "# SKIP corpus absent"
else
	for div in england-and-wales scotland; do
		jur=$div
		[ "$div" = england-and-wales ] && jur=england-wales
		events "$div" >"$T/gov.$div"
		"$OV" calendar --jurisdiction "$jur" --from 2012-01-01 --to 2028-12-31 | sort >"$T/ours.$div"
		n=$(wc -l <"$T/gov.$div" | tr -d ' ')
		cut -f1 "$T/gov.$div" >"$T/gov.dates"
		cut -f1 "$T/ours.$div" >"$T/ours.dates"
		check_eq yes "$([ "$n" -gt 100 ] && echo yes)" "conformance $div: corpus read ($n dates)"
		check_cmp "$T/gov.dates" "$T/ours.dates" "conformance $div 2012-2028: same dates ($n)"
		# Names too, except where gov.uk named the same days two ways:
		# 1 January on a Sunday in Scotland, its 2012 and 2017 data call
		# Monday "2nd January" and Tuesday the New Year's Day substitute;
		# its 2023 data, which we follow, the other way round.
		if [ "$div" = scotland ]; then
			grep -v -e '^2012-01-0[23]' -e '^2017-01-0[23]' "$T/gov.$div" >"$T/gov.names"
			grep -v -e '^2012-01-0[23]' -e '^2017-01-0[23]' "$T/ours.$div" >"$T/ours.names"
		else
			cp "$T/gov.$div" "$T/gov.names"
			cp "$T/ours.$div" "$T/ours.names"
		fi
		check_cmp "$T/gov.names" "$T/ours.names" "conformance $div 2012-2028: same names"
	done
fi

finish
