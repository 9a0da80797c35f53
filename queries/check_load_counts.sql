-- check_load_counts: loads whose counts do not add up: DESIGN.md
-- `oversight load`, read = loaded + updated + unchanged + merged +
-- rejected.  One row per such load.
SELECT 'load ' || id || ' (' || file || '): read ' || n_read ||
	', but loaded + updated + unchanged + merged + rejected = ' ||
	(n_loaded + n_updated + n_unchanged + n_merged + n_rejected)
FROM load
WHERE n_read <> n_loaded + n_updated + n_unchanged + n_merged + n_rejected
ORDER BY id;
