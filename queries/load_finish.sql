-- load_finish: record a load's counts (read = loaded + updated + unchanged
-- + merged + rejected, DESIGN.md "oversight load"), and whose log it is:
-- :partnership, :agency (NULL: the shared log), :exported_on (DESIGN.md
-- "Whose log, and how recent").
UPDATE load SET n_read = :read, n_loaded = :loaded, n_updated = :updated,
	n_unchanged = :unchanged, n_merged = :merged, n_rejected = :rejected,
	partnership = :partnership, agency = :agency, exported_on = :exported_on
WHERE id = :id;
