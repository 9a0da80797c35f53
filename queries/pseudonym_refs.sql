-- pseudonym_refs: the agencies' own refs (never case references) of the
-- escalation papers show as :pseudo (or whose id is :id), with the agency
-- that raised each row.
SELECT e.partnership, e.pseudo, s.ref, s.raised_by, s.raised_with, s.raised_on
FROM escalation e JOIN source_row s ON s.escalation_id = e.id AND s.superseded_by IS NULL
WHERE (e.pseudo = upper(:pseudo) OR e.id = :id)
	AND (:partnership IS NULL OR e.partnership = :partnership)
ORDER BY e.partnership, s.raised_on, s.ref;
