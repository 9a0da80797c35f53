-- coverage: for each agency of :partnership, whose logs are in and how
-- recent (DESIGN.md "Whose log, and how recent").  An agency's data run
-- to the latest export date of a log it owns or of the partnership's
-- shared log (a load with no owning agency: the partnership's, or a file
-- of several partnerships' rows, which is the shared log of each of them
-- it read rows of: load_source has a line for each); 'own' when it has a log of
-- its own, else 'shared', else 'none' (runs_to NULL).  A period is
-- covered for it when runs_to is :as_of or later.  Activity loads are
-- not logs.  rows: the current source rows of its own logs, and of the
-- shared logs those that name it (as raiser or receiver), from the
-- loader's counts (load_source, load_agency: schema_v3.sql, schema_v7.sql)
-- rather than every current source row of the partnership.
WITH own AS (
	SELECT agency, max(exported_on) AS runs_to FROM load
	WHERE partnership = :partnership AND profile <> 'activity' AND agency IS NOT NULL
	GROUP BY agency
), shared AS (
	SELECT max(l.exported_on) AS runs_to FROM load l
	WHERE l.profile <> 'activity' AND l.agency IS NULL
	  AND (l.partnership = :partnership
	       OR (l.partnership IS NULL AND EXISTS (SELECT 1 FROM load_source n
		   WHERE n.partnership = :partnership AND n.load_id = l.id)))
), cover AS (
	SELECT a.id, a.name, a.ord,
		CASE WHEN own.runs_to IS NOT NULL THEN 'own'
		     WHEN shared.runs_to IS NOT NULL THEN 'shared' ELSE 'none' END AS log,
		CASE WHEN own.runs_to IS NULL THEN shared.runs_to
		     WHEN shared.runs_to IS NULL THEN own.runs_to
		     ELSE max(own.runs_to, shared.runs_to) END AS runs_to
	FROM agency a CROSS JOIN shared LEFT JOIN own ON own.agency = a.id
	WHERE a.partnership = :partnership
)
SELECT c.id, c.name, c.log, c.runs_to, coalesce(c.runs_to >= :as_of, 0) AS covered,
	(SELECT coalesce(sum(n.n_current), 0) FROM load l
	 JOIN load_source n ON n.partnership = :partnership AND n.load_id = l.id
	 WHERE l.partnership = :partnership AND l.profile <> 'activity' AND l.agency = c.id)
	+ (SELECT coalesce(sum(n.n_current), 0) FROM load l
	 JOIN load_agency n ON n.partnership = :partnership AND n.load_id = l.id AND n.agency = c.id
	 WHERE (l.partnership = :partnership OR l.partnership IS NULL) AND l.profile <> 'activity'
	   AND l.agency IS NULL)
		AS n_rows
FROM cover c ORDER BY c.ord, c.id;
