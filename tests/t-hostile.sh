#!/bin/sh
# t-hostile.sh - text that looks like code stays data.
#
# Learning themes ("up to 200 characters, any text", DESIGN.md) and refs
# come from agencies' logs; file names from whoever runs the load.  Values
# that look like SQL, markdown, HTML, shell or printf formats must be
# stored as written, must not change the warehouse's structure, must not
# break a report's tables or put markup into it, and must run nothing.
# The report's output folder may not climb out with "../".  (Names that
# reach gnuplot are the charts' tests.)
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-09-30
W=$OVERSIGHT_WAREHOUSE
q() { sqlite3 "$W" "$1"; }
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme

# The hostile values, one a line (CSV-quoted where they hold a comma, a
# quote or a line break).  Each is a learning theme of a devon escalation
# resolved in 2025-Q3, so the board report lists it (grouped, with its
# count), and the first five are refs too.
cat >"$T/values" <<'EOF'
'); DROP TABLE escalation;--
Robert'); DELETE FROM source_row; --
$(touch pwned)
`touch pwned`
<script>alert(1)</script>
| injected | cells | here |
# Heading injection
ends with a backslash \
<img src=x onerror=alert(1)>
%s%s%s%n%n%x
**bold** _it_ [link](javascript:alert(1)) ![img](x.png)
; touch pwned; echo
&lt;escaped&gt; &amp;
--- front matter ---
EOF
n=$(wc -l <"$T/values" | tr -d ' ')
{
	echo "$H"
	i=0
	while IFS= read -r v; do
		i=$((i + 1))
		case $i in 1 | 2 | 3 | 4 | 5) ref=$v ;; *) ref=H$i ;; esac
		# CSV quoting: every value in double quotes, quotes doubled.
		qv=$(printf '%s' "$v" | sed 's/"/""/g')
		qr=$(printf '%s' "$ref" | sed 's/"/""/g')
		printf '"%s",devon,dc-police,devon-cs,,child,2025-07-01,threshold,case,n,n,2025-07-01,,,,,resolved,2025-07-10,y,"%s"\n' "$qr" "$qv"
	done <"$T/values"
	# A line break inside a theme (a quoted field spanning two lines).
	printf '"H-NL",devon,dc-police,devon-cs,,child,2025-07-01,threshold,case,n,n,2025-07-01,,,,,resolved,2025-07-10,y,"first line\n| second | line |"\n'
} >"$T/hostile.csv"
n=$((n + 1))

check_ok "init" "$OV" init
cd "$T" || exit 1
# A file name with a quote, a backslash, a pipe and a command in it.
F="$T/a\"b\\c|\$(touch pwned).csv"
cp "$T/hostile.csv" "$F"
"$OV" load --json "$F" >"$T/out" 2>"$T/err"
check_eq 0 $? "the hostile file loads"
check_grep "\"read\": $n, \"loaded\": $n, .*\"rejected\": 0}" "$T/out" "all $n hostile rows are loaded"
check_grep 'a\\"b\\\\c|$(touch pwned).csv", "read"' "$T/out" "load --json escapes the quote and the backslash of the file name"
check_eq "" "$(cat "$T/err")" "nothing on stderr"

# The warehouse: every table still there, the values stored as written.
check_eq "$n $n $n" "$(q "SELECT count(*) FROM escalation") $(q "SELECT count(*) FROM source_row") $(q "SELECT count(*) FROM stage_event")" \
	"escalation, source_row, stage_event intact ($n rows each)"
q "SELECT learning_theme FROM source_row WHERE ref NOT LIKE 'H-NL' ORDER BY id" >"$T/stored"
check_cmp "$T/values" "$T/stored" "every hostile learning theme stored byte for byte"
check_eq "'); DROP TABLE escalation;--" "$(q "SELECT ref FROM source_row ORDER BY id LIMIT 1")" \
	"an SQL-looking ref stored as written"
check_eq 1 "$(q "SELECT count(*) FROM load WHERE file = '$(printf '%s' "$F" | sed "s/'/''/g")'")" \
	"the hostile file name stored as written"
check_ok "oversight check passes" "$OV" check
"$OV" loads --json >"$T/loads.json"
check_grep 'a\\"b\\\\c|' "$T/loads.json" "loads --json escapes the file name"

# The board report.
check_ok "the board report is written" "$OV" report board --partnership devon --quarter 2025-Q3 -o "$T/rep" --no-charts
R=$T/rep/board-devon-2025-Q3.md
# Markdown's escape for a literal "<" is "\<" (CommonMark 2.4).
check_no_grep '\(^\|[^\\]\)<script' "$R" "<script> is escaped in the report"
check_no_grep '\(^\|[^\\]\)<img' "$R" "<img> is escaped in the report"
check_grep '\\<script\\>' "$R" "the <script> theme is shown, escaped"
check_no_grep '^# Heading injection' "$R" "a theme does not become a heading"
check_no_grep "DROP TABLE\|touch pwned" "$T/err" "nothing hostile echoed on stderr"
# Every pipe table keeps one column count on every row: unescaped pipes
# ("\\" is a backslash, "\|" a pipe inside a cell) per line, the same
# within each block of consecutive table lines.
awk '
	/^\|/ {
		s = $0; gsub(/\\\\/, "", s); gsub(/\\\|/, "", s)
		c = gsub(/\|/, "", s)
		if (intable && c != want) { printf "line %d: %d pipes, the table has %d\n", NR, c, want; bad++ }
		if (!intable) { want = c; intable = 1 }
		next
	}
	{ intable = 0 }
	END { exit bad > 0 }' "$R" >"$T/tables" 2>&1
check_eq 0 $? "every table row of the report has its table's column count"
sed 's/^/#   /' "$T/tables" | head -5
# Each theme is in the report once, as a cell of the learning table.
check_grep '%s%s%s%n%n%x' "$R" "a printf format is printed as text"
# Each of the 15 values is on one line of the report, a table row.
pat='DROP TABLE escalation|DELETE FROM|touch pwned|injected|Heading injection|a backslash|onerror|%n%n|javascript|escaped|front matter|first line|script'
check_eq "$n" "$(grep -E -c "$pat" "$R")" "each hostile value is on one line of the report"
check_eq "" "$(grep -E "$pat" "$R" | grep -v '^| ')" "... and that line is a table row"

# The HTML paper (pandoc, when installed) holds no tag from the data.
if command -v pandoc >/dev/null 2>&1; then
	check_ok "the board report as HTML" "$OV" report board --partnership devon --quarter 2025-Q3 \
		-o "$T/html" --no-charts --format html
	check_no_grep '<script\|<img src=x' "$T/html/board-devon-2025-Q3.html" "the HTML has no <script> or <img> from the data"
	check_grep '&lt;script&gt;alert(1)' "$T/html/board-devon-2025-Q3.html" "the HTML shows the theme as text"
else
	echo "# pandoc absent: the HTML paper is not checked"
fi

# Shell: nothing ran.
check_eq "" "$(find "$T" "$ROOT" -maxdepth 3 -name pwned 2>/dev/null)" "no file named pwned appeared"

# -o may not climb out.
check_exit 2 "report -o ../x: refused" "$OV" report board --partnership devon --quarter 2025-Q3 -o ../x --no-charts
check_grep "^oversight: -o: '../x' climbs out with '..'; give the folder itself\$" "$T/.err" "-o ../x: says why"
check_exit 2 "report -o rep/../../x: refused" "$OV" report board --partnership devon --quarter 2025-Q3 -o rep/../../x --no-charts
check_eq no "$([ -e "$T/../x" ] || [ -e "$(dirname "$T")/x" ] && echo yes || echo no)" "-o ../x: nothing written outside"

finish
