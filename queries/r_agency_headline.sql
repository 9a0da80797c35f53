-- r_agency_headline: one agency's (?6) figures for the period [?2, ?5]
-- (?5 = min(end, as-of)) in partnership ?1: escalations it raised and it
-- received in the period (raised_on in it); escalations it is party to
-- that were open at the period's end, and resolved in the period.
SELECT
	(SELECT count(*) FROM escalation WHERE partnership = ?1 AND raised_by = ?6
		AND raised_on BETWEEN ?2 AND ?5),
	(SELECT count(*) FROM escalation WHERE partnership = ?1 AND raised_with = ?6
		AND raised_on BETWEEN ?2 AND ?5),
	(SELECT count(*) FROM escalation WHERE partnership = ?1 AND (raised_by = ?6 OR raised_with = ?6)
		AND raised_on <= ?5 AND (closed_on IS NULL OR closed_on > ?5)),
	(SELECT count(*) FROM escalation WHERE partnership = ?1 AND (raised_by = ?6 OR raised_with = ?6)
		AND status = 'resolved' AND closed_on BETWEEN ?2 AND ?5);
