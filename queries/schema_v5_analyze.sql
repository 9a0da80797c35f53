-- schema_v5_analyze: fresh planner statistics for the two indexes
-- schema_v5.sql rebuilt, on a warehouse that held escalations when it was
-- upgraded (dropping an index drops its statistics, and without them the
-- planner may walk the wrong one).  A new warehouse gets its statistics
-- after its first load (wh_optimize.sql).
PRAGMA analysis_limit=400;
ANALYZE escalation_raised;
ANALYZE escalation_closed;
