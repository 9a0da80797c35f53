-- r_flag_cases: every escalation of the period, at any stage, that was a
-- serious concern logged with the forum's chair (:flag = 'serious', Devon
-- 3.2) or where the professional network was stuck (:flag = 'stuck', Devon
-- 3.3): open at some time in the period (raised on or before :end, not
-- closed before :from).  The columns of r_forum_cases: reference, agencies
-- and theme by name, raised on, highest stage by :end, status as of :end,
-- working days from raising to closure or to :end.
WITH cand(id) AS (
	SELECT id FROM escalation WHERE partnership = :partnership AND closed_on IS NULL AND raised_on <= :end
	UNION ALL
	SELECT id FROM escalation WHERE partnership = :partnership AND closed_on >= :from AND raised_on <= :end
)
SELECT e.pseudo, COALESCE(b.name, e.raised_by), COALESCE(w.name, e.raised_with),
	COALESCE((SELECT value FROM meta WHERE key = 'theme_name:' || e.theme), e.theme),
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
WHERE (:flag = 'serious' AND e.serious_concern = 1) OR (:flag = 'stuck' AND e.stuck = 1)
ORDER BY e.raised_on, e.pseudo;
