-- stage_event_set_due: a stage event's recomputed deadline.
UPDATE stage_event SET due_on = :due_on
WHERE escalation_id = :escalation_id AND stage = :stage;
