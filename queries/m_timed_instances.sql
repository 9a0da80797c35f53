-- m_timed_instances: the timed stage instances of partnership
-- :partnership due in the period [:from, :to], for the timed stages
-- m_timescales.sql lists; report/metrics_period.c counts them by stage.
-- As of :as_of (end of that day; later dates count as not yet happened)
-- an instance is
--   met       completed on or before its deadline,
--   breached  completed after it, or not completed by the as-of date when
--             the deadline is on or before it,
--   pending   otherwise (not completed, deadline after the as-of date).
-- An instance whose stage was entered after the as-of date does not exist
-- yet.  (DESIGN.md "Timed stage instance", "Breach rate".)
--
-- A stage entered after its deadline (a "by working day N" deadline counts
-- from raising) falls due, for the period it is counted in, on the day it
-- was entered: max(due_on, entered_on).  It is breached either way, but
-- counted under its deadline alone it would be lost whenever the stage was
-- entered in a later period than the deadline: the deadline's period, as
-- of its own end, cannot count a stage not yet entered (a past period
-- never changes), and the entry's period would not hold the deadline.
-- The instances are read from two index ranges (each index holds what is
-- read of a stage event: schema_v8.sql): due in the period and entered by
-- then; or entered in the period after their deadline.  One row each: the
-- stage, the deadline (due_on, never NULL here), and the day it was
-- completed if that is by the as-of date (done), else NULL.  C counts
-- them by stage, beside each timed stage (a stage with none due counts
-- 0): counted by SQLite's GROUP BY, they would be sorted first, which
-- costs more than reading them.
SELECT stage, due_on, CASE WHEN completed_on <= :as_of THEN completed_on END
FROM stage_event
WHERE partnership = :partnership AND due_on BETWEEN :from AND :to AND entered_on <= due_on
	AND entered_on <= :as_of
UNION ALL
SELECT stage, due_on, CASE WHEN completed_on <= :as_of THEN completed_on END
FROM stage_event
WHERE partnership = :partnership AND entered_on BETWEEN :from AND :to AND entered_on > due_on
	AND entered_on <= :as_of;
