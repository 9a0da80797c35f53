-- calendar_clear: the calendar table is rebuilt whole by `oversight init`.
DELETE FROM calendar;
