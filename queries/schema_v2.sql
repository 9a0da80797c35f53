-- schema_v2: whose log each load is, and how recent (DESIGN.md "Whose
-- log, and how recent").  Upgrades a version 1 warehouse in place.
--
-- load.partnership: the one partnership the file's rows (or its profile)
-- name; load.agency: the agency whose log it is (NULL: the partnership's
-- shared log); load.exported_on: the export date, 'YYYY-MM-DD'.
ALTER TABLE load ADD COLUMN partnership TEXT;
ALTER TABLE load ADD COLUMN agency TEXT;
ALTER TABLE load ADD COLUMN exported_on TEXT;

-- Loads made before: exported the day they were loaded; the partnership
-- their rows name; the owner, the one agency named in every row.
UPDATE load SET exported_on = substr(loaded_at, 1, 10);
UPDATE load SET partnership = (
	SELECT CASE WHEN count(DISTINCT partnership) = 1 THEN min(partnership) END
	FROM source_row s WHERE s.load_id = load.id);
UPDATE load SET partnership = (
	SELECT CASE WHEN count(DISTINCT partnership) = 1 THEN min(partnership) END
	FROM activity a WHERE a.load_id = load.id)
WHERE profile = 'activity';
UPDATE load SET agency = (
	SELECT CASE WHEN count(*) = 1 THEN min(a.id) END FROM agency a
	WHERE a.partnership = load.partnership
	  AND NOT EXISTS (SELECT 1 FROM source_row s WHERE s.load_id = load.id
			  AND a.id NOT IN (s.raised_by, s.raised_with))
	  AND EXISTS (SELECT 1 FROM source_row s WHERE s.load_id = load.id))
WHERE profile <> 'activity';

PRAGMA user_version = 2;
