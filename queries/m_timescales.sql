-- m_timescales: every timed stage of partnership ?1 (its protocol's
-- timescales, or local targets where the protocol sets none) with the
-- timed stage instances due in the period: due_on in [?2, ?3].  As of ?4
-- (end of that day; later dates count as not yet happened) an instance is
--   met       completed on or before its deadline,
--   breached  completed after it, or not completed by the as-of date when
--             the deadline is on or before it,
--   pending   otherwise (not completed, deadline after the as-of date).
-- An instance whose stage was entered after the as-of date does not exist
-- yet.  (DESIGN.md "Timed stage instance", "Breach rate".)
WITH i AS (
	SELECT se.stage, se.due_on,
		CASE WHEN se.completed_on <= ?4 THEN se.completed_on END AS done
	FROM stage_event se
	WHERE se.partnership = ?1 AND se.due_on BETWEEN ?2 AND ?3 AND se.entered_on <= ?4
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
