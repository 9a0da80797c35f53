-- calendar_range: the first and last day the warehouse calendar holds.
SELECT min(day), max(day) FROM calendar;
