-- wh_identity: who made this database file.
-- Columns: the header's application id; its tables; how many of them are
-- the warehouse's own (a warehouse made before the id was set has them all).
SELECT (SELECT application_id FROM pragma_application_id()),
       (SELECT count(*) FROM sqlite_schema WHERE type = 'table'),
       (SELECT count(*) FROM sqlite_schema WHERE type = 'table'
         AND name IN ('meta', 'load', 'escalation', 'source_row'));
