-- wh_optimize: fresh statistics for the query planner after a load,
-- bounded in cost (analysis_limit), in a write transaction taken first
-- (optimize reads, then writes; a load committing in between would fail
-- it at once with "database is locked").
BEGIN IMMEDIATE;
PRAGMA analysis_limit=400;
PRAGMA optimize;
COMMIT;
