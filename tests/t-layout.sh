#!/bin/sh
# t-layout.sh - the shape of the source tree holds: no C file over 700
# lines, no SQL text in a C file (every statement is a named file in
# queries/), no circle between files (a file never calls into a file that
# calls back into it), and the shared routines of core/util.c not copied.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

SRC=$(find oversight.c core model etl report charts fixtures tools -name '*.c' 2>/dev/null | sort)

# 1. Size.
big=$(for f in $SRC; do n=$(wc -l <"$f"); [ "$n" -gt 700 ] && echo "$f:$n"; done)
check_eq "" "$big" "no C file over 700 lines"

# 2. SQL: a string literal that opens with a statement keyword.
sql=$(grep -nE '"[[:space:]]*(SELECT|INSERT|UPDATE|DELETE|CREATE|WITH|PRAGMA|BEGIN|COMMIT|ROLLBACK|DROP|ALTER|ATTACH|REPLACE|VACUUM|ANALYZE)[[:space:](;"]' $SRC || true)
check_eq "" "$sql" "no SQL text in a C file"

# 3. Circles, from the objects' symbols: an edge A -> B when A uses a
# function or object B defines.  tsort(1) names any loop.
OBJ=${UNIT_DIR:-build/tests}
OBJ=${OBJ%/tests}
if command -v nm >/dev/null 2>&1 && command -v tsort >/dev/null 2>&1 && [ -d "$OBJ/core" ]; then
	for o in $(find "$OBJ/core" "$OBJ/model" "$OBJ/etl" "$OBJ/report" "$OBJ/charts" -name '*.o' 2>/dev/null); do
		f=${o#"$OBJ"/}
		nm "$o" | awk -v f="${f%.o}" '$2 ~ /^[TDBR]$/ { print "D", $3, f } $1 == "U" { print "U", $2, f }'
	done >"$T/syms"
	awk '$1 == "D" { def[$2] = $3 } $1 == "U" { u[NR] = $2 " " $3 }
	     END { for (i in u) { split(u[i], a, " "); if ((a[1] in def) && def[a[1]] != a[2]) print a[2], def[a[1]] } }' \
		"$T/syms" | sort -u >"$T/edges"
	check_grep . "$T/edges" "the call graph between files was read"
	tsort "$T/edges" >/dev/null 2>"$T/loops"
	check_eq "" "$(cat "$T/loops")" "no circle between files"
else
	echo "# nm, tsort or the objects in $OBJ absent: circles not checked"
fi

# 4. One copy of each shared routine.
copies=$(grep -nE '^static .*\b(xmalloc|xcalloc|xrealloc|xstrdup|xstrndup|slurp|trim)\(' $SRC | grep -v '^fixtures/gen/nojson.c' || true)
check_eq "" "$copies" "no private copy of an allocator, whole-file reader or trim"
jerr=$(grep -ln 'cJSON_GetErrorPtr' $SRC | grep -v -e '^core/util.c$' -e '^fixtures/gen/nojson.c$' || true)
check_eq "" "$jerr" "a JSON syntax error is turned into a line in one place"

finish
