-- stage_event_insert: one stage an escalation entered, with its completion
-- and deadline as etl/reconcile.c derives them (DESIGN.md "Stage
-- completion"; the deadline is model/deadline.c's "Working-day deadline").
INSERT INTO stage_event(escalation_id, partnership, stage, entered_on, completed_on, due_on)
VALUES (:escalation_id, :partnership, :stage, :entered_on, :completed_on, :due_on);
