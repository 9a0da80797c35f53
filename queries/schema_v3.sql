-- schema_v3: per-(load, partnership) row counts, kept by the loader, so
-- that a report's data sources and data quality cost what the loads cost,
-- not what the partnership's whole history costs.  Upgrades a version 2
-- warehouse in place.
--
-- n_stored: the source rows (versions) the load stored for the
-- partnership; n_current: those of them still current (superseded_by
-- NULL).  The loader adds to both as it stores rows and takes from
-- n_current as a later load supersedes them (queries/load_source_add.sql).
CREATE TABLE IF NOT EXISTS load_source (
	partnership TEXT NOT NULL,
	load_id     INTEGER NOT NULL REFERENCES load(id),
	n_stored    INTEGER NOT NULL,
	n_current   INTEGER NOT NULL,
	PRIMARY KEY (partnership, load_id)
) WITHOUT ROWID;

-- (Counted afresh from source_row, whatever the table held.)
DELETE FROM load_source;
INSERT INTO load_source (partnership, load_id, n_stored, n_current)
SELECT partnership, load_id, count(*), sum(superseded_by IS NULL)
FROM source_row GROUP BY partnership, load_id;

PRAGMA user_version = 3;
