-- r_agency_pairs: with whom agency :agency disagreed in the period: for each
-- other party (the agency itself for within-agency disagreements),
-- escalations :agency raised with it and escalations it raised with :agency
-- (raised_on in [:from, :end], partnership :partnership); the other party
-- as the partnership names it.
WITH r AS (
	SELECT raised_with AS other, 1 AS raised_to, 0 AS received_from FROM escalation
	WHERE partnership = :partnership AND raised_by = :agency AND raised_on BETWEEN :from AND :end
	UNION ALL
	SELECT raised_by, 0, 1 FROM escalation
	WHERE partnership = :partnership AND raised_with = :agency AND raised_by <> :agency
		AND raised_on BETWEEN :from AND :end
)
SELECT COALESCE(a.name, r.other), sum(r.raised_to), sum(r.received_from)
FROM r LEFT JOIN agency a ON a.partnership = :partnership AND a.id = r.other
GROUP BY r.other ORDER BY r.other;
