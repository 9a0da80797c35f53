-- m_headline: the period's headline counts for partnership :partnership, period
-- [:from, :to], as of :as_of (DESIGN.md "Definitions"; dates after the as-of date
-- count as not yet happened):
--   raised       raised_on in the period;
--   open_at_end  raised on or before the end and not closed by it;
--   resolved     status resolved, closed_on in the period;
--   withdrawn    status withdrawn, closed_on in the period.
-- :end is the period's effective end, min(:to, :as_of).  Each count is written so
-- that it reads a range of an index (escalation_raised, escalation_closed)
-- rather than every escalation of the partnership.
--
-- open_at_end is counted one of two ways, both exact, whichever reads the
-- fewer index entries:
--   after:  never closed, plus closed after the end (each raised by it):
--           the entries of one index after the end, and the few never
--           closed;
--   before: raised by the end, less those also closed by it (a NULL
--           closed_on is never <= :end): the entries of both indexes
--           before the end.
-- "before" reads two ranges where "after" reads one, so it is the fewer
-- only for an end in the first third of the partnership's history: its
-- first and last raised_on in the tables themselves (two probes of an
-- index, whatever the subjects the reader counts) say which.  Only the
-- branch taken is read.  (North East Lincolnshire at 1,000,000 rows, ten
-- years: the two cost the same at 3.5 years in; at 4.7 years, 2021-Q2,
-- "before" took 16 ms and "after" 9 ms.)
SELECT
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end),
	CASE WHEN 2 * (julianday(:end)
			- julianday((SELECT min(raised_on) FROM main.escalation WHERE partnership = :partnership)))
		< julianday((SELECT max(raised_on) FROM main.escalation WHERE partnership = :partnership))
			- julianday(:end)
	THEN (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND raised_on <= :end)
		- (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND closed_on <= :end AND raised_on <= :end)
	ELSE (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND closed_on IS NULL AND raised_on <= :end)
		+ (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND closed_on > :end AND raised_on <= :end)
	END,
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND closed_on BETWEEN :from AND :end AND status = 'resolved'),
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND closed_on BETWEEN :from AND :end AND status = 'withdrawn');
