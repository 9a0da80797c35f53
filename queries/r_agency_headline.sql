-- r_agency_headline: one agency's (:agency) figures for the period [:from, :end]
-- (:end = min(end, as-of)) in partnership :partnership: escalations it raised and it
-- received in the period (raised_on in it); escalations it is party to
-- that were open at the period's end, and resolved in the period: a row
-- for each, as the paper labels it.
SELECT 'Raised by the agency', count(*) FROM escalation
WHERE partnership = :partnership AND raised_by = :agency AND raised_on BETWEEN :from AND :end
UNION ALL
SELECT 'Raised with the agency (received)', count(*) FROM escalation
WHERE partnership = :partnership AND raised_with = :agency AND raised_on BETWEEN :from AND :end
UNION ALL
SELECT 'Open at the end of the period (either party)', count(*) FROM escalation
WHERE partnership = :partnership AND (raised_by = :agency OR raised_with = :agency)
	AND raised_on <= :end AND (closed_on IS NULL OR closed_on > :end)
UNION ALL
SELECT 'Resolved in the period (either party)', count(*) FROM escalation
WHERE partnership = :partnership AND (raised_by = :agency OR raised_with = :agency)
	AND status = 'resolved' AND closed_on BETWEEN :from AND :end;
