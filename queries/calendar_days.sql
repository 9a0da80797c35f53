-- calendar_days: every day of jurisdiction :jurisdiction in the warehouse
-- calendar, in day order, with its cumulative working-day number (DESIGN.md
-- "Calendar"): a range of the calendar's key (model/deadline.c).
SELECT day, is_working, wd_le FROM calendar WHERE jurisdiction = :jurisdiction ORDER BY day;
