#!/bin/sh
# t-lost-key.sh - a lost pseudonym key: init never writes a new key beside
# a warehouse that holds data; it says the key is missing and how to
# restore it, and changes nothing.
. "$(dirname "$0")/lib.sh"

export OVERSIGHT_TODAY=2025-09-30
W=$OVERSIGHT_WAREHOUSE
H=ref,partnership,raised_by,raised_with,case_ref,subject,raised_on,theme,category,serious_concern,stuck,stage1_on,stage2_on,stage3_on,stage4_on,stage5_on,status,closed_on,learning,learning_theme
printf '%s\n%s\n' "$H" \
	"L1,devon,dc-police,devon-cs,CS1,child,2025-07-01,threshold,case,n,n,2025-07-01,,,,,open,,n," \
	>"$T/one.csv"

check_ok "init" "$OV" init
check_grep "key $W.key (created)" "$T/.out" "init says it created the key"
check_ok "load" "$OV" load "$T/one.csv"
fp=$(sqlite3 "$W" "SELECT value FROM meta WHERE key = 'key_fingerprint'")
cp "$W.key" "$T/backup.key"
rm -f "$W.key"
check_exit 3 "init with the key lost: exit 3" "$OV" init
check_grep "^oversight: $W.key: the pseudonym key is missing; the warehouse $W was made with the key of fingerprint $fp: restore that key file from your backup (or give --key-file); no new key is made, as it would not match the warehouse\$" \
	"$T/.err" "init says the key is missing and how to restore it"
check_eq "no" "$([ -e "$W.key" ] && echo yes || echo no)" "no new key is written"
check_exit 3 "a load still refuses" "$OV" load "$T/one.csv"

cp "$T/backup.key" "$W.key"
chmod 600 "$W.key"
check_ok "the restored key: init works" "$OV" init
check_ok "the restored key: the load reads" "$OV" load "$T/one.csv"
finish
