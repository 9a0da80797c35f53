-- r_agency_silent_sources: agencies of partnership :partnership that appear in no
-- escalation raised in the period (:from..:end) either as raiser or receiver:
-- possibly a log not sent for the period.
SELECT a.id, a.name FROM agency a
WHERE a.partnership = :partnership AND NOT EXISTS (
	SELECT 1 FROM escalation e WHERE e.partnership = :partnership AND e.raised_on BETWEEN :from AND :end
		AND (e.raised_by = a.id OR e.raised_with = a.id))
ORDER BY a.ord;
