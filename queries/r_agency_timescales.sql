-- r_agency_timescales: the timed stage instances of escalations agency :agency
-- raised, due in the period [:from, :to] as of :as_of, by stage: the same
-- definition as m_timescales (met, breached, pending; a stage entered after
-- its deadline falls due on the day it is entered), as the paper shows
-- them: the stage's label, the timescale's source, the breach rate (NULL
-- when nothing was met or breached).
WITH i AS MATERIALIZED (
	SELECT se.stage, se.due_on, CASE WHEN se.completed_on <= :as_of THEN se.completed_on END AS done
	FROM stage_event se JOIN escalation e ON e.id = se.escalation_id
	WHERE se.partnership = :partnership AND se.due_on BETWEEN :from AND :to AND se.entered_on <= se.due_on
		AND se.entered_on <= :as_of AND e.raised_by = :agency
	UNION ALL
	SELECT se.stage, se.due_on, CASE WHEN se.completed_on <= :as_of THEN se.completed_on END
	FROM stage_event se JOIN escalation e ON e.id = se.escalation_id
	WHERE se.partnership = :partnership AND se.entered_on BETWEEN :from AND :to AND se.entered_on > se.due_on
		AND se.entered_on <= :as_of AND e.raised_by = :agency
),
c AS (
	SELECT t.stage, t.source,
		count(i.stage) AS due,
		count(*) FILTER (WHERE i.done IS NOT NULL AND i.done <= i.due_on) AS met,
		count(*) FILTER (WHERE (i.done IS NOT NULL AND i.done > i.due_on)
			OR (i.done IS NULL AND i.stage IS NOT NULL AND i.due_on <= :as_of)) AS breached,
		count(*) FILTER (WHERE i.done IS NULL AND i.stage IS NOT NULL AND i.due_on > :as_of) AS pending
	FROM timescale t
	LEFT JOIN i ON i.stage = t.stage
	WHERE t.partnership = :partnership
	GROUP BY t.stage
)
SELECT 'Stage ' || c.stage || COALESCE(': ' || NULLIF(s.name, ''), ''),
	CASE WHEN c.source = 'local' THEN 'local target' ELSE 'protocol' END,
	c.due, c.met, c.breached, c.pending,
	CASE WHEN c.met + c.breached > 0 THEN CAST(c.breached AS REAL) / (c.met + c.breached) END
FROM c LEFT JOIN stage s ON s.partnership = :partnership AND s.stage = c.stage
ORDER BY c.stage;
