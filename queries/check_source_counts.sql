-- check_source_counts: the loader's counts of current source rows
-- (load_source: stored and current by load and partnership, schema_v3.sql;
-- load_agency: current rows naming each agency, schema_v7.sql), which
-- the reports read instead of the rows, against the rows counted afresh.
-- One line per count that differs.
WITH rows AS (
	SELECT partnership, load_id, count(*) AS n_stored, sum(superseded_by IS NULL) AS n_current
	FROM source_row GROUP BY partnership, load_id
), named AS (
	SELECT partnership, load_id, agency, count(*) AS n_current FROM (
		SELECT partnership, load_id, raised_by AS agency FROM source_row
		WHERE superseded_by IS NULL
		UNION ALL
		SELECT partnership, load_id, raised_with FROM source_row
		WHERE superseded_by IS NULL AND raised_with <> raised_by)
	GROUP BY partnership, load_id, agency
), both_ways AS (
	SELECT r.partnership, r.load_id, r.n_stored, r.n_current,
		k.n_stored AS k_stored, k.n_current AS k_current
	FROM rows r LEFT JOIN load_source k USING (partnership, load_id)
	UNION ALL
	SELECT k.partnership, k.load_id, 0, 0, k.n_stored, k.n_current
	FROM load_source k WHERE NOT EXISTS
		(SELECT 1 FROM rows r WHERE r.partnership = k.partnership AND r.load_id = k.load_id)
), by_agency AS (
	SELECT n.partnership, n.load_id, n.agency, n.n_current, a.n_current AS k_current
	FROM named n LEFT JOIN load_agency a USING (partnership, load_id, agency)
	UNION ALL
	SELECT a.partnership, a.load_id, a.agency, 0, a.n_current
	FROM load_agency a WHERE NOT EXISTS
		(SELECT 1 FROM named n WHERE n.partnership = a.partnership AND n.load_id = a.load_id
		 AND n.agency = a.agency)
)
SELECT 'load ' || load_id || ', ' || partnership || ': rows stored ' || coalesce(k_stored, 0) ||
	', current ' || coalesce(k_current, 0) || ' in load_source, but the rows are ' ||
	n_stored || ' and ' || n_current
FROM both_ways
WHERE coalesce(k_stored, 0) <> n_stored OR coalesce(k_current, 0) <> n_current
UNION ALL
SELECT 'load ' || load_id || ', ' || partnership || ', ' || agency || ': current rows naming it ' ||
	coalesce(k_current, 0) || ' in load_agency, but the rows are ' || n_current
FROM by_agency
WHERE coalesce(k_current, 0) <> n_current;
