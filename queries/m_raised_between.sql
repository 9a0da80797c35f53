-- m_raised_between: escalations raised and received per agency with
-- raised_on in [?2, ?3] (no later than the as-of date ?4), partnership ?1.
-- Used for silent agencies (none raised this period or the one before)
-- and one-way challenge (received in the last four quarters, none raised).
WITH r AS (
	SELECT raised_by AS agency, 1 AS raised, 0 AS received FROM escalation
	WHERE partnership = ?1 AND raised_on BETWEEN ?2 AND ?3 AND raised_on <= ?4
	UNION ALL
	SELECT raised_with, 0, 1 FROM escalation
	WHERE partnership = ?1 AND raised_on BETWEEN ?2 AND ?3 AND raised_on <= ?4
)
SELECT agency, sum(raised), sum(received) FROM r GROUP BY agency;
