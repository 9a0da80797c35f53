-- calendar_range: the first and last day the warehouse calendar holds for
-- jurisdiction :jurisdiction: two probes of the calendar's key
-- (model/deadline.c asks for each jurisdiction), not a scan of every day.
-- Each is a query of its own: SQLite answers a lone min() or max() from
-- the end of an index, but reads the whole range for the two together.
SELECT (SELECT min(day) FROM calendar WHERE jurisdiction = :jurisdiction),
	(SELECT max(day) FROM calendar WHERE jurisdiction = :jurisdiction);
