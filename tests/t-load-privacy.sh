#!/bin/sh
# t-load-privacy.sh - pseudonymisation at load (DESIGN.md "Quality bars":
# no raw case reference stored): case references never reach the warehouse
# files, not even from quarantined rows; file modes; the key is checked
# against the warehouse's fingerprint.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-09-30
W=$OVERSIGHT_WAREHOUSE

H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme

row() {
	f_ref=R1 f_partnership=devon f_raised_by=dc-police f_raised_with=devon-cs f_case_ref=
	f_subject=child f_raised_on=2025-07-01 f_theme=threshold f_category=case
	f_serious_concern=n f_stuck=n f_stage1_on=2025-07-01 f_stage2_on= f_stage3_on=
	f_stage4_on= f_stage5_on= f_status=open f_closed_on= f_learning=n f_learning_theme=
	for kv in "$@"; do
		eval "f_${kv%%=*}=\${kv#*=}"
	done
	printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' \
		"$f_ref" "$f_partnership" "$f_raised_by" "$f_raised_with" "$f_case_ref" \
		"$f_subject" "$f_raised_on" "$f_theme" "$f_category" "$f_serious_concern" \
		"$f_stuck" "$f_stage1_on" "$f_stage2_on" "$f_stage3_on" "$f_stage4_on" \
		"$f_stage5_on" "$f_status" "$f_closed_on" "$f_learning" "$f_learning_theme"
}
q() { sqlite3 "$W" "$1"; }
state() {
	q "SELECT (SELECT count(*) FROM load), (SELECT count(*) FROM source_row),
		(SELECT count(*) FROM reject), (SELECT count(*) FROM escalation)"
}
mode() { stat -c %a "$1"; }

# --- init: file modes ---
check_ok "init" "$OV" init
check_grep "key $W.key (created)" "$T/.out" "init says it created the key"
check_eq 600 "$(mode "$W.key")" "the key file is mode 0600"
check_eq 32 "$(wc -c <"$W.key" | tr -d ' ')" "the key is 32 bytes"
check_eq 600 "$(mode "$W")" "the warehouse is mode 0600"
# Even under a permissive umask.
(umask 000; "$OV" -w "$T/open.db" init >/dev/null)
check_eq "600 600" "$(mode "$T/open.db") $(mode "$T/open.db.key")" "umask 000: warehouse and key still 0600"

# --- distinctive case references, in good and bad rows ---
{
	echo "$H"
	row ref=K1 case_ref=ZZCASE98765                         # loaded
	row ref=K2 case_ref="zz case 98765" raised_by=devon-cs raised_with=dc-police  # merged with K1
	row ref=K3 case_ref=ZZCASE11111 theme=not-a-theme        # rejected: bad theme
	row ref=K4 case_ref=ZZCASE22222 status=open closed_on=2025-07-09   # rejected
	row ref=K5 case_ref=ZZCASE33333 | sed 's/$/,extra/'      # ragged: rejected
	row ref=K6 case_ref="ZZCASE44444$(printf '%070d' 4)"     # too long: rejected
	row ref=K7 case_ref=ZZCASE55555 raised_on=2025-13-01     # bad date: rejected
	echo 'K8,devon,dc-police,devon-cs,"ZZCASE,66666",child,2025-07-01,bogus,case,n,n,2025-07-01,,,,,open,,n,'
	echo 'K9,devon,dc-police,devon-cs,"ZZCASE""77777",child,2025-07-01,threshold,case,n,n,2025-07-01,,,,,open,,n,'
	# The file ends inside a quote opened in the case_ref column.
	printf 'K10,devon,dc-police,devon-cs,"ZZCASE88888,child,2025-07-01\n'
} >"$T/cases.csv"
"$OV" load --json --quiet "$T/cases.csv" >"$T/out"
check_eq '{"file": "'"$T/cases.csv"'", "read": 10, "loaded": 2, "updated": 0, "unchanged": 0, "merged": 1, "rejected": 7}' \
	"$(cat "$T/out")" "10 rows: K1, K9 loaded, K2 merged, 7 rejected"
check_eq "2" "$(q "SELECT n_sources FROM escalation WHERE id = (SELECT escalation_id FROM source_row WHERE ref = 'K1')")" \
	"'ZZCASE98765' and 'zz case 98765' are the same case"
check_eq "blob|16" "$(q "SELECT DISTINCT typeof(case_key), length(case_key) FROM source_row WHERE ref IN ('K1', 'K2')")" \
	"case_key is a keyed hash's 16 bytes"

"$OV" rejects >"$T/rejects"
check_no_grep ZZCASE "$T/rejects" "oversight rejects shows no case reference"
check_eq 5 "$(grep -c '\[case ref masked\]' "$T/rejects")" \
	"rejected rows keep their raw text with the case ref masked (K3, K4, K6, K7, K8)"
check_grep "^    K3,devon,dc-police,devon-cs,\[case ref masked\],child,2025-07-01,not-a-theme," "$T/rejects" \
	"the masked raw row keeps the other fields"
check_grep "^$T/cases.csv:7:5: case_ref: longer than 64 characters\$" "$T/rejects" \
	"an overlong case_ref is rejected without showing it"
check_grep "^$T/cases.csv:11: the file ends inside a quoted field\$" "$T/rejects" \
	"a quote left open in case_ref: rejected"

# Nothing of any reference in the warehouse files (the database, and its
# -wal and -shm files while a reader holds them open).
sqlite3 "$W" "PRAGMA wal_checkpoint" >/dev/null
leaks=""
for f in "$W" "$W-wal" "$W-shm"; do
	[ -f "$f" ] || continue
	for s in ZZCASE 98765 11111 22222 33333 44444 55555 66666 77777 88888; do
		grep -a -q -i "$s" "$f" && leaks="$leaks $(basename "$f"):$s"
	done
done
check_eq "" "$leaks" "no raw case reference in the warehouse files"
# And with a connection left open, so the -wal file is still there.
{ echo "$H"; row ref=K20 case_ref=ZZCASE12321; } >"$T/wal.csv"
{ echo "BEGIN; SELECT count(*) FROM load;"; sleep 3; } | sqlite3 "$W" >/dev/null &
reader=$!
sleep 0.5
"$OV" load --quiet "$T/wal.csv" >/dev/null
check_eq "yes" "$([ -s "$W-wal" ] && echo yes)" "(a reader holds the -wal file open)"
found=no
for f in "$W" "$W-wal" "$W-shm"; do
	[ -f "$f" ] && grep -a -q -e ZZCASE -e 12321 "$f" && found=yes
done
check_eq no "$found" "no raw case reference in the db, -wal or -shm after another load"
wait "$reader"

# --- the key ---
keyfp() {
	# The fingerprint as pseudo.h describes it: the first 8 bytes of
	# HMAC-SHA256(key, "oversight key fingerprint"), in hex.
	printf 'oversight key fingerprint' |
		openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(od -An -v -tx1 "$1" | tr -d ' \n')" |
		sed 's/.*= *//' | cut -c1-16
}
head -c 32 /dev/urandom >"$T/other.key"
chmod 600 "$T/other.key"
fp_other=$(keyfp "$T/other.key")
fp_wh=$(keyfp "$W.key")
check_eq "$fp_wh" "$(q "SELECT value FROM meta WHERE key = 'key_fingerprint'")" \
	"the warehouse holds its key's fingerprint"
{ echo "$H"; row ref=K30 case_ref=ZZCASE98765; } >"$T/k30.csv"
before=$(state)
check_exit 3 "another key: exit 3" "$OV" --key-file "$T/other.key" load "$T/k30.csv"
check_grep "^oversight: $T/other.key: this key does not match the warehouse (key fingerprint $fp_other, warehouse $fp_wh); loading with it would break reconciliation\$" \
	"$T/.err" "another key: the message names both fingerprints"
check_eq "$before" "$(state)" "another key: nothing loaded"
check_exit 3 "another key: init refuses it too" "$OV" --key-file "$T/other.key" init
check_grep "this key does not match the warehouse (key fingerprint $fp_other, warehouse $fp_wh)" "$T/.err" \
	"init with another key: names the fingerprints"
check_eq "$before" "$(state)" "init with another key: nothing changed"
check_eq "$fp_wh" "$(q "SELECT value FROM meta WHERE key = 'key_fingerprint'")" "the fingerprint is unchanged"

head -c 31 /dev/urandom >"$T/short.key"
check_exit 3 "a 31-byte key: exit 3" "$OV" --key-file "$T/short.key" load "$T/k30.csv"
check_grep "^oversight: $T/short.key: not a key file (it must hold exactly 32 bytes)\$" "$T/.err" "a short key is named"
check_exit 3 "a missing key: exit 3" "$OV" --key-file "$T/none.key" load "$T/k30.csv"
check_grep "^oversight: $T/none.key: cannot read key file: No such file or directory (run 'oversight init', or give --key-file)\$" \
	"$T/.err" "a missing key is named"
check_eq "$before" "$(state)" "bad keys: nothing loaded"

# The right key given explicitly works.
"$OV" --key-file "$W.key" load --json "$T/k30.csv" >"$T/out"
check_eq '{"file": "'"$T/k30.csv"'", "read": 1, "loaded": 0, "updated": 0, "unchanged": 0, "merged": 1, "rejected": 0}' \
	"$(cat "$T/out")" "the warehouse's own key via --key-file: K30 joins K1's case"

finish
