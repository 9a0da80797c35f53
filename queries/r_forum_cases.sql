-- r_forum_cases: escalations whose highest stage reached by the as-of date
-- is :stage or above and below :stage_below (NULL: no bound; a forum whose
-- paper also covers a forum above it lists the cases there apart), and that
-- were open at some time in the period: raised on or before the end (:end =
-- min(end, as-of)) and not closed before the period began.  With the
-- highest stage reached by the as-of date, the status as of then, and
-- working days from raised_on to closure (or to the end while open).
-- Shown by the short pseudonymous reference only, with the agencies as the
-- partnership names them and the theme by its name: the columns of the
-- paper's table.
-- The candidates (still open, or closed since the period began) are read
-- from two ranges of the escalation_closed index; CROSS JOIN keeps them as
-- the outer loop (without statistics the planner would walk the calendar).
WITH cand(id) AS (
	SELECT id FROM escalation WHERE partnership = :partnership AND closed_on IS NULL AND raised_on <= :end
	UNION ALL
	SELECT id FROM escalation WHERE partnership = :partnership AND closed_on >= :from AND raised_on <= :end
),
top(id, stage) AS (
	SELECT cand.id, (SELECT max(stage) FROM stage_event s WHERE s.escalation_id = cand.id AND s.entered_on <= :end)
	FROM cand
)
SELECT e.pseudo, COALESCE(b.name, e.raised_by), COALESCE(w.name, e.raised_with),
	COALESCE((SELECT value FROM meta WHERE key = 'theme_name:' || e.theme), e.theme),
	e.raised_on, top.stage,
	CASE WHEN e.closed_on <= :end THEN e.status ELSE 'open' END,
	(SELECT c.wd_le FROM calendar c WHERE c.jurisdiction = p.jurisdiction
		AND c.day = CASE WHEN e.closed_on <= :end THEN e.closed_on ELSE :end END) - c1.wd_le
FROM top
CROSS JOIN escalation e ON e.id = top.id
CROSS JOIN partnership p ON p.id = e.partnership
CROSS JOIN calendar c1 ON c1.jurisdiction = p.jurisdiction AND c1.day = e.raised_on
LEFT JOIN agency b ON b.partnership = e.partnership AND b.id = e.raised_by
LEFT JOIN agency w ON w.partnership = e.partnership AND w.id = e.raised_with
WHERE top.stage >= :stage AND (:stage_below IS NULL OR top.stage < :stage_below)
ORDER BY e.raised_on, e.pseudo;
