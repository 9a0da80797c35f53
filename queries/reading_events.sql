-- reading_events: the stage events of partnership :partnership at stage
-- :stage entered from :since to :as_of, with what a deadline is worked out
-- from (the escalation's raised_on, the day the stage was entered); read
-- through the connection's subject restriction, if any
-- (scope_subject.sql).  :since is early enough that no stage entered
-- before it can fall due in the period (metrics_timescales.c), so one
-- range of the stage_event_entered index is read, not the whole history.
SELECT se.escalation_id, e.raised_on, se.entered_on
FROM stage_event se JOIN escalation e ON e.id = se.escalation_id
WHERE se.partnership = :partnership AND se.entered_on BETWEEN :since AND :as_of
	AND se.stage = :stage;
