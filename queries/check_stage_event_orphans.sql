-- check_stage_event_orphans: stage events whose escalation is not there
-- (they would still count in "entered stage N" and the timescales).  One
-- row per missing escalation, with its number of stage events.
SELECT se.partnership || ' escalation ' || se.escalation_id || ': ' || count(*) ||
	' stage event(s), the escalation is not there', count(*)
FROM stage_event se
WHERE NOT EXISTS (SELECT 1 FROM escalation e WHERE e.id = se.escalation_id)
GROUP BY se.partnership, se.escalation_id
ORDER BY se.escalation_id;
