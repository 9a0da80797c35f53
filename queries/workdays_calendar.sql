-- workdays_calendar: the calendar of partnership :partnership's
-- jurisdiction, every day with its cumulative working-day number (DESIGN.md
-- "Calendar": the working days from A to B, A < d <= B, are wd_le(B) -
-- wd_le(A)), in day order, read once by report/workdays.c.  The
-- jurisdiction comes first in each row.
SELECT c.jurisdiction, c.day, c.wd_le
FROM partnership p
CROSS JOIN calendar c ON c.jurisdiction = p.jurisdiction
WHERE p.id = :partnership
ORDER BY c.day;
