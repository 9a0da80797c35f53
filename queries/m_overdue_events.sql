-- m_overdue_events: what "overdue at the as-of date" (DESIGN.md) needs at
-- three as-of dates at once (:t1, :t2, :t3: a period's and its two
-- comparison periods'), read in one pass; report/metrics_overdue.c counts.
-- An escalation open at t (raised on or before it and not closed by it)
-- is overdue at t when its current stage (the highest entered by t) has a
-- deadline before t.  The deadline is the stage event's stored due_on,
-- set by the one deadline rule (model/deadline.c) and NULL when the stage
-- has no timescale (protocol or local target); one that passed in an
-- earlier period still counts while the escalation is open.
--
-- Rows: the escalation, its raised_on and closed_on, and a stage event's
-- stage, entered_on and due_on; for each escalation of :partnership open
-- at one of the dates at least, either
--   its highest stage alone, when that stage was entered by every date
--   the escalation was open at: it is the current stage at each of them;
--   or its stage events entered by the latest date, so that C finds the
--   current stage at each.
-- The rows of one escalation come together without a sort: each
-- escalation is in one part only, and the CROSS JOINs keep it the outer
-- loop (SQLite never reorders the tables of a CROSS JOIN).
--
-- Three parts.
--   Never closed (open_now): the escalation_closed index's range of open
--   escalations, each with its stage not yet completed (its highest: a
--   lower stage is completed by the higher's date) from stage_event_open,
--   a small index (schema_v10.sql).  Most of them were raised long before
--   the period; their highest stage alone is read, not their stage events
--   from the table, one page each (9,000 such escalations of a
--   partnership: 24 ms against 4 ms).  raised_on is on or before every
--   stage date (etl/canon.c; for a reconciled escalation the earliest of
--   its sources'), so a stage entered by t was entered while it was open.
--   Those whose highest stage came after a date they were open at: their
--   stage events.
--   Closed after the earliest date: the index's range of them, open at
--   one date at least; their stage events.
-- Nothing is overdue where no stage event of the partnership has a
-- deadline before the latest date (a partnership whose stages have no
-- timescale, or an early period): one probe of stage_event_due says so,
-- once, and then no escalation is read.  The probe is the bound of each
-- range (NULL: an empty range), not a condition beside it, which SQLite
-- would test on every entry of the range (all escalations closed after the
-- earliest date: about 25 ms for a partnership of 200,000 escalations and
-- an early period).
--
-- Under a subject restriction (scope_subject.sql) escalation and
-- stage_event are views; stage_event_open is read from the table
-- (main.stage_event), for the escalations the view gives.
WITH timed(yes) AS (
	SELECT EXISTS (SELECT 1 FROM main.stage_event
		WHERE partnership = :partnership AND due_on IS NOT NULL
			AND due_on < max(:t1, :t2, :t3))
),
open_now(id, raised_on, stage, entered_on, due_on, later) AS (
	SELECT e.id, e.raised_on, top.stage, top.entered_on, top.due_on,
		(e.raised_on <= :t1 AND top.entered_on > :t1)
			OR (e.raised_on <= :t2 AND top.entered_on > :t2)
			OR (e.raised_on <= :t3 AND top.entered_on > :t3)
	FROM escalation e
	CROSS JOIN main.stage_event top INDEXED BY stage_event_open
		ON top.partnership = :partnership AND top.escalation_id = e.id
			AND top.completed_on IS NULL
	WHERE e.partnership = :partnership AND e.closed_on IS NULL
		AND e.raised_on <= CASE WHEN (SELECT yes FROM timed) THEN max(:t1, :t2, :t3) END
),
closed_since(id, raised_on, closed_on) AS (
	SELECT id, raised_on, closed_on FROM escalation
	WHERE partnership = :partnership
		AND closed_on > CASE WHEN (SELECT yes FROM timed) THEN min(:t1, :t2, :t3) END
		AND raised_on <= max(:t1, :t2, :t3)
		AND ((raised_on <= :t1 AND closed_on > :t1) OR (raised_on <= :t2 AND closed_on > :t2)
			OR (raised_on <= :t3 AND closed_on > :t3))
)
SELECT id, raised_on, NULL, stage, entered_on, due_on
FROM open_now
WHERE NOT later
UNION ALL
SELECT o.id, o.raised_on, NULL, se.stage, se.entered_on, se.due_on
FROM open_now o
CROSS JOIN stage_event se ON se.escalation_id = o.id
WHERE o.later AND se.entered_on <= max(:t1, :t2, :t3)
UNION ALL
SELECT o.id, o.raised_on, o.closed_on, se.stage, se.entered_on, se.due_on
FROM closed_since o
CROSS JOIN stage_event se ON se.escalation_id = o.id
WHERE se.entered_on <= max(:t1, :t2, :t3);
