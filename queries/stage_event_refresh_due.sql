-- stage_event_refresh_due: recompute every deadline of a partnership (?1)
-- after its timescales changed (`oversight init` with a new definition or
-- targets file).  Same definition as stage_event_derive.
UPDATE stage_event SET due_on = (
	SELECT c2.day
	FROM timescale t
	JOIN partnership p ON p.id = t.partnership
	JOIN escalation e ON e.id = stage_event.escalation_id
	JOIN calendar c1 ON c1.jurisdiction = p.jurisdiction
		AND c1.day = CASE t.kind
			WHEN 'by_working_day' THEN date(e.raised_on, '-1 day')
			WHEN 'within_of_raising' THEN e.raised_on
			ELSE stage_event.entered_on END
	JOIN calendar c2 ON c2.jurisdiction = p.jurisdiction
		AND c2.wd_le = c1.wd_le + t.days AND c2.is_working = 1
	WHERE t.partnership = stage_event.partnership AND t.stage = stage_event.stage)
WHERE partnership = ?1;
