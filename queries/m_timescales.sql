-- m_timescales: every timed stage of partnership ?1 (its protocol's
-- timescales, or local targets where the protocol sets none) with the
-- timed stage instances due in the period [?2, ?3].  As of ?4 (end of that
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
-- The instances are read once (MATERIALIZED), from two index ranges: due
-- in the period and entered by then; or entered in the period after their
-- deadline.
WITH i AS MATERIALIZED (
	SELECT stage, due_on, CASE WHEN completed_on <= ?4 THEN completed_on END AS done
	FROM stage_event
	WHERE partnership = ?1 AND due_on BETWEEN ?2 AND ?3 AND entered_on <= due_on
		AND entered_on <= ?4
	UNION ALL
	SELECT stage, due_on, CASE WHEN completed_on <= ?4 THEN completed_on END
	FROM stage_event
	WHERE partnership = ?1 AND entered_on BETWEEN ?2 AND ?3 AND entered_on > due_on
		AND entered_on <= ?4
)
SELECT t.stage, t.source, t.kind, t.days, t.cite,
	count(i.stage),
	count(*) FILTER (WHERE i.done IS NOT NULL AND i.done <= i.due_on),
	count(*) FILTER (WHERE (i.done IS NOT NULL AND i.done > i.due_on)
		OR (i.done IS NULL AND i.stage IS NOT NULL AND i.due_on <= ?4)),
	count(*) FILTER (WHERE i.done IS NULL AND i.stage IS NOT NULL AND i.due_on > ?4)
FROM timescale t
LEFT JOIN i ON i.stage = t.stage
WHERE t.partnership = ?1
GROUP BY t.stage ORDER BY t.stage;
