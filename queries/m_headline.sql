-- m_headline: the period's headline counts for partnership :partnership, period
-- [:from, :to], as of :as_of (DESIGN.md "Definitions"; dates after the as-of date
-- count as not yet happened):
--   raised       raised_on in the period;
--   resolved     status resolved, closed_on in the period;
--   withdrawn    status withdrawn, closed_on in the period.
-- :end is the period's effective end, min(:to, :as_of).  Each count is written so
-- that it reads a range of an index (escalation_raised, escalation_closed)
-- rather than every escalation of the partnership.  Open at the end is
-- counted for the period and its comparison periods together
-- (m_open_at_ends.sql).
SELECT
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end),
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND closed_on BETWEEN :from AND :end AND status = 'resolved'),
	(SELECT count(*) FROM escalation
	 WHERE partnership = :partnership AND closed_on BETWEEN :from AND :end AND status = 'withdrawn');
