-- m_timescales: every timed stage of partnership :partnership (its protocol's
-- timescales, or local targets where the protocol sets none) with the
-- timed stage instances due in the period [:from, :to].  As of :as_of (end of that
-- day; later dates count as not yet happened) an instance is
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
-- then; or entered in the period after their deadline.  They are counted
-- by stage, and the counts set beside each timed stage (a stage with none
-- due counts 0).
WITH i(stage, due_on, done) AS (
	SELECT stage, due_on, CASE WHEN completed_on <= :as_of THEN completed_on END
	FROM stage_event
	WHERE partnership = :partnership AND due_on BETWEEN :from AND :to AND entered_on <= due_on
		AND entered_on <= :as_of
	UNION ALL
	SELECT stage, due_on, CASE WHEN completed_on <= :as_of THEN completed_on END
	FROM stage_event
	WHERE partnership = :partnership AND entered_on BETWEEN :from AND :to AND entered_on > due_on
		AND entered_on <= :as_of
), n AS (
	SELECT stage, count(*) AS due,
		count(*) FILTER (WHERE done IS NOT NULL AND done <= due_on) AS met,
		count(*) FILTER (WHERE (done IS NOT NULL AND done > due_on)
			OR (done IS NULL AND due_on <= :as_of)) AS breached,
		count(*) FILTER (WHERE done IS NULL AND due_on > :as_of) AS pending
	FROM i GROUP BY stage
)
SELECT t.stage, t.source, t.kind, t.days, t.cite,
	coalesce(n.due, 0), coalesce(n.met, 0), coalesce(n.breached, 0), coalesce(n.pending, 0)
FROM timescale t
LEFT JOIN n ON n.stage = t.stage
WHERE t.partnership = :partnership
ORDER BY t.stage;
