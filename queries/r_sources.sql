-- r_sources: the loads that brought the partnership's current rows (the
-- report's "data sources"): load id, file, when, rows.
SELECT l.id, l.file, l.loaded_at, count(*)
FROM source_row s JOIN load l ON l.id = s.load_id
WHERE s.partnership = :partnership AND s.superseded_by IS NULL
GROUP BY l.id ORDER BY l.id;
