-- bulk_indexes: the indexes only the reports read, with the statement
-- that makes each and the one that drops it (etl/bulk.c): every index on
-- escalation and stage_event but their keys, and source_escalation.  The
-- loader's own look-ups (source_current, source_case on source_row;
-- conflict_escalation, which deleting an escalation reads) are not among
-- them.
SELECT name, sql, 'DROP INDEX "' || replace(name, '"', '""') || '";'
FROM sqlite_schema
WHERE type = 'index' AND sql IS NOT NULL
  AND (tbl_name IN ('escalation', 'stage_event') OR name = 'source_escalation')
ORDER BY name;
