-- m_repeats: repeat disagreements over the twelve months ending with the
-- period's effective end (raised_on in (:end - 12 months, :end]), as
-- counts (a case is never named here):
--   cases: pseudonymised cases (case_key) with two or more escalations;
--   pairs: pairs of agencies (in either order, two different agencies)
--          that disagreed two or more times about the same case.
-- Escalations without a case reference are never a repeat.
WITH y AS (
	SELECT case_key, min(raised_by, raised_with) AS a, max(raised_by, raised_with) AS b
	FROM escalation
	WHERE partnership = :partnership AND case_key IS NOT NULL
		AND raised_on > date(:end, '-12 months') AND raised_on <= :end
)
SELECT
	(SELECT count(*) FROM (SELECT case_key FROM y GROUP BY case_key HAVING count(*) >= 2)),
	(SELECT count(DISTINCT a || '|' || b) FROM (
		SELECT a, b FROM y WHERE a <> b GROUP BY case_key, a, b HAVING count(*) >= 2));
