-- m_time_in_stage: each stage an escalation completed in the period
-- (completed_on in [:from, :end], whenever it entered it; DESIGN.md "Time
-- in stage", "Stage completion"; stage 0 included where the protocol has
-- it): the stage, the raising and receiving agencies, and the days it was
-- entered and completed; the working days from one to the other (the days
-- d with entered_on < d <= completed_on, by the partnership's calendar:
-- report/workdays.c) and the medians per stage and per agency pair are
-- counted in C.
--
-- A stage is completed on the day its escalation entered a higher stage,
-- or closed (etl/reconcile.c store_stage_events), so a stage completed in
-- the period belongs to an escalation that entered a stage or closed in
-- it: those few (done) are read through the indexes on entered_on and
-- closed_on, not the partnership's every stage event.  They are taken
-- from the tables themselves (main.), a superset of what a scope's views
-- hold (report/scope.c), and each stage event is then read through the
-- view as before.  The rows come in no order: C puts them in the order
-- of (stage, raised_by, raised_with), as an ORDER BY would, at a fraction
-- of what SQLite's sorter costs.
WITH done(id) AS (
	SELECT escalation_id FROM main.stage_event
	WHERE partnership = :partnership AND entered_on BETWEEN :from AND :end
	UNION
	SELECT id FROM main.escalation
	WHERE partnership = :partnership AND closed_on BETWEEN :from AND :end
)
SELECT se.stage, e.raised_by, e.raised_with, se.entered_on, se.completed_on
FROM done
CROSS JOIN stage_event se ON se.escalation_id = done.id
CROSS JOIN escalation e ON e.id = se.escalation_id
WHERE se.partnership = :partnership AND se.completed_on BETWEEN :from AND :end;
