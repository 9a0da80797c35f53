-- m_time_in_stage: what gives each stage an escalation completed in the
-- period (completed_on in [:from, :end], whenever it entered it; DESIGN.md
-- "Time in stage", "Stage completion"; stage 0 included where the protocol
-- has it): the escalation's stage dates, its status and closing day, and
-- its raising and receiving agencies.  report/metrics_outcomes.c takes
-- each stage entered (stageN_on) as completed on the next stage date above
-- it, else on closed_on when the escalation is closed: the rule its
-- stage_event rows are written by (etl/escwrite.c store_stage_events) and
-- checked against (check_stage_events.sql), so one read of the escalation
-- gives all its stages, not a read of each stage event and then of the
-- escalation.  It keeps the stages completed in the period, and counts
-- the working days from entry to completion (the days d with
-- entered_on < d <= completed_on, by the partnership's calendar:
-- report/workdays.c) and the medians per stage and per agency pair.
--
-- A stage is completed on the day its escalation entered a higher stage,
-- or closed, so a stage completed in the period belongs to an escalation
-- that entered a stage or closed in it: those few (done) are read through
-- the indexes on entered_on and closed_on, not the partnership's every
-- escalation.  They are taken from the tables themselves (main.), a
-- superset of what a scope's views hold (report/scope.c), and each
-- escalation is then read through the view as before.  The rows come in
-- no order: C puts the stages in the order of (stage, raised_by,
-- raised_with), as an ORDER BY would, at a fraction of what SQLite's
-- sorter costs.
WITH done(id) AS (
	SELECT escalation_id FROM main.stage_event
	WHERE partnership = :partnership AND entered_on BETWEEN :from AND :end
	UNION
	SELECT id FROM main.escalation
	WHERE partnership = :partnership AND closed_on BETWEEN :from AND :end
)
SELECT e.raised_by, e.raised_with, e.status, e.closed_on,
	e.stage0_on, e.stage1_on, e.stage2_on, e.stage3_on, e.stage4_on, e.stage5_on
FROM done
CROSS JOIN escalation e ON e.id = done.id
WHERE e.partnership = :partnership;
