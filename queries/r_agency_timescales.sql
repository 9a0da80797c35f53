-- r_agency_timescales: the timed stage instances of escalations agency ?6
-- raised, due in the period [?2, ?3] as of ?4, by stage: the same
-- definition as m_timescales (met, breached, pending; a stage entered after
-- its deadline falls due on the day it is entered).
WITH i AS MATERIALIZED (
	SELECT se.stage, se.due_on, CASE WHEN se.completed_on <= ?4 THEN se.completed_on END AS done
	FROM stage_event se JOIN escalation e ON e.id = se.escalation_id
	WHERE se.partnership = ?1 AND se.due_on BETWEEN ?2 AND ?3 AND se.entered_on <= se.due_on
		AND se.entered_on <= ?4 AND e.raised_by = ?6
	UNION ALL
	SELECT se.stage, se.due_on, CASE WHEN se.completed_on <= ?4 THEN se.completed_on END
	FROM stage_event se JOIN escalation e ON e.id = se.escalation_id
	WHERE se.partnership = ?1 AND se.entered_on BETWEEN ?2 AND ?3 AND se.entered_on > se.due_on
		AND se.entered_on <= ?4 AND e.raised_by = ?6
)
SELECT t.stage, t.source,
	count(i.stage),
	count(*) FILTER (WHERE i.done IS NOT NULL AND i.done <= i.due_on),
	count(*) FILTER (WHERE (i.done IS NOT NULL AND i.done > i.due_on)
		OR (i.done IS NULL AND i.stage IS NOT NULL AND i.due_on <= ?4)),
	count(*) FILTER (WHERE i.done IS NULL AND i.stage IS NOT NULL AND i.due_on > ?4)
FROM timescale t
LEFT JOIN i ON i.stage = t.stage
WHERE t.partnership = ?1
GROUP BY t.stage ORDER BY t.stage;
