-- r_agency_pairs: with whom agency ?6 disagreed in the period: for each
-- other party (the agency itself for within-agency disagreements),
-- escalations ?6 raised with it and escalations it raised with ?6
-- (raised_on in [?2, ?5], partnership ?1).
WITH r AS (
	SELECT raised_with AS other, 1 AS raised_to, 0 AS received_from FROM escalation
	WHERE partnership = ?1 AND raised_by = ?6 AND raised_on BETWEEN ?2 AND ?5
	UNION ALL
	SELECT raised_by, 0, 1 FROM escalation
	WHERE partnership = ?1 AND raised_with = ?6 AND raised_by <> ?6
		AND raised_on BETWEEN ?2 AND ?5
)
SELECT other, sum(raised_to), sum(received_from) FROM r GROUP BY other ORDER BY other;
