#!/bin/sh
# t-property-privacy.sh - no case reference leaves the input, whatever runs.
#
# DESIGN.md: a case reference is pseudonymised on its way in and never
# shown.  Devon's logs are given case references no other text holds
# (ZQXCASE0001, ...), and every command, and every failure path reached
# here (rows rejected for the case reference itself, long-shape rows that
# disagree on it, a NUL in it, a JSON \u0000 in it, a wrong key, a second
# load), runs on them.  Then everything written (the warehouse and its
# WAL, the papers in every format, the charts and their data, the CSV
# tables, stdout and stderr of every run) is searched for them: none may
# appear, in any spelling.
. "$(dirname "$0")/lib.sh"

case $OV in
*valgrind*)
	echo "ok 1 - # SKIP t-property-privacy.sh under valgrind"
	exit 0 ;;
esac

export OVERSIGHT_TODAY=2026-09-30
D=$ROOT/fixtures/devon
IN=$T/in
OUT=$T/out
mkdir "$IN" "$OUT"
LOG=$OUT/log # every run's stdout and stderr
run() { echo "## $*" >>"$LOG"; "$@" >>"$LOG" 2>&1; echo "## exit $?" >>"$LOG"; }

# A case reference's distinctive spelling, one per case however the log
# spelt it (upper case, no spaces: the pseudonym's rule).
cat >"$T/map.awk" <<'EOF'
function zq(v,   k) {
	k = toupper(v); gsub(/[ \t]/, "", k)
	if (k == "") return v
	if (!(k in id)) id[k] = sprintf("ZQXCASE%04d", ++n)
	return id[k]
}
EOF
for a in dc-police devon-cs education iru nhs-devon; do
	awk -F, -v OFS=, "$(cat "$T/map.awk")"'
	NR > 1 { $5 = zq($5) } { print }' "$D/$a.csv" >"$IN/$a.csv"
done
# The long file: column 4, on the first line of each record only.
awk -F, -v OFS=, "$(cat "$T/map.awk")"'
NR > 1 && $1 ~ /^[A-Z]+-[0-9]+-[0-9]+$/ { $4 = zq($4) } { print }' \
	"$D/agency-shapes/devon-cs.csv" >"$IN/long.csv"
check_grep ZQXCASE0001 "$IN/iru.csv" "the logs hold the distinctive case references"
# Failure paths that quote the case reference's field.
H=$(head -1 "$D/iru.csv")
{
	echo "$H"
	echo "IRU-99-0001,devon,iru,devon-cs,ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001ZQXCASE9001,child,2026-01-05,assessment,iru,n,n,2026-01-05,,,,,open,,n,"
	echo "IRU-99-0002,devon,iru,devon-cs,ZQXCASE9002,child,2036-01-05,assessment,iru,n,n,2036-01-05,,,,,open,,n,"
	echo "IRU-99-0003,devon,iru,nowhere,ZQXCASE9003,child,2026-01-05,assessment,iru,n,n,2026-01-05,,,,,open,,n,"
	printf 'IRU-99-0004,devon,iru,devon-cs,ZQXCASE9004\001x,child,2026-01-05,assessment,iru,n,n,2026-01-05,,,,,open,,n,\n'
	echo "IRU-99-0005,devon,iru,devon-cs,ZQXCASE9005 ,child,2026-01-05,assessment,iru,n,n,2026-01-05,,,,,open,,n,"
	echo "IRU-99-0005,devon,iru,devon-cs,ZQXCASE9006,child,2026-01-05,assessment,iru,n,n,2026-01-05,,,,,open,,n,"
} >"$IN/bad.csv"
{
	head -1 "$IN/long.csv"
	echo 'DCS-99-0001,DEVON CS,EDUCATION,ZQXCASE9101,Child,03/01/2026,Threshold,Case,0,0,Stage 1,03/01/2026 10:43,N,,'
	echo 'DCS-99-0001,DEVON CS,EDUCATION,ZQXCASE9102,Child,03/01/2026,Threshold,Case,0,0,Stage 2,04/01/2026 10:43,N,,'
	echo 'DCS-99-0002,DEVON CS,EDUCATION,ZQXCASE9103,Nobody,03/01/2026,Threshold,Case,0,0,Stage 1,03/01/2026 10:43,N,,'
} >"$IN/long-bad.csv"

W=$OUT/wh.db
run "$OV" -w "$W" init
for a in dc-police education iru nhs-devon; do
	run "$OV" -w "$W" load "$IN/$a.csv"
done
run "$OV" -w "$W" load --json "$IN/iru.csv" # already loaded
run "$OV" -w "$W" load --profile "$D/profiles/devon-cs-long.json" "$IN/long.csv"
run "$OV" -w "$W" load "$IN/bad.csv"
run "$OV" -w "$W" load --profile "$D/profiles/devon-cs-long.json" "$IN/long-bad.csv"
run "$OV" -w "$W" profile check "$D/profiles/devon-cs-long.json" "$IN/long.csv"
run "$OV" -w "$W" profile check -n 50 "$D/profiles/devon-cs-long.json" "$IN/long-bad.csv"
# A JSON log with a \u0000 inside a case reference, through the JSON profile.
# The first case reference holds a \u0000; the others are distinctive too.
awk '{
	out = ""; rest = $0
	while (match(rest, /"identifier": "[^"]*"/)) {
		v = sprintf("ZQXCASE%04d", 9200 + ++n)
		if (n == 1) v = v "\\u0000" v
		out = out substr(rest, 1, RSTART - 1) "\"identifier\": \"" v "\""
		rest = substr(rest, RSTART + RLENGTH)
	}
	print out rest
}' "$D/agency-shapes/nhs-devon.json" >"$IN/nhs.json"
check_grep 'ZQXCASE9201.u0000' "$IN/nhs.json" "the JSON log holds a case reference with a \\u0000"
run "$OV" -w "$W" profile check "$D/profiles/nhs-devon-json.json" "$IN/nhs.json"
run "$OV" -w "$W" load --profile "$D/profiles/nhs-devon-json.json" "$IN/nhs.json"
# Another key: refused.
"$OV" -w "$OUT/other.db" init >/dev/null 2>&1
run "$OV" -w "$W" --key-file "$OUT/other.db.key" load "$IN/devon-cs.csv"
run "$OV" -w "$W" load "$IN/devon-cs.csv"
run "$OV" -w "$W" loads
run "$OV" -w "$W" rejects
run "$OV" -w "$W" check
run "$OV" -w "$W" check --json
for q in 2026-Q2 2026-Q3; do
	run "$OV" -w "$W" metrics --partnership devon --quarter $q --json
	run "$OV" -w "$W" signals --partnership devon --quarter $q
	run "$OV" -w "$W" signals --partnership devon --quarter $q --json
done
run "$OV" -w "$W" calendar --help
for k in board pdg; do
	run "$OV" -w "$W" report $k --partnership devon --quarter 2026-Q3 -o "$OUT/papers" \
		--format md,html,docx,pdf --csv "$OUT/csv"
done
run "$OV" -w "$W" report agency --partnership devon --agency devon-cs --quarter 2026-Q3 \
	-o "$OUT/papers" --format html --csv "$OUT/csv"
run "$OV" -w "$W" report board --partnership devon --quarter 2026-Q3 -o "$OUT/public" --public

n=$(grep -c '^## exit' "$LOG")
check_eq 1 "$([ "$n" -ge 25 ] && echo 1)" "every command ran ($n runs)"
check_grep '^## exit 1' "$LOG" "failure paths were reached (a data error)"
check_grep '^## exit 3' "$LOG" "failure paths were reached (the wrong key)"
check_grep 'board-devon-2026-Q3' "$LOG" "the papers were written"
n=$(find "$OUT" -type f | wc -l)
check_eq 1 "$([ "$n" -ge 10 ] && echo 1)" "files written: $n"
# The WAL and the warehouse itself, as bytes (what a copy of them shows).
ls "$OUT"/wh.db* >/dev/null
# A docx is a zip of XML, a pdf's text is compressed: their text too.
mkdir "$OUT/text"
for f in "$OUT"/papers/*.docx; do
	command -v unzip >/dev/null && unzip -p "$f" >"$OUT/text/$(basename "$f").xml" 2>/dev/null
done
for f in "$OUT"/papers/*.pdf; do
	command -v pdftotext >/dev/null && pdftotext "$f" "$OUT/text/$(basename "$f").txt" 2>/dev/null
done
# Every spelling: the distinctive part, in any case, with spaces or not.
if grep -r -a -i -l 'ZQX *CASE' "$OUT" >"$T/hits"; then
	echo "# case references found in:"; sed 's/^/#   /' "$T/hits"
	grep -r -a -i -o -h '.\{0,40\}ZQX *CASE.\{0,20\}' "$OUT" | head -5 | sed 's/^/#   /'
fi
check_eq "" "$(cat "$T/hits")" "no case reference in anything written: warehouse, WAL, papers, charts, CSV, stdout, stderr"
[ -n "${PRIVACY_KEEP:-}" ] && cp -r "$T" "$PRIVACY_KEEP" # to look at what was written
finish
