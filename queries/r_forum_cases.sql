-- r_forum_cases: escalations that reached stage ?6 or above by the as-of
-- date and were open at some time in the period: raised on or before the
-- end (?5 = min(end, as-of)) and not closed before the period began.  With
-- the highest stage reached by the as-of date, the status as of then, and
-- working days from raised_on to closure (or to the end while open).
-- Shown by the short pseudonymous reference only.
SELECT e.pseudo, e.raised_by, e.raised_with, e.theme, e.raised_on,
	(SELECT max(stage) FROM stage_event s WHERE s.escalation_id = e.id AND s.entered_on <= ?5),
	CASE WHEN e.closed_on <= ?5 THEN e.status ELSE 'open' END,
	CASE WHEN e.closed_on <= ?5 THEN e.closed_on END,
	(SELECT c.wd_le FROM calendar c WHERE c.jurisdiction = p.jurisdiction
		AND c.day = CASE WHEN e.closed_on <= ?5 THEN e.closed_on ELSE ?5 END) - c1.wd_le,
	e.category, e.serious_concern, e.stuck, e.subject
FROM escalation e
JOIN partnership p ON p.id = e.partnership
JOIN calendar c1 ON c1.jurisdiction = p.jurisdiction AND c1.day = e.raised_on
WHERE e.partnership = ?1 AND e.raised_on <= ?5
	AND (e.closed_on IS NULL OR e.closed_on >= ?2)
	AND EXISTS (SELECT 1 FROM stage_event s WHERE s.escalation_id = e.id
		AND s.stage >= ?6 AND s.entered_on <= ?5)
ORDER BY e.raised_on, e.pseudo;
