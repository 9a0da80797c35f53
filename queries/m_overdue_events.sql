-- m_overdue_events: what "overdue at the as-of date" (DESIGN.md) needs at
-- three as-of dates at once (:t1, :t2, :t3: a period's and its two
-- comparison periods'), read in one pass; report/metrics_overdue.c counts.
-- One row per stage event entered by the latest of them, of each
-- escalation of :partnership open at one of them at least (raised on or
-- before it and not closed by it): the escalation, its raised_on and
-- closed_on, and the event's stage, entered_on and due_on; by escalation,
-- then stage.  An escalation open at t is overdue at t when its current
-- stage (the highest entered by t) has a deadline before t.  The deadline
-- is the stage event's stored due_on, set by the one deadline rule
-- (model/deadline.c) and NULL when the stage has no timescale (protocol or
-- local target); one that passed in an earlier period still counts while
-- the escalation is open.  Two halves (never closed; closed after the
-- earliest date) so each reads a range of the escalation_closed index,
-- which also holds raised_on: the test of being open is made there,
-- before any stage event is read.  Nothing is overdue where no stage event
-- of the partnership has a deadline before the latest date (a partnership
-- whose stages have no timescale, or an early period): one probe of
-- stage_event_due says so, once, and then no escalation is read.  The
-- probe is the bound of each half's range (NULL: an empty range), not a
-- condition beside it, which SQLite would test on every entry of the
-- range (all escalations closed after the earliest date: about 25 ms for
-- a partnership of 200,000 escalations and an early period).
WITH timed(yes) AS (
	SELECT EXISTS (SELECT 1 FROM main.stage_event
		WHERE partnership = :partnership AND due_on IS NOT NULL
			AND due_on < max(:t1, :t2, :t3))
),
open_e(id, raised_on, closed_on) AS (
	SELECT id, raised_on, closed_on FROM escalation
	WHERE partnership = :partnership AND closed_on IS NULL
		AND raised_on <= CASE WHEN (SELECT yes FROM timed) THEN max(:t1, :t2, :t3) END
	UNION ALL
	SELECT id, raised_on, closed_on FROM escalation
	WHERE partnership = :partnership
		AND closed_on > CASE WHEN (SELECT yes FROM timed) THEN min(:t1, :t2, :t3) END
		AND raised_on <= max(:t1, :t2, :t3)
		AND ((raised_on <= :t1 AND closed_on > :t1) OR (raised_on <= :t2 AND closed_on > :t2)
			OR (raised_on <= :t3 AND closed_on > :t3))
)
SELECT o.id, o.raised_on, o.closed_on, se.stage, se.entered_on, se.due_on
FROM open_e o
CROSS JOIN stage_event se ON se.escalation_id = o.id
WHERE se.entered_on <= max(:t1, :t2, :t3)
ORDER BY o.id, se.stage;
