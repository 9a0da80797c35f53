-- r_open_age: escalations open at the period's end (raised on or before
-- it and not closed by it; :end = min(end, as-of)) with their age in working
-- days from raised_on to the end (days d with raised_on < d <= end).
-- Two halves (never closed; closed after the end) so each reads a range
-- of the escalation_closed index.
-- CROSS JOIN keeps the escalations as the outer loop: without statistics
-- the planner would walk the calendar first.
SELECT c2.wd_le - c1.wd_le
FROM escalation e
CROSS JOIN partnership p ON p.id = e.partnership
CROSS JOIN calendar c1 ON c1.jurisdiction = p.jurisdiction AND c1.day = e.raised_on
CROSS JOIN calendar c2 ON c2.jurisdiction = p.jurisdiction AND c2.day = :end
WHERE e.partnership = :partnership AND e.closed_on IS NULL AND e.raised_on <= :end
UNION ALL
SELECT c2.wd_le - c1.wd_le
FROM escalation e
CROSS JOIN partnership p ON p.id = e.partnership
CROSS JOIN calendar c1 ON c1.jurisdiction = p.jurisdiction AND c1.day = e.raised_on
CROSS JOIN calendar c2 ON c2.jurisdiction = p.jurisdiction AND c2.day = :end
WHERE e.partnership = :partnership AND e.closed_on > :end AND e.raised_on <= :end;
