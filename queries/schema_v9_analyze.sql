-- schema_v9_analyze: fresh planner statistics for the indexes schema_v9.sql
-- rebuilt, on a warehouse that may hold rows when it was upgraded
-- (schema_v8_analyze.sql).
PRAGMA analysis_limit=400;
ANALYZE source_case;
ANALYZE escalation_raised;
