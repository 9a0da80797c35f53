-- check_escalation_dates: every escalation's raised_on and stage dates
-- against the earliest of its current source rows' (DESIGN.md
-- "Reconciliation": "the earliest raised_on and stage dates, every stage
-- either reached ... stand"; min() skips a blank date, so a stage either
-- source reached is kept), and its top_stage against the highest stage
-- it has a date for.  One row per escalation and field that differ.
-- Escalations without a current source row are check_escalation_orphans'.
WITH src AS (
	SELECT escalation_id AS eid, min(raised_on) AS raised_on,
		min(stage1_on) AS s1, min(stage2_on) AS s2, min(stage3_on) AS s3,
		min(stage4_on) AS s4, min(stage5_on) AS s5, min(stage0_on) AS s0
	FROM source_row
	WHERE superseded_by IS NULL AND escalation_id IS NOT NULL
	GROUP BY escalation_id
), d AS (
	SELECT e.id, e.partnership, e.pseudo, 1 AS ord, 'raised_on' AS field,
		e.raised_on AS have, s.raised_on AS want
	FROM escalation e JOIN src s ON s.eid = e.id
	UNION ALL
	SELECT e.id, e.partnership, e.pseudo, 2, 'stage1_on', e.stage1_on, s.s1
	FROM escalation e JOIN src s ON s.eid = e.id
	UNION ALL
	SELECT e.id, e.partnership, e.pseudo, 3, 'stage2_on', e.stage2_on, s.s2
	FROM escalation e JOIN src s ON s.eid = e.id
	UNION ALL
	SELECT e.id, e.partnership, e.pseudo, 4, 'stage3_on', e.stage3_on, s.s3
	FROM escalation e JOIN src s ON s.eid = e.id
	UNION ALL
	SELECT e.id, e.partnership, e.pseudo, 5, 'stage4_on', e.stage4_on, s.s4
	FROM escalation e JOIN src s ON s.eid = e.id
	UNION ALL
	SELECT e.id, e.partnership, e.pseudo, 6, 'stage5_on', e.stage5_on, s.s5
	FROM escalation e JOIN src s ON s.eid = e.id
	UNION ALL
	SELECT e.id, e.partnership, e.pseudo, 8, 'stage0_on', e.stage0_on, s.s0
	FROM escalation e JOIN src s ON s.eid = e.id	UNION ALL
	SELECT e.id, e.partnership, e.pseudo, 7, 'top_stage', e.top_stage,
		CASE WHEN e.stage5_on IS NOT NULL THEN 5 WHEN e.stage4_on IS NOT NULL THEN 4
			WHEN e.stage3_on IS NOT NULL THEN 3 WHEN e.stage2_on IS NOT NULL THEN 2
			WHEN e.stage1_on IS NOT NULL THEN 1 ELSE 0 END
	FROM escalation e
)
SELECT partnership || ' ' || pseudo || ': ' || field || ' ' || coalesce(have, '(none)') ||
	CASE WHEN field = 'top_stage' THEN ', highest stage with a date '
		ELSE ', earliest of its sources ' END || coalesce(want, '(none)')
FROM d
WHERE have IS NOT want
ORDER BY id, ord;
