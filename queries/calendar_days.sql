-- calendar_days: every day of jurisdiction :jurisdiction in the warehouse
-- calendar, in day order, with its cumulative working-day number
-- (DESIGN.md "Calendar": the working days from A to B, A < d <= B, are
-- wd_le(B) - wd_le(A)): a range of the calendar's key, read into memory
-- (model/workcal.c) for the deadline rule (model/deadline.c) and the
-- reports' working-day counts (report/workdays.c).
SELECT day, is_working, wd_le FROM calendar WHERE jurisdiction = :jurisdiction ORDER BY day;
