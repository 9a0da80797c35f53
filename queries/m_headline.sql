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
--           the entries after the end, few for a recent period;
--   before: raised by the end, less those also closed by it (a NULL
--           closed_on is never <= :end): the entries before the end, few
--           for an early one.
-- The partnership's first and last raised_on in the tables themselves (two
-- probes of an index, whatever the subjects the reader counts) say
-- which: "before" when the end is nearer the first.  Only the branch taken
-- is read.
SELECT
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end),
	CASE WHEN julianday(:end)
			- julianday((SELECT min(raised_on) FROM main.escalation WHERE partnership = :partnership))
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
