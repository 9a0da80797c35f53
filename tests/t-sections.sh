#!/bin/sh
# t-sections.sh - a partnership's own report sections: markdown with a
# named SQL query, added without recompiling (report_template.c).
. "$(dirname "$0")/lib.sh"

"$OV" init >/dev/null 2>&1 || { echo "not ok - init"; exit 1; }
H=ref,partnership,raised_by,raised_with,case_ref,raised_on,theme,stage1_on,status,closed_on
cat >"$T/devon.csv" <<EOF2
$H
S1,devon,devon-cs,dc-police,ZZS1,2025-07-02,threshold,2025-07-02,resolved,2025-07-04
S2,devon,devon-cs,dc-police,ZZS2,2025-07-20,threshold,2025-07-20,open,
S3,devon,devon-cs,nhs-devon,ZZS3,2025-08-01,threshold,2025-08-01,open,
S4,devon,devon-cs,nhs-devon,ZZS4,2025-10-01,threshold,2025-10-01,open,
S5,devon,nhs-devon,devon-cs,ZZS5,2025-08-02,threshold,2025-08-02,open,
EOF2
"$OV" load "$T/devon.csv" >/dev/null 2>&1
mkdir -p "$T/sec"
cp "$ROOT/fixtures/devon/sections/10-threshold-disputes.md" "$T/sec/"
cat >"$T/sec/15-dates.md" <<'EOF2'
---
title: Dates
---
From {{from}} to {{to}}.
EOF2
cat >"$T/sec/20-pdg-only.md" <<'EOF2'
---
title: For the PDG only
reports: pdg
---
Only in the PDG item.
EOF2

# In 2025-Q3 devon-cs raised threshold disputes S1, S2 (with dc-police) and
# S3 (with nhs-devon); S4 is in Q4 and S5 was raised by nhs-devon.
check_ok "board with sections" "$OV" report board --partnership devon --quarter 2025-Q3 --no-charts -o "$T/out" --sections "$T/sec" --csv "$T/csv"
R="$T/out/board-devon-2025-Q3.md"
check_grep "^## Threshold disputes raised by Children's Services$" "$R" "section title from the front matter"
check_grep "raised in 2025-Q3, by the" "$R" "{{period}} filled in"
check_grep "^From 2025-07-01 to 2025-09-30\.$" "$R" "{{from}} and {{to}} filled in"
check_grep '^| Devon & Cornwall Police | 2 |$' "$R" "query: 2 with Devon & Cornwall Police (S1, S2), by name"
check_grep '^| NHS Devon | 1 |$' "$R" "query: 1 with NHS Devon (S3), by name"
check_grep '^| \*\*Total\*\* | \*\*3\*\* |$' "$R" "query table has a total row"
check_no_grep "For the PDG only" "$R" "a section for another report is left out"
check_ok "section table as CSV too" test -f "$T/csv/board-devon-2025-Q3-threshold_disputes.csv"
check_ok "pdg with sections" "$OV" report pdg --partnership devon --quarter 2025-Q3 --no-charts -o "$T/out" --sections "$T/sec"
check_grep "^## For the PDG only" "$T/out/pdg-devon-2025-Q3.md" "the PDG-only section is in the PDG item"
check_ok "suppressed" "$OV" report board --partnership devon --quarter 2025-Q3 --no-charts -o "$T/sup" --sections "$T/sec" --suppress 5
check_no_grep '^| Devon & Cornwall Police | 2 |$' "$T/sup/board-devon-2025-Q3.md" "section tables get disclosure control"

# A write, a second statement, an unknown parameter, bad SQL: refused with
# the file and line, a note in the paper, exit 1; the warehouse untouched.
mkdir -p "$T/bad"
cat >"$T/bad/10-write.md" <<'EOF2'
Text.

```sql wipe
DELETE FROM escalation
```
EOF2
check_exit 1 "a writing query: exit 1" "$OV" report board --partnership devon --quarter 2025-Q3 --no-charts -o "$T/b1" --sections "$T/bad"
check_grep "10-write.md:3: sql wipe: must be one read-only statement" "$T/.err" "a writing query is refused, by file and line"
check_eq 5 "$(sqlite3 "$T/wh.db" 'SELECT count(*) FROM escalation')" "the warehouse is untouched"
check_grep "could not be produced" "$T/b1/board-devon-2025-Q3.md" "the paper says the section failed"
rm "$T/bad/10-write.md"
printf 'x\n```sql p\nSELECT :secret\n```\n' >"$T/bad/20-param.md"
check_exit 1 "an unknown parameter: exit 1" "$OV" report board --partnership devon --quarter 2025-Q3 --no-charts -o "$T/b2" --sections "$T/bad"
check_grep "20-param.md:2: sql p: unknown parameter :secret" "$T/.err" "unknown parameter named"
rm "$T/bad/20-param.md"
printf '```sql q\nSELEC 1\n```\n' >"$T/bad/30-syntax.md"
check_exit 1 "bad SQL: exit 1" "$OV" report board --partnership devon --quarter 2025-Q3 --no-charts -o "$T/b3" --sections "$T/bad"
check_grep "30-syntax.md:1: sql q: near \"SELEC\": syntax error" "$T/.err" "bad SQL: sqlite's message with file and line"
check_exit 3 "missing --sections folder: exit 3" "$OV" report board --partnership devon --quarter 2025-Q3 --no-charts -o "$T/b4" --sections "$T/none"
check_grep "sections: .*/none: not a folder" "$T/.err" "missing --sections folder named"
check_ok "nothing written when --sections is missing" test ! -e "$T/b4"
finish
