-- reading_due_add: the deadline the other reading gives one stage event.
INSERT INTO temp.reading_due (escalation_id, stage, due_on) VALUES (:escalation_id, :stage, :due_on);
