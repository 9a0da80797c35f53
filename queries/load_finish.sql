-- load_finish: record a load's counts (read = loaded + updated + unchanged
-- + merged + rejected, DESIGN.md "oversight load").
UPDATE load SET n_read = ?2, n_loaded = ?3, n_updated = ?4, n_unchanged = ?5,
	n_merged = ?6, n_rejected = ?7
WHERE id = ?1;
