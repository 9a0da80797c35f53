-- check_stage_events: stage_event rows against the stage dates of their
-- escalation (stage 0: stage0_on, the step before stage 1).  Each stage N with a date must have one event entered on
-- that date and completed as DESIGN.md "Stage completion" says (the next
-- stage date above N, else closed_on when N is the top stage and the
-- escalation is closed, else not completed), and no event may name a
-- stage the escalation never entered.  One row per stage that differs.
WITH want AS (
	SELECT id AS eid, 0 AS stage, stage0_on AS entered_on,
		coalesce(stage1_on, stage2_on, stage3_on, stage4_on, stage5_on,
			CASE WHEN status <> 'open' THEN closed_on END) AS completed_on
	FROM escalation WHERE stage0_on IS NOT NULL
	UNION ALL
	SELECT id, 1, stage1_on,
		coalesce(stage2_on, stage3_on, stage4_on, stage5_on,
			CASE WHEN status <> 'open' THEN closed_on END) AS completed_on
	FROM escalation WHERE stage1_on IS NOT NULL
	UNION ALL
	SELECT id, 2, stage2_on, coalesce(stage3_on, stage4_on, stage5_on,
		CASE WHEN status <> 'open' THEN closed_on END)
	FROM escalation WHERE stage2_on IS NOT NULL
	UNION ALL
	SELECT id, 3, stage3_on, coalesce(stage4_on, stage5_on,
		CASE WHEN status <> 'open' THEN closed_on END)
	FROM escalation WHERE stage3_on IS NOT NULL
	UNION ALL
	SELECT id, 4, stage4_on, coalesce(stage5_on, CASE WHEN status <> 'open' THEN closed_on END)
	FROM escalation WHERE stage4_on IS NOT NULL
	UNION ALL
	SELECT id, 5, stage5_on, CASE WHEN status <> 'open' THEN closed_on END
	FROM escalation WHERE stage5_on IS NOT NULL
), bad AS (
	SELECT w.eid, w.stage,
		CASE WHEN h.escalation_id IS NULL THEN 'stage ' || w.stage || ' entered ' ||
				w.entered_on || ' has no stage event'
			ELSE 'stage ' || w.stage || ' event entered ' || h.entered_on || ', completed ' ||
				coalesce(h.completed_on, '(none)') || '; the escalation says entered ' ||
				w.entered_on || ', completed ' || coalesce(w.completed_on, '(none)') END AS what
	FROM want w
	LEFT JOIN stage_event h ON h.escalation_id = w.eid AND h.stage = w.stage
	WHERE h.escalation_id IS NULL OR h.entered_on IS NOT w.entered_on
		OR h.completed_on IS NOT w.completed_on
	UNION ALL
	SELECT h.escalation_id, h.stage,
		'stage ' || h.stage || ' event, a stage the escalation never entered'
	FROM stage_event h
	WHERE EXISTS (SELECT 1 FROM escalation e WHERE e.id = h.escalation_id)
		AND NOT EXISTS (SELECT 1 FROM want w WHERE w.eid = h.escalation_id AND w.stage = h.stage)
)
SELECT e.partnership || ' ' || e.pseudo || ': ' || b.what
FROM bad b JOIN escalation e ON e.id = b.eid
ORDER BY b.eid, b.stage;
