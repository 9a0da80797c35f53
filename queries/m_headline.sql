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
SELECT
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end),
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND closed_on IS NULL AND raised_on <= :end)
	+ (SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND closed_on > :end AND raised_on <= :end),
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND closed_on BETWEEN :from AND :end AND status = 'resolved'),
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND closed_on BETWEEN :from AND :end AND status = 'withdrawn');
