-- The long spool's rows, each escalation's together, escalations in the
-- order of their first row.
SELECT first, line, col, field, reason, raw, data FROM item ORDER BY first, seq;
