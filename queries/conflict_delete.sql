-- conflict_delete: the conflicts of a derived escalation about to be
-- dropped (escalation_delete.sql), deleted by the loader itself, as its
-- stage events are (stage_event_delete.sql).
DELETE FROM conflict WHERE escalation_id = :id;
