-- r_forum_cases: escalations that reached stage :stage or above by the as-of
-- date and were open at some time in the period: raised on or before the
-- end (:end = min(end, as-of)) and not closed before the period began.  With
-- the highest stage reached by the as-of date, the status as of then, and
-- working days from raised_on to closure (or to the end while open).
-- Shown by the short pseudonymous reference only, with the agencies as the
-- partnership names them: the columns of the paper's table.
-- The candidates (still open, or closed since the period began) are read
-- from two ranges of the escalation_closed index; CROSS JOIN keeps them as
-- the outer loop (without statistics the planner would walk the calendar).
WITH cand(id) AS (
	SELECT id FROM escalation WHERE partnership = :partnership AND closed_on IS NULL AND raised_on <= :end
	UNION ALL
	SELECT id FROM escalation WHERE partnership = :partnership AND closed_on >= :from AND raised_on <= :end
)
SELECT e.pseudo, COALESCE(b.name, e.raised_by), COALESCE(w.name, e.raised_with), e.theme,
	e.raised_on,
	(SELECT max(stage) FROM stage_event s WHERE s.escalation_id = e.id AND s.entered_on <= :end),
	CASE WHEN e.closed_on <= :end THEN e.status ELSE 'open' END,
	(SELECT c.wd_le FROM calendar c WHERE c.jurisdiction = p.jurisdiction
		AND c.day = CASE WHEN e.closed_on <= :end THEN e.closed_on ELSE :end END) - c1.wd_le
FROM cand
CROSS JOIN escalation e ON e.id = cand.id
CROSS JOIN partnership p ON p.id = e.partnership
CROSS JOIN calendar c1 ON c1.jurisdiction = p.jurisdiction AND c1.day = e.raised_on
LEFT JOIN agency b ON b.partnership = e.partnership AND b.id = e.raised_by
LEFT JOIN agency w ON w.partnership = e.partnership AND w.id = e.raised_with
WHERE EXISTS (SELECT 1 FROM stage_event s WHERE s.escalation_id = e.id
		AND s.stage >= :stage AND s.entered_on <= :end)
ORDER BY e.raised_on, e.pseudo;
