-- check_schema_version: the warehouse's schema version (PRAGMA
-- user_version) against the one this oversight needs (?1,
-- WH_SCHEMA_VERSION).  One row when they differ.
SELECT 'schema version ' || user_version || ', this oversight needs ' || ?1 ||
	CASE WHEN user_version < ?1 THEN '; run ''oversight init'' to upgrade' ELSE '' END
FROM pragma_user_version
WHERE user_version <> ?1;
