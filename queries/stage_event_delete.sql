-- stage_event_delete: the stage events of a derived escalation about to be
-- dropped (escalation_delete.sql), deleted by the loader itself: a first
-- load held alone does not have SQLite check REFERENCES, so ON DELETE
-- CASCADE does not run then (etl/alone.h).  Where it does run, it finds
-- nothing left to delete.
DELETE FROM stage_event WHERE escalation_id = :id;
