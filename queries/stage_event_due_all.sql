-- stage_event_due_all: every stage event with what its deadline depends
-- on, for recomputing deadlines after the timescales or the calendar
-- changed (`oversight init`); model/deadline.c applies the rule.
SELECT se.escalation_id, se.stage, se.partnership, e.raised_on, se.entered_on, se.due_on
FROM stage_event se JOIN escalation e ON e.id = se.escalation_id;
