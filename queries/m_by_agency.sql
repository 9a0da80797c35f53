-- m_by_agency: escalations raised in the period, counted under raised_by
-- (raised) and under raised_with (received); an agency with neither is
-- left out.  Partnership ?1, period [?2, ?5].
WITH r AS (
	SELECT raised_by AS agency, 1 AS raised, 0 AS received FROM escalation
	WHERE partnership = ?1 AND raised_on BETWEEN ?2 AND ?5
	UNION ALL
	SELECT raised_with, 0, 1 FROM escalation
	WHERE partnership = ?1 AND raised_on BETWEEN ?2 AND ?5
)
SELECT agency, sum(raised), sum(received) FROM r GROUP BY agency ORDER BY agency;
