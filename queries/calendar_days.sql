-- calendar_days: every day of the warehouse calendar with its cumulative
-- working-day number (DESIGN.md "Calendar"), per jurisdiction in day order.
SELECT jurisdiction, day, is_working, wd_le FROM calendar ORDER BY jurisdiction, day;
