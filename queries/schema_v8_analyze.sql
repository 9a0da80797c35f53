-- schema_v8_analyze: fresh planner statistics for the indexes schema_v8.sql
-- rebuilt, on a warehouse that held stage events when it was upgraded
-- (dropping an index drops its statistics, and without them the planner
-- may walk the wrong one; schema_v5_analyze.sql).
PRAGMA analysis_limit=400;
ANALYZE stage_event_due;
ANALYZE stage_event_entered;
