-- m_resolution_days: resolution time of each escalation resolved in the
-- period: working days from raised_on to closed_on (the days d with
-- raised_on < d <= closed_on), by the partnership's calendar.  The median
-- is taken in C (mean of the middle two for an even count).
-- CROSS JOIN keeps the escalations as the outer loop: without statistics
-- the planner would walk the calendar first.
-- The partnership's jurisdiction is read once (a constant subquery), not
-- joined row by row.
SELECT c2.wd_le - c1.wd_le
FROM escalation e
CROSS JOIN calendar c1 ON c1.jurisdiction = (SELECT jurisdiction FROM partnership WHERE id = :partnership)
	AND c1.day = e.raised_on
CROSS JOIN calendar c2 ON c2.jurisdiction = c1.jurisdiction AND c2.day = e.closed_on
WHERE e.partnership = :partnership AND e.status = 'resolved' AND e.closed_on BETWEEN :from AND :end;
