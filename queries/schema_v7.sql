-- schema_v7: per-(load, partnership, agency) counts of the current source
-- rows that name the agency, kept by the loader beside load_source
-- (schema_v3.sql), so that coverage (queries/coverage.sql: the rows of a
-- shared log that name each agency) costs what the loads cost, not what
-- the partnership's whole history costs.  Upgrades a version 6 warehouse
-- in place.
--
-- n_current: the load's current source rows (superseded_by NULL) of the
-- partnership that name the agency as raiser or receiver; a row naming it
-- both ways counts once.  The loader adds to it as it stores rows and
-- takes from it as a later load supersedes them
-- (queries/load_agency_add.sql); `oversight check` counts it afresh
-- (source-counts).
CREATE TABLE IF NOT EXISTS load_agency (
	partnership TEXT NOT NULL,
	load_id     INTEGER NOT NULL REFERENCES load(id),
	agency      TEXT NOT NULL,
	n_current   INTEGER NOT NULL,
	PRIMARY KEY (partnership, load_id, agency)
) WITHOUT ROWID;

-- (Counted afresh from source_row, whatever the table held.)
DELETE FROM load_agency;
INSERT INTO load_agency (partnership, load_id, agency, n_current)
SELECT partnership, load_id, agency, count(*) FROM (
	SELECT partnership, load_id, raised_by AS agency FROM source_row
	WHERE superseded_by IS NULL
	UNION ALL
	SELECT partnership, load_id, raised_with FROM source_row
	WHERE superseded_by IS NULL AND raised_with <> raised_by)
GROUP BY partnership, load_id, agency;

PRAGMA user_version = 7;
