-- m_activity: each agency's activity (measure :measure) summed over the quarters
-- that lie within the period [:from, :to], for partnership :partnership.  Quarters are
-- 'YYYY-Qn'; their first day is computed to compare with the period.
SELECT agency, sum(value) FROM activity
WHERE partnership = :partnership AND measure = :measure
	AND printf('%s-%02d-01', substr(quarter, 1, 4), 3 * (CAST(substr(quarter, 7, 1) AS INTEGER) - 1) + 1) >= :from
	AND date(printf('%s-%02d-01', substr(quarter, 1, 4), 3 * (CAST(substr(quarter, 7, 1) AS INTEGER) - 1) + 1),
		'+3 months', '-1 day') <= :to
GROUP BY agency ORDER BY agency;
