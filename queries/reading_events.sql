-- reading_events: the stage events of partnership :partnership at stage
-- :stage entered by :as_of, with what a deadline is worked out from (the
-- escalation's raised_on, the day the stage was entered); read through
-- the connection's subject restriction, if any (scope_subject.sql).
SELECT se.escalation_id, e.raised_on, se.entered_on
FROM stage_event se JOIN escalation e ON e.id = se.escalation_id
WHERE se.partnership = :partnership AND se.stage = :stage AND se.entered_on <= :as_of;
