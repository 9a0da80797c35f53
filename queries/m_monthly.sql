-- m_monthly: escalations raised per day 'YYYY-MM-DD' in [:from, :to] (no
-- later than the as-of date :as_of), partnership :partnership: the SPC
-- series, which C adds up by calendar month ('YYYY-MM', the day's first
-- seven characters); months with none are absent here and filled with 0
-- there.  report/metrics.c reads here only the series' days that
-- m_raised_between.sql has not read (it counts those months from its own
-- rows): for a quarter, the year before the twelve months it reads.  By
-- day, the groups come in the order of the escalation_raised index, so no
-- row is sorted (by month, every row would be).
SELECT raised_on, count(*) FROM escalation
WHERE partnership = :partnership AND raised_on BETWEEN :from AND :to AND raised_on <= :as_of
GROUP BY raised_on;
