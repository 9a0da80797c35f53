-- load_finish: record a load's counts (read = loaded + updated + unchanged
-- + merged + rejected, DESIGN.md "oversight load").
UPDATE load SET n_read = :read, n_loaded = :loaded, n_updated = :updated,
	n_unchanged = :unchanged, n_merged = :merged, n_rejected = :rejected
WHERE id = :id;
