-- r_sources: the loads that brought the partnership's current rows (the
-- report's "data sources"): load id, file, when, rows (the loader's
-- counts, schema_v3.sql: the same as counting the current source rows).
SELECT l.id, l.file, l.loaded_at, c.n_current
FROM load_source c JOIN load l ON l.id = c.load_id
WHERE c.partnership = :partnership AND c.n_current > 0
ORDER BY l.id;
