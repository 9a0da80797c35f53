-- r_agency_silent_sources: agencies of partnership ?1 that appear in no
-- escalation raised in the period (?2..?5) either as raiser or receiver:
-- possibly a log not sent for the period.
SELECT a.id, a.name FROM agency a
WHERE a.partnership = ?1 AND NOT EXISTS (
	SELECT 1 FROM escalation e WHERE e.partnership = ?1 AND e.raised_on BETWEEN ?2 AND ?5
		AND (e.raised_by = a.id OR e.raised_with = a.id))
ORDER BY a.ord;
