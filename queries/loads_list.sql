-- loads_list: every load, oldest first (`oversight loads`), with whose log
-- it is (DESIGN.md "Whose log, and how recent"): the owning agency, or
-- 'shared' (the partnership's shared log; a file of several partnerships'
-- rows is the shared log of each it read rows of), or 'activity' (not a
-- log), and its export date.
SELECT id, loaded_at, profile, file, n_read, n_loaded, n_updated, n_unchanged, n_merged, n_rejected,
	coalesce(partnership, '-') AS partnership,
	CASE WHEN profile = 'activity' THEN 'activity'
	     WHEN partnership IS NOT NULL THEN coalesce(agency, 'shared')
	     WHEN EXISTS (SELECT 1 FROM load_source n WHERE n.load_id = load.id) THEN 'shared'
	     ELSE '-' END AS log,
	exported_on
FROM load ORDER BY id;
