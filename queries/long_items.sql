-- The long spool's rows, each escalation's together, escalations in the
-- order of their first row.  seq is the nonce of data's cipher.
SELECT first, line, col, field, reason, raw, data, seq FROM item ORDER BY first, seq;
