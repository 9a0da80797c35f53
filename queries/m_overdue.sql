-- m_overdue: escalations of partnership :partnership overdue at the as-of
-- date, by stage (DESIGN.md "Overdue at the as-of date"): open at :as_of
-- (raised on or before it and not closed by it), whose current stage (the
-- highest stage entered by :as_of) has a deadline before :as_of.  The
-- deadline is the stage event's stored due_on, set by the one deadline rule
-- (model/deadline.c) and NULL when the stage has no timescale (protocol or
-- local target).  A deadline that passed in an earlier period still counts
-- while the escalation is open.  Two halves (never closed; closed after the
-- as-of date) so each reads a range of the escalation_closed index.
WITH open_e(id) AS (
	SELECT id FROM escalation
	WHERE partnership = :partnership AND closed_on IS NULL AND raised_on <= :as_of
	UNION ALL
	SELECT id FROM escalation
	WHERE partnership = :partnership AND closed_on > :as_of AND raised_on <= :as_of
),
cur(id, stage) AS (
	SELECT o.id, (SELECT max(s.stage) FROM stage_event s
		WHERE s.escalation_id = o.id AND s.entered_on <= :as_of)
	FROM open_e o
)
SELECT se.stage, count(*)
FROM cur
CROSS JOIN stage_event se ON se.escalation_id = cur.id AND se.stage = cur.stage
WHERE se.due_on < :as_of
GROUP BY se.stage ORDER BY se.stage;
