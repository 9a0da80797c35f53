#!/bin/sh
# t-property-order.sh - the warehouse does not depend on how the logs came in.
#
# DESIGN.md: the same rows give the same escalations and the same figures
# whichever files they came in, in whichever order, however often.  A
# reference warehouse loads Devon's canonical logs one file after another
# and its Children's Services log in its long shape as it is (less
# the refs it repeats apart, whose first run is the one kept); each random
# order then loads the same rows split into random pieces, in a random
# order, with random rows and whole pieces loaded twice, and the long
# file's escalations and the rows (events) within each shuffled.  The escalations (every column but the row id)
# and every figure of metrics --json must be those of the reference.
#   PROP_SEED    the seed (default: the clock); printed on failure
#   PROP_ORDERS  how many random orders (default 200)
. "$(dirname "$0")/lib.sh"

case $OV in
*valgrind*)
	echo "ok 1 - # SKIP t-property-order.sh under valgrind"
	exit 0 ;;
esac

export OVERSIGHT_TODAY=2026-09-30
SEED=${PROP_SEED:-$(date +%s)}
ORDERS=${PROP_ORDERS:-200}
D=$ROOT/fixtures/devon
CANON="dc-police education iru nhs-devon"
LONG=$D/agency-shapes/devon-cs.csv
LONGPF=$D/profiles/devon-cs-long.json

# Every column of every escalation but its row id, in one order.
esc() {
	sqlite3 "$1" "SELECT partnership, pseudo, raised_by, raised_with, hex(case_key), subject,
		raised_on, theme, category, serious_concern, stuck, stage1_on, stage2_on,
		stage3_on, stage4_on, stage5_on, top_stage, status, closed_on, learning,
		learning_theme, n_sources FROM escalation ORDER BY 1, 7, 3, 4, 2, 5, 8;
		SELECT e.pseudo, s.stage, s.entered_on, s.completed_on, s.due_on FROM stage_event s
		JOIN escalation e ON e.id = s.escalation_id ORDER BY 1, 2, 3;" 2>&1
}
figures() {
	for q in 2025-Q4 2026-Q1 2026-Q2 2026-Q3; do
		"$OV" -w "$1" metrics --partnership devon --quarter $q --json 2>&1
	done
	"$OV" -w "$1" metrics --partnership devon --from 2024-01-01 --to 2026-09-30 --json 2>&1
}

# The data rows of the canonical logs, one a line (the generator writes no
# line breaks inside fields).
for a in $CANON; do tail -n +2 "$D/$a.csv"; done >"$T/rows"
head -1 "$D/iru.csv" >"$T/header"
# The long file's records, each joined onto one line with a \001 where its
# quoted line breaks were, so that they can be shuffled whole.
head -1 "$LONG" >"$T/long.header"
tail -n +2 "$LONG" | awk '{
	rec = (held == "") ? $0 : held "\001" $0
	n = gsub(/"/, "\"", rec)
	if (n % 2) { held = rec; next }
	print rec; held = ""
}' | awk '
# Its escalations (runs of rows of one ref) as groups, one a line, rows
# joined by \002.  A ref whose rows come in two runs is a planted bad row
# (the later run is rejected): which run is first is the order of the
# file, so such refs are left out, of the reference too.
{
	key = substr($0, 1, index($0, ",") - 1)
	if (ng == 0 || key != last) { g[++ng] = $0; k[ng] = key; seen[key]++ }
	else g[ng] = g[ng] "\002" $0
	last = key
}
END { for (i = 1; i <= ng; i++) if (seen[k[i]] == 1) print g[i] }' >"$T/long.rows"
{
	cat "$T/long.header"
	tr '\001\002' '\n\n' <"$T/long.rows"
} >"$T/long.csv"

# --- the reference ------------------------------------------------------------
check_ok "init the template warehouse" "$OV" -w "$T/tmpl.db" init
cp "$T/tmpl.db" "$T/ref.db"
cp "$T/tmpl.db.key" "$T/ref.db.key"
# Whose log a file is (its owner) depends on how the rows were split: a
# piece naming one agency in every row would be that agency's own log.
# Every canonical file and piece is therefore loaded as the partnership's
# shared log, so coverage is the same in every order.
for a in $CANON; do
	"$OV" -w "$T/ref.db" load --quiet --shared "$D/$a.csv" >/dev/null 2>&1
done
"$OV" -w "$T/ref.db" load --quiet --profile "$LONGPF" "$T/long.csv" >/dev/null 2>&1
esc "$T/ref.db" >"$T/ref.esc"
figures "$T/ref.db" >"$T/ref.fig"
# The reference is not empty: the property would hold of nothing too.
n=$(sqlite3 "$T/ref.db" "SELECT count(*) FROM escalation WHERE raised_by = 'devon-cs'")
check_eq 1 "$([ "$n" -gt 100 ] && echo 1)" "reference: the long file gave escalations ($n)"
check_grep '"raised"' "$T/ref.fig" "reference: metrics --json has figures"
# A schema change that renamed a column must fail here, not pass.
check_no_grep 'Error\|no such' "$T/ref.esc" "reference: the escalation query runs"

# --- the random orders --------------------------------------------------------
# One awk run plans every order from the seed: for order i it writes the
# pieces (piece files), the long file shuffled, and the load list.
start=$(date +%s)
mkdir "$T/plan"
awk -v seed="$SEED" -v orders="$ORDERS" -v dir="$T/plan" \
    -v hdr="$(cat "$T/header")" -v lhdr="$(cat "$T/long.header")" '
function shuffle(a, n,   i, j, t) {
	for (i = n; i > 1; i--) { j = int(rand() * i) + 1; t = a[i]; a[i] = a[j]; a[j] = t }
}
FNR == NR { row[++nr] = $0; next }
{ lrow[++nl] = $0 }
END {
	srand(seed)
	for (o = 1; o <= orders; o++) {
		for (i = 1; i <= nr; i++) r[i] = row[i]
		shuffle(r, nr)
		k = int(rand() * 6) + 1          # 1..6 pieces
		for (p = 1; p <= k; p++) { f[p] = dir "/" o "-" p ".csv"; print hdr >f[p] }
		for (i = 1; i <= nr; i++) {
			p = int(rand() * k) + 1
			print r[i] >>f[p]
			# a row given again, in another piece (unchanged when it comes)
			if (k > 1 && rand() < 0.1) {
				q = (p % k) + 1
				print r[i] >>f[q]
			}
		}
		for (p = 1; p <= k; p++) close(f[p])
		for (i = 1; i <= nl; i++) l[i] = lrow[i]
		shuffle(l, nl)
		lf = dir "/" o "-long.csv"
		print lhdr >lf
		for (i = 1; i <= nl; i++) {
			# the rows of one escalation stay adjacent (the long shape
			# of profile.h) but come in any order
			m = split(l[i], ev, "\002")
			shuffle(ev, m)
			for (j = 1; j <= m; j++) { s = ev[j]; gsub(/\001/, "\n", s); print s >>lf }
		}
		close(lf)
		# the load list: the pieces in a random order, the long file at a
		# random place, and some pieces loaded twice
		for (p = 1; p <= k; p++) ord[p] = p
		shuffle(ord, k)
		at = int(rand() * (k + 1))
		list = ""
		if (at == 0) list = "L"
		for (p = 1; p <= k; p++) {
			list = list " " ord[p]
			if (rand() < 0.2) list = list " " ord[int(rand() * k) + 1]
			if (at == p) list = list " L"
		}
		print list >(dir "/" o ".list")
		close(dir "/" o ".list")
	}
}' "$T/rows" "$T/long.rows"

bad=0
for o in $(seq 1 "$ORDERS"); do
	W=$T/o.db
	rm -f "$W" "$W-wal" "$W-shm"
	cp "$T/tmpl.db" "$W"
	cp "$T/tmpl.db.key" "$W.key"
	for x in $(cat "$T/plan/$o.list"); do
		if [ "$x" = L ]; then
			"$OV" -w "$W" load --quiet --profile "$LONGPF" "$T/plan/$o-long.csv"
		else
			"$OV" -w "$W" load --quiet --shared "$T/plan/$o-$x.csv"
		fi
	done >/dev/null 2>"$T/o.err"
	esc "$W" >"$T/o.esc"
	figures "$W" >"$T/o.fig"
	if ! cmp -s "$T/ref.esc" "$T/o.esc" || ! cmp -s "$T/ref.fig" "$T/o.fig"; then
		bad=$((bad + 1))
		if [ $bad -eq 1 ]; then
			echo "# order $o (PROP_SEED=$SEED): loads $(cat "$T/plan/$o.list")"
			diff "$T/ref.esc" "$T/o.esc" | head -10 | sed 's/^/#   /'
			diff "$T/ref.fig" "$T/o.fig" | head -10 | sed 's/^/#   /'
			sed 's/^/#   /' "$T/o.err" | head -5
		fi
	fi
	rm -f "$T/plan/$o-"* "$T/plan/$o.list"
done
secs=$(($(date +%s) - start))
echo "# $ORDERS random orders in ${secs}s (PROP_SEED=$SEED)"
check_eq 0 "$bad" "$ORDERS random splits, orders and repeats: the escalations and every figure as the reference's (PROP_SEED=$SEED)"
finish
