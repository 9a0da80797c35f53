-- m_by_agency: escalations raised in the period, counted under raised_by
-- (raised) and under raised_with (received); an agency with neither is
-- left out.  Partnership :partnership, period [:from, :end].
WITH r AS (
	SELECT raised_by AS agency, 1 AS raised, 0 AS received FROM escalation
	WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end
	UNION ALL
	SELECT raised_with, 0, 1 FROM escalation
	WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end
)
SELECT agency, sum(raised), sum(received) FROM r GROUP BY agency ORDER BY agency;
