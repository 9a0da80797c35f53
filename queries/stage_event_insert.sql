-- stage_event_insert: one stage an escalation entered, with its completion
-- and deadline as ingest.c derives them (DESIGN.md "Stage completion",
-- "Working-day deadline"; the same definition as stage_event_refresh_due).
INSERT INTO stage_event(escalation_id, partnership, stage, entered_on, completed_on, due_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6);
