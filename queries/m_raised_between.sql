-- m_raised_between: escalations raised and received per agency with
-- raised_on in [:from, :to] (no later than the as-of date :as_of), partnership :partnership.
-- Used for silent agencies (none raised this period or the one before)
-- and one-way challenge (received in the last four quarters, none raised).
WITH r AS (
	SELECT raised_by AS agency, 1 AS raised, 0 AS received FROM escalation
	WHERE partnership = :partnership AND raised_on BETWEEN :from AND :to AND raised_on <= :as_of
	UNION ALL
	SELECT raised_with, 0, 1 FROM escalation
	WHERE partnership = :partnership AND raised_on BETWEEN :from AND :to AND raised_on <= :as_of
)
SELECT agency, sum(raised), sum(received) FROM r GROUP BY agency;
