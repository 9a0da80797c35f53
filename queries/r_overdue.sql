-- r_overdue: the escalations metrics_overdue() counts (DESIGN.md "Overdue at the
-- as-of date"), one row each: short pseudonymous reference, current stage,
-- the agencies as the partnership names them, the deadline, and the
-- working days overdue (working days d with deadline < d <= :as_of, from
-- the calendar's cumulative wd_le); longest overdue first.
-- CROSS JOIN keeps the escalations as the outer loop (without statistics
-- the planner would walk the calendar first).  :min_stage (NULL: 1): only
-- escalations at that stage or above (a forum's own stage).
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
SELECT e.pseudo, se.stage, COALESCE(b.name, e.raised_by), COALESCE(w.name, e.raised_with),
	se.due_on, c2.wd_le - c1.wd_le AS late
FROM cur
CROSS JOIN stage_event se ON se.escalation_id = cur.id AND se.stage = cur.stage
CROSS JOIN escalation e ON e.id = cur.id
CROSS JOIN partnership p ON p.id = e.partnership
CROSS JOIN calendar c1 ON c1.jurisdiction = p.jurisdiction AND c1.day = se.due_on
CROSS JOIN calendar c2 ON c2.jurisdiction = p.jurisdiction AND c2.day = :as_of
LEFT JOIN agency b ON b.partnership = e.partnership AND b.id = e.raised_by
LEFT JOIN agency w ON w.partnership = e.partnership AND w.id = e.raised_with
WHERE se.due_on < :as_of AND se.stage >= COALESCE(:min_stage, 1)
ORDER BY late DESC, se.due_on, e.pseudo;
