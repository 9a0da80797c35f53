-- bulk_indexes: the indexes only the reports read, with the statement
-- that makes each, the one that drops it, and whether the loader looks
-- rows up through it (etl/bulk.c): every index on escalation and
-- stage_event but their keys and stage_event_open (one entry per open
-- escalation, kept up row by row for less than building it would cost: a
-- read of every stage event), and source_escalation; and, when the
-- warehouse holds no current row (:empty), source_case, which only the
-- settling of the file's cases at its end reads then.  The loader's other
-- look-ups (source_current on source_row; conflict_escalation, which
-- deleting an escalation reads) are not among them.
SELECT name, sql, 'DROP INDEX "' || replace(name, '"', '""') || '";', name = 'source_case'
FROM sqlite_schema
WHERE type = 'index' AND sql IS NOT NULL
  AND ((tbl_name IN ('escalation', 'stage_event') AND name <> 'stage_event_open')
       OR name = 'source_escalation'
       OR (:empty AND name = 'source_case'))
ORDER BY name;
