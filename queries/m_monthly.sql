-- m_monthly: escalations raised per calendar month 'YYYY-MM' in [:from, :to]
-- (no later than the as-of date :as_of), partnership :partnership: the SPC series.
-- Months with none are absent here and filled with 0 in C.
SELECT substr(raised_on, 1, 7), count(*) FROM escalation
WHERE partnership = :partnership AND raised_on BETWEEN :from AND :to AND raised_on <= :as_of
GROUP BY 1 ORDER BY 1;
