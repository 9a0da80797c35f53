-- check_foreign_keys: rows whose REFERENCES name a parent row that is not
-- there (stage events or conflicts of a deleted escalation, source rows,
-- rejects or activity of a deleted load, ...).  One row per child table
-- and parent table, with the number of such rows.
SELECT "table" || ': ' || count(*) || ' row(s) name a missing ' || parent, count(*)
FROM pragma_foreign_key_check
GROUP BY "table", parent
ORDER BY "table", parent;
