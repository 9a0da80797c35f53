#!/bin/sh
# t-words.sh - papers in the protocol's own words: the Devon PDG item lists
# every serious concern and every stuck network of the period at any stage
# (protocol sections 3.2 and 3.3) and keeps the standing item's categories
# with zeros (2.7); "unresolved at stage N" as a fact, with what follows in
# the protocol's words; and no paper of the example data carries this
# project's own words (line numbers of a seed text, DESIGN.md, tiers) or
# the ids of themes, subjects, categories and agencies, outside the
# analyst's appendix at the end.
#
# Every expected figure is worked out BY HAND in the comment beside it.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2026-12-31
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme
P=devon

# ===========================================================================
# 1. The PDG item, 2026-Q3 (Wed 1 Jul - Wed 30 Sep 2026)
# ===========================================================================
# "Of the period": open at some time in it (raised by 30 Sep, not closed
# before 1 Jul), whatever the stage.  Serious concerns (sc = y):
#   SC1 raised Mon 6 Jul, stage 1, open: listed; stage 1, open, working
#       days 7-31 Jul 19 + Aug 20 (Mon 31 Aug a bank holiday) + Sep 22 = 61.
#   SC3 raised Mon 11 May, stage 3 on 1 Jun, resolved Wed 15 Jul: listed;
#       stage 3, resolved, working days 12-29 May 13 (Mon 25 May a bank
#       holiday) + Jun 22 + 1-15 Jul 11 = 46.
#   SC5 raised Mon 6 Jan 2025, stage 5 on 3 Mar 2025, open: listed, stage 5.
#   SCOLD raised 5 Jan, resolved 2 Mar 2026 (before the period): not listed.
#   SCNEW raised Mon 5 Oct 2026 (after it): not listed.
# Stuck networks (stuck = y):
#   ST1 raised Mon 3 Aug, stage 1, resolved Mon 10 Aug: listed; 4-7, 10
#       Aug = 5 working days.
#   ST3 raised Mon 1 Jun, stage 3 on 15 Jun, open: listed, stage 3.
#   STOLD stage 5 on 7 Apr 2025, withdrawn Tue 30 Jun 2026 (the day before
#       the period): not listed.
# IRU1: category iru, raised Tue 1 Sep, stage 1, open.
# Categories raised in the period: SC1 case, ST1 case, IRU1 iru: case 2,
#   policy 0 (kept), iru 1; total 3.
# Counts: raised in the period: serious SC1 = 1, stuck ST1 = 1, IRU IRU1
#   = 1; open at its end: serious SC1 SC5 = 2 (SC3 closed 15 Jul), stuck
#   ST3 = 1, IRU IRU1 = 1.
# Stage 5 (the PDG's stage), highest stage by 30 Sep and open in the
#   period: SC5 only (STOLD closed 30 Jun): 1; unresolved there 1.
cat >"$T/devon.csv" <<EOF
$H
SC1,$P,devon-cs,dc-police,,child,2026-07-06,threshold,case,y,n,2026-07-06,,,,,open,,n,
SC3,$P,nhs-devon,devon-cs,,child,2026-05-11,assessment,case,y,n,2026-05-11,2026-05-18,2026-06-01,,,resolved,2026-07-15,n,
SC5,$P,education,devon-cs,,unborn,2025-01-06,plan,case,y,n,2025-01-06,2025-01-13,2025-01-20,2025-02-03,2025-03-03,open,,n,
SCOLD,$P,devon-cs,nhs-devon,,child,2026-01-05,threshold,case,y,n,2026-01-05,,,,,resolved,2026-03-02,n,
SCNEW,$P,devon-cs,nhs-devon,,child,2026-10-05,threshold,case,y,n,2026-10-05,,,,,open,,n,
ST1,$P,dc-police,devon-cs,,child,2026-08-03,drift-delay,case,n,y,2026-08-03,,,,,resolved,2026-08-10,n,
ST3,$P,devon-cs,education,,child,2026-06-01,information-sharing,case,n,y,2026-06-01,2026-06-08,2026-06-15,,,open,,n,
STOLD,$P,nhs-devon,dc-police,,child,2025-02-03,case-closure,case,n,y,2025-02-03,2025-02-10,2025-02-17,2025-03-03,2025-04-07,withdrawn,2026-06-30,n,
IRU1,$P,iru,devon-cs,,child,2026-09-01,meeting-decision,iru,n,n,2026-09-01,,,,,open,,n,
EOF
check_ok "devon: init" "$OV" init
check_ok "devon: load" "$OV" load --quiet "$T/devon.csv"
check_ok "pdg item" "$OV" report pdg --partnership $P --quarter 2026-Q3 --no-charts -o "$T/out"
R=$T/out/pdg-$P-2026-Q3.md

# The text of one "### title" block of the paper (up to the next heading).
block() {
	awk -v h="### $1" '$0 == h { on = 1; next } on && /^#/ { exit } on' "$R"
}
rows() { block "$1" | grep -c '^| E[0-9A-F]\{7\} |'; }

check_eq 3 "$(rows 'Serious concerns logged with the chair')" "pdg: three serious concerns of the period"
S=$(block 'Serious concerns logged with the chair')
check_ok "pdg: SC1, stage 1, open, 61 working days" \
	sh -c 'printf "%s\n" "$1" | grep -q "^| E[0-9A-F]* | Devon Children.s Services | Devon & Cornwall Police | Thresholds | 6 July 2026 | 1 | open | 61 |$"' - "$S"
check_ok "pdg: SC3, stage 3, resolved in the period, 46 working days" \
	sh -c 'printf "%s\n" "$1" | grep -q "^| E[0-9A-F]* | NHS Devon | Devon Children.s Services | Assessment outcome | 11 May 2026 | 3 | resolved | 46 |$"' - "$S"
check_ok "pdg: SC5 at stage 5" \
	sh -c 'printf "%s\n" "$1" | grep -q "^| E[0-9A-F]* | Schools and Education | Devon Children.s Services | Plan for the child | 6 January 2025 | 5 | open | [0-9]* |$"' - "$S"
check_no_grep '5 January 2026\|5 October 2026' "$R" "pdg: concerns closed before the period or raised after it are not listed"

check_eq 2 "$(rows 'Professional network stuck')" "pdg: two stuck networks of the period"
S=$(block 'Professional network stuck')
check_ok "pdg: ST1, stage 1, 5 working days" \
	sh -c 'printf "%s\n" "$1" | grep -q "^| E[0-9A-F]* | Devon & Cornwall Police | Devon Children.s Services | Drift or delay | 3 August 2026 | 1 | resolved | 5 |$"' - "$S"
check_ok "pdg: ST3 at stage 3, open" \
	sh -c 'printf "%s\n" "$1" | grep -q "^| E[0-9A-F]* | Devon Children.s Services | Schools and Education | Information sharing | 1 June 2026 | 3 | open | [0-9]* |$"' - "$S"
check_no_grep '3 February 2025' "$R" "pdg: a stuck network closed the day before the period is not listed"

check_grep '^| Case disagreement | 2 |$' "$R" "pdg: categories, case 2"
check_grep '^| Policy challenge | 0 |$' "$R" "pdg: a category with none raised is kept, with 0"
check_grep '^| Difference reported by the Independent Reviewing Unit | 1 |$' "$R" "pdg: categories, IRU 1"
check_grep '^| Serious concern logged with the chair | 1 | 2 |$' "$R" "pdg: serious concerns raised 1, open at the end 2"
check_grep '^| Professional network stuck | 1 | 1 |$' "$R" "pdg: stuck raised 1, open 1"
# The same counts for 2025-Q1, whose end (31 Mar 2025) is nearer the
# first escalation raised (SC5, 6 Jan 2025) than the last (SCNEW, 5 Oct
# 2026): those open at it are read from the escalations raised by it.
# Raised in 2025-Q1: SC5 (serious), STOLD (stuck); open at 31 Mar 2025:
# both (SC5 never closed, STOLD withdrawn 30 Jun 2026); no IRU.
check_ok "pdg item, 2025-Q1" "$OV" report pdg --partnership $P --quarter 2025-Q1 --no-charts -o "$T/early"
check_eq "| Serious concern logged with the chair | 1 | 1 |;| Professional network stuck | 1 | 1 |;| Difference reported by the Independent Reviewing Unit | 0 | 0 |" \
	"$(grep '^| \(Serious concern logged\|Professional network stuck\|Difference reported by the Independent Reviewing Unit | [0-9]* | \)' "$T/early/pdg-$P-2025-Q1.md" | paste -sd';')" \
	"pdg 2025-Q1 (an end near the first escalation): serious 1 and 1 open, stuck 1 and 1 open, IRU none"
check_no_grep 'mediation offered' "$R" "pdg: no claim that mediation was offered"

check_grep '^Escalations at stage 5 during the period: 1\. Resolved: 0; withdrawn: 0; unresolved at stage 5 at the end of the period: 1\.$' \
	"$R" "pdg: unresolved at stage 5 as a fact"
check_grep "^After this stage: the protocol sets no referral of a single escalation beyond the PDG; once a year 'a report" \
	"$R" "pdg: what follows, from the definition, in the protocol's words"
check_no_grep 'onward referral\|Still unresolved' "$R" "pdg: no referral the protocol does not make"
check_grep "^'The DCFP PDG will therefore have as a standing item" "$R" "pdg: what the protocol asks of the forum, quoted"
check_grep '^No timescale is set for this stage, so no escalation at it can be overdue\.$' "$R" \
	"pdg: stage 5 has no timescale: no overdue list"
check_no_grep '^## Timescales\|^## What the disagreements were about\|^## Challenge in the system' "$R" \
	"pdg: the board paper's sections are not repeated"
check_grep '^The partnership.s board report for the same period gives the figures for every stage' "$R" \
	"pdg: a reference to the board paper for the rest"

# Names in the paper, ids in the CSV: the board paper's themes and
# categories, and the agency pack's themes (Devon & Cornwall Police raised
# ST1, drift-delay, and received SC1, threshold, in the period).
check_ok "board with --csv" "$OV" report board --partnership $P --quarter 2026-Q3 --no-charts -o "$T/out" --csv "$T/csv"
check_grep '^| Drift or delay | 1 |' "$T/out/board-$P-2026-Q3.md" "board: the theme by its name"
check_grep '^drift-delay,1' "$T/csv/board-$P-2026-Q3-themes.csv" "board CSV: the theme by its id"
check_grep '^iru,1' "$T/csv/board-$P-2026-Q3-categories.csv" "board CSV: the category by its id"
check_ok "agency pack with --csv" "$OV" report agency --partnership $P --agency dc-police --quarter 2026-Q3 --no-charts \
	-o "$T/out" --csv "$T/csv"
check_grep '^| Drift or delay | 1 | 0 |$' "$T/out/agency-$P-dc-police-2026-Q3.md" "agency pack: the theme raised, by name"
check_grep '^| Thresholds | 0 | 1 |$' "$T/out/agency-$P-dc-police-2026-Q3.md" "agency pack: the theme received, by name"
check_grep '^threshold,0,1' "$T/csv/agency-$P-dc-police-2026-Q3-agency_themes.csv" "agency pack CSV: the theme by its id"

# --public: the lists are left out, the counts stay.
check_ok "pdg --public" "$OV" report pdg --partnership $P --quarter 2026-Q3 --no-charts --public -o "$T/pub"
check_no_grep 'E[0-9A-F]\{7\}' "$T/pub/pdg-$P-2026-Q3.md" "pdg public: no reference"

# ===========================================================================
# 2. A definition's forums[].onward is checked like the other fields
# ===========================================================================
mkdir -p "$T/data/protocols"
cp "$ROOT"/protocols/*.json "$T/data/protocols/"
sed 's/"onward": "[^"]*"/"onward": 7/' "$ROOT/protocols/gloucestershire.json" >"$T/data/protocols/gloucestershire.json"
check_exit 1 "init refuses a non-string onward" env OVERSIGHT_DATA="$T/data" OVERSIGHT_WAREHOUSE="$T/bad.db" "$OV" init
check_grep 'gloucestershire\.json: forums\[0\]\.onward: must be a non-empty string' "$T/.err" \
	"init names the file and the field of a bad onward"
cp "$ROOT/protocols/gloucestershire.json" "$T/data/protocols/"
sed '0,/"name": "Thresholds",/s///' "$ROOT/protocols/themes.json" >"$T/data/protocols/themes.json"
check_exit 1 "init refuses a theme without a name" env OVERSIGHT_DATA="$T/data" OVERSIGHT_WAREHOUSE="$T/bad2.db" "$OV" init
check_grep 'themes\.json: themes\[0\]\.name: missing' "$T/.err" "init names the file and the field of a missing theme name"

# ===========================================================================
# 3. Every paper of the example data, in every format written: none of the
#    project's own words, names, not ids, and dates in words, outside the
#    analyst's appendix (the last section, when there is one)
# ===========================================================================
# The example logs as `make demo` loads them (the canonical files: the
# agencies' own shapes hold the same rows), then every paper it writes.
W=$T/demo.db
FORMATS=md
command -v pandoc >/dev/null 2>&1 && FORMATS=md,html,docx
check_ok "demo: init" env OVERSIGHT_WAREHOUSE="$W" "$OV" init --targets "$ROOT/fixtures/devon/targets.json"
for p in devon gloucestershire perth-kinross north-east-lincolnshire dumfries-galloway; do
	check_ok "demo: load $p" env OVERSIGHT_WAREHOUSE="$W" "$OV" load --quiet --exported 2026-07-03 \
		$(ls "$ROOT"/fixtures/$p/2026-06/*.csv)
	check_ok "demo: load $p, September" env OVERSIGHT_WAREHOUSE="$W" "$OV" load --quiet --exported 2026-10-01 \
		$(ls "$ROOT"/fixtures/$p/*.csv | grep -v /activity.csv)
	env OVERSIGHT_WAREHOUSE="$W" "$OV" load --quiet --profile activity "$ROOT/fixtures/$p/activity.csv" >/dev/null 2>&1
	sections=
	[ -d "$ROOT/fixtures/$p/sections" ] && sections="--sections $ROOT/fixtures/$p/sections"
	check_ok "demo: board $p" env OVERSIGHT_WAREHOUSE="$W" "$OV" report board --partnership $p --quarter 2026-Q3 \
		--no-charts -o "$T/demo" --format $FORMATS $sections
done
check_ok "demo: agency pack" env OVERSIGHT_WAREHOUSE="$W" "$OV" report agency --partnership devon --agency dc-police \
	--quarter 2026-Q3 --no-charts -o "$T/demo" --format $FORMATS
for f in devon:pdg gloucestershire:resolution-group perth-kinross:cpc north-east-lincolnshire:scp north-east-lincolnshire:sab \
	dumfries-galloway:girfec; do
	p=${f%%:*} k=${f#*:}
	sections=
	[ -d "$ROOT/fixtures/$p/sections" ] && sections="--sections $ROOT/fixtures/$p/sections"
	check_ok "demo: $k" env OVERSIGHT_WAREHOUSE="$W" "$OV" report $k --partnership $p --quarter 2026-Q3 \
		--no-charts -o "$T/demo" --format $FORMATS $sections
done

# Wording a board member stumbled on: the example data's one conflicting
# escalation (Devon) is told in words; Perth and Kinross, with no timescale,
# says so once.
check_grep 'for 1 of them the two logs differ on a detail' "$T/demo/board-devon-2026-Q3.md" "devon board: the one conflicting escalation, in words"
check_grep '^The protocol sets no timescale for any stage\. The guidance asks' "$T/demo/board-perth-kinross-2026-Q3.md" \
	"perth-kinross board: no timescale, said once"
check_eq 1 "$(grep -c 'The protocol sets no timescale' "$T/demo/board-perth-kinross-2026-Q3.md")" "perth-kinross board: not said twice"
check_no_grep '| +0 |' "$T/demo/board-devon-2026-Q3.md" "devon board: no +0 change"
# The GIRFEC Leadership Group holds stage 3 alone (stage 4 is the CSSaPP
# Executive's): its list is headed by the stage's name in the protocol.
check_grep '^### Escalations at Stage 3: Senior Managers$' "$T/demo/girfec-dumfries-galloway-2026-Q3.md" \
	"girfec item: its one stage's list headed by the stage's name"

# A paper as text up to the analyst's appendix: markdown as it is; HTML
# without its style and embedded images, a tag per line; Word's document
# text, a paragraph per line.
text_of() {
	case $1 in
	*.md) awk '/^## Analyst[^ ]*s appendix/ { exit } { print }' "$1" ;;
	*.html) sed -e 's/data:[^"]*"/"/g' -e 's/</\n</g' "$1" |
		awk '/^<style/ { s = 1 } /^<\/style/ { s = 0; next } s { next }
		     /^<h2[^>]*>Analyst/ { exit } { print }' ;;
	*.docx) command -v unzip >/dev/null 2>&1 && unzip -p "$1" word/document.xml |
		sed -e 's/<\/w:p>/\n/g' -e 's/<[^>]*>//g' |
		awk '/^Analyst[^ ]*s appendix/ { exit } { print }' ;;
	esac
}
# The project's words: a seed text's line numbers, the design document,
# tiers, the log's column names, the notes for developers this replaced.
WORDS='(\(|, )lines? [0-9]|DESIGN\.md|\bseeds?\b|\btier [0-9]|serious_concern|recompil|this file|mediation offered|onward referral|\boversight (init|loads?|rejects|metrics|report|signals|check|profile|pseudonym|agencies|partnerships|calendar)\b|\bprofiles?\b'
# Ids as words: hyphenated theme ids and agency ids anywhere; a bare id
# in a table cell (threshold, unborn, iru, children, ...).
IDS='(^|[^-a-z/])(further-information|child-protection-procedures|adult-protection-procedures|significant-response|information-sharing|case-closure|meeting-decision|meeting-attendance|drift-delay|lead-professional|service-provision|roles-responsibilities|devon-cs|dc-police|nhs-devon|glos-cs|nel-cs|humberside-police)([^-a-z]|$)'
# A date as the log gives it (2026-09-30), not as a board member reads it.
ISO='(^|[^0-9])[12][0-9]{3}-[01][0-9]-[0-3][0-9]([^0-9]|$)'
CELLS='(\| |<td[^>]*>)(threshold|assessment|plan|other|child|unborn|adult|case|policy|iru|children|adults|education)( \||</td>)'
n=0
for f in "$T"/demo/*.md "$T"/demo/*.html "$T"/demo/*.docx; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	text_of "$f" >"$T/text"
	[ -s "$T/text" ] || _notok "$(basename "$f"): its text could be read"
	check_no_grep_e() {
		if grep -Eq -e "$1" "$T/text"; then _notok "$2"; grep -En -e "$1" "$T/text" | head -5 | sed 's/^/#   /'
		else _ok "$2"; fi
	}
	check_no_grep_e "$WORDS" "$(basename "$f"): none of the project's own words"
	check_no_grep_e "$IDS" "$(basename "$f"): no theme or agency id"
	check_no_grep_e "$CELLS" "$(basename "$f"): no id in a table cell"
	check_no_grep_e "$ISO" "$(basename "$f"): every date in words"
done
case $FORMATS in
*html*) want=36 ;;
*) want=12 ;;
esac
check_eq $want $n "every paper checked (12 papers, in every format written)"

finish
