-- schema_v8: the stage_event_due and stage_event_entered indexes carry
-- what m_timescales.sql reads of each stage event (entered_on, due_on,
-- completed_on; the stage is in every index of the table, as its key), so
-- that the timed stage instances of a period (met, breached, pending) are
-- read from the indexes alone, not each from the table: about 9,000
-- stages due and 14,000 entered a quarter, for a partnership with a
-- million rows' history.  Upgrades a version 7 warehouse in place;
-- schema_v8_analyze.sql gives the rebuilt indexes their planner
-- statistics where the warehouse holds stage events.
DROP INDEX IF EXISTS stage_event_due;
CREATE INDEX stage_event_due ON stage_event(partnership, due_on, entered_on, completed_on)
	WHERE due_on IS NOT NULL;
DROP INDEX IF EXISTS stage_event_entered;
CREATE INDEX stage_event_entered ON stage_event(partnership, entered_on, due_on, completed_on);

PRAGMA user_version = 8;
