-- m_monthly: escalations raised per calendar month 'YYYY-MM' in [?2, ?3]
-- (no later than the as-of date ?4), partnership ?1: the SPC series.
-- Months with none are absent here and filled with 0 in C.
SELECT substr(raised_on, 1, 7), count(*) FROM escalation
WHERE partnership = ?1 AND raised_on BETWEEN ?2 AND ?3 AND raised_on <= ?4
GROUP BY 1 ORDER BY 1;
