-- load_reexport: the same bytes sent again with a later export date
-- (`load --exported`): nothing new to load, but the agency's data now run
-- to the later date (DESIGN.md "Whose log, and how recent").  Records a
-- load of no rows, whose log the earlier load :id was, exported
-- :exported_on; nothing when that is not later than every export of the
-- same bytes.
INSERT INTO load(file, sha256, profile, loaded_at, partnership, agency, exported_on)
SELECT :file, sha256, profile, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), partnership, agency, :exported_on
FROM load WHERE id = :id
  AND :exported_on > (SELECT max(exported_on) FROM load l
		      WHERE l.sha256 = load.sha256 AND l.profile = load.profile);
