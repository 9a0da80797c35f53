-- m_activity: each agency's activity (measure ?4) summed over the quarters
-- that lie within the period [?2, ?3], for partnership ?1.  Quarters are
-- 'YYYY-Qn'; their first day is computed to compare with the period.
SELECT agency, sum(value) FROM activity
WHERE partnership = ?1 AND measure = ?4
	AND printf('%s-%02d-01', substr(quarter, 1, 4), 3 * (CAST(substr(quarter, 7, 1) AS INTEGER) - 1) + 1) >= ?2
	AND date(printf('%s-%02d-01', substr(quarter, 1, 4), 3 * (CAST(substr(quarter, 7, 1) AS INTEGER) - 1) + 1),
		'+3 months', '-1 day') <= ?3
GROUP BY agency ORDER BY agency;
