-- schema_v10: the stage events not yet completed, by escalation
-- (stage_event_open): the highest stage of each escalation still open
-- (DESIGN.md "Stage completion": a stage is completed by a higher stage's
-- date, or by the closing of the escalation at it), with the day it was
-- entered and its deadline.  "Overdue at the as-of date" reads an open
-- escalation's current stage from it, a step in a small index, rather
-- than its stage events from the table (queries/m_overdue_events.sql).
-- It holds one entry per open escalation: a bulk load keeps it up row by
-- row (etl/bulk.c), as it does the tables' keys.
--
-- Upgrades a version 9 warehouse in place: the index is built from the
-- stage events as they are.
CREATE INDEX IF NOT EXISTS stage_event_open
	ON stage_event(partnership, escalation_id, entered_on, due_on, completed_on)
	WHERE completed_on IS NULL;

PRAGMA user_version = 10;
