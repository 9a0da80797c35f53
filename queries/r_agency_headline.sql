-- r_agency_headline: one agency's (:agency) figures for the period [:from, :end]
-- (:end = min(end, as-of)) in partnership :partnership: escalations it raised and it
-- received in the period (raised_on in it); escalations it is party to
-- that were open at the period's end, and resolved in the period: a row
-- for each, as the paper labels it.
--
-- Open at the end is counted as m_headline counts it, from the index
-- entries after the end (never closed, plus closed after it) or, when the
-- end is nearer the partnership's first escalation than its last, from
-- those before it (raised by the end, less those also closed by it): both
-- exact, the cheaper read, so a recent period does not walk the
-- partnership's whole history.  Only the branch taken is read.
SELECT 'Raised by the agency', count(*) FROM escalation
WHERE partnership = :partnership AND raised_by = :agency AND raised_on BETWEEN :from AND :end
UNION ALL
SELECT 'Raised with the agency (received)', count(*) FROM escalation
WHERE partnership = :partnership AND raised_with = :agency AND raised_on BETWEEN :from AND :end
UNION ALL
SELECT 'Open at the end of the period (either party)',
	CASE WHEN julianday(:end)
			- julianday((SELECT min(raised_on) FROM main.escalation WHERE partnership = :partnership))
		< julianday((SELECT max(raised_on) FROM main.escalation WHERE partnership = :partnership))
			- julianday(:end)
	THEN (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND raised_on <= :end
			AND (raised_by = :agency OR raised_with = :agency))
		- (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND closed_on <= :end AND raised_on <= :end
			AND (raised_by = :agency OR raised_with = :agency))
	ELSE (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND closed_on IS NULL AND raised_on <= :end
			AND (raised_by = :agency OR raised_with = :agency))
		+ (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND closed_on > :end AND raised_on <= :end
			AND (raised_by = :agency OR raised_with = :agency))
	END
UNION ALL
SELECT 'Resolved in the period (either party)', count(*) FROM escalation
WHERE partnership = :partnership AND (raised_by = :agency OR raised_with = :agency)
	AND status = 'resolved' AND closed_on BETWEEN :from AND :end;
