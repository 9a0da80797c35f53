-- m_reached_tier: escalations raised in the period (raised_on in [:from, :end])
-- for partnership :partnership, and how many of them had entered, by the
-- as-of date, a stage whose canonical tier is :tier or above (DESIGN.md
-- "Reference data": 3 is head of service / senior manager).  Dates after the
-- as-of date count as not yet happened.
SELECT count(*), coalesce(sum(EXISTS (
	SELECT 1 FROM stage_event se
	JOIN stage s ON s.partnership = se.partnership AND s.stage = se.stage
	WHERE se.escalation_id = e.id AND s.tier >= :tier AND se.entered_on <= :as_of)), 0)
FROM escalation e
WHERE e.partnership = :partnership AND e.raised_on BETWEEN :from AND :end;
