-- stage_event_derive: the stage events of one escalation (?1).
--
-- One row per stage it entered.  DESIGN.md "Stage completion": stage N is
-- completed on the next stage date it has above N, or on closed_on if N is
-- its highest stage and it is closed.  due_on is the stage's deadline where
-- its partnership has a timescale for it (DESIGN.md "Working-day deadline"),
-- found through the calendar's running count of working days (wd_le):
--   by_working_day N     day 1 is raised_on if a working day, else the next
--                        working day: the working day numbered
--                        wd_le(raised_on - 1 day) + N;
--   within_of_raising N  the N-th working day strictly after raised_on:
--                        numbered wd_le(raised_on) + N;
--   within_of_entry N    the N-th working day strictly after entering the
--                        stage: numbered wd_le(entered_on) + N.
INSERT INTO stage_event(escalation_id, partnership, stage, entered_on, completed_on, due_on)
SELECT s.eid, s.partnership, s.stage, s.entered_on, s.completed_on,
	(SELECT c2.day
	 FROM timescale t
	 JOIN partnership p ON p.id = t.partnership
	 JOIN calendar c1 ON c1.jurisdiction = p.jurisdiction
		AND c1.day = CASE t.kind
			WHEN 'by_working_day' THEN date(s.raised_on, '-1 day')
			WHEN 'within_of_raising' THEN s.raised_on
			ELSE s.entered_on END
	 JOIN calendar c2 ON c2.jurisdiction = p.jurisdiction
		AND c2.wd_le = c1.wd_le + t.days AND c2.is_working = 1
	 WHERE t.partnership = s.partnership AND t.stage = s.stage)
FROM (
	SELECT id AS eid, partnership, raised_on, 1 AS stage, stage1_on AS entered_on,
		COALESCE(stage2_on, stage3_on, stage4_on, stage5_on,
			CASE WHEN status <> 'open' THEN closed_on END) AS completed_on
	FROM escalation WHERE id = ?1 AND stage1_on IS NOT NULL
	UNION ALL
	SELECT id, partnership, raised_on, 2, stage2_on,
		COALESCE(stage3_on, stage4_on, stage5_on,
			CASE WHEN status <> 'open' THEN closed_on END)
	FROM escalation WHERE id = ?1 AND stage2_on IS NOT NULL
	UNION ALL
	SELECT id, partnership, raised_on, 3, stage3_on,
		COALESCE(stage4_on, stage5_on, CASE WHEN status <> 'open' THEN closed_on END)
	FROM escalation WHERE id = ?1 AND stage3_on IS NOT NULL
	UNION ALL
	SELECT id, partnership, raised_on, 4, stage4_on,
		COALESCE(stage5_on, CASE WHEN status <> 'open' THEN closed_on END)
	FROM escalation WHERE id = ?1 AND stage4_on IS NOT NULL
	UNION ALL
	SELECT id, partnership, raised_on, 5, stage5_on,
		CASE WHEN status <> 'open' THEN closed_on END
	FROM escalation WHERE id = ?1 AND stage5_on IS NOT NULL
) s;
