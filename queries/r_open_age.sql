-- r_open_age: escalations open at the period's end (raised on or before
-- it and not closed by it; :end = min(end, as-of)) by their age in working
-- days from raised_on to the end (days d with raised_on < d <= end), in
-- the paper's seven bands, every band a row even when empty: the bands
-- past 40 working days separate a long-standing backlog from the rest.
-- Two halves (never closed; closed after the end) so each reads a range
-- of the escalation_closed index.
-- CROSS JOIN keeps the escalations as the outer loop: without statistics
-- the planner would walk the calendar first.  The end's working-day
-- number (now) is read once, not joined row by row, and each band counts
-- the ages with a scan of the materialised list, not a sort of the rows.
WITH now(jurisdiction, wd_le) AS MATERIALIZED (
	SELECT c.jurisdiction, c.wd_le FROM partnership p
	CROSS JOIN calendar c ON c.jurisdiction = p.jurisdiction AND c.day = :end
	WHERE p.id = :partnership
),
age(days) AS MATERIALIZED (
	SELECT now.wd_le - c1.wd_le
	FROM now
	CROSS JOIN escalation e
	CROSS JOIN calendar c1 ON c1.jurisdiction = now.jurisdiction AND c1.day = e.raised_on
	WHERE e.partnership = :partnership AND e.closed_on IS NULL AND e.raised_on <= :end
	UNION ALL
	SELECT now.wd_le - c1.wd_le
	FROM now
	CROSS JOIN escalation e
	CROSS JOIN calendar c1 ON c1.jurisdiction = now.jurisdiction AND c1.day = e.raised_on
	WHERE e.partnership = :partnership AND e.closed_on > :end AND e.raised_on <= :end
),
band(ord, lo, hi, label) AS (VALUES
	(1, 0, 5, 'up to 5 working days'), (2, 6, 10, '6-10'), (3, 11, 20, '11-20'),
	(4, 21, 40, '21-40'), (5, 41, 60, '41-60'), (6, 61, 120, '61-120'),
	(7, 121, 1073741824, 'over 120'))
SELECT band.label, (SELECT count(*) FROM age WHERE age.days BETWEEN band.lo AND band.hi)
FROM band ORDER BY band.ord;
