-- m_headline: the period's headline counts for partnership ?1, period
-- [?2, ?3], as of ?4 (DESIGN.md "Definitions"; dates after the as-of date
-- count as not yet happened):
--   raised       raised_on in the period;
--   open_at_end  raised on or before the end and not closed by it;
--   resolved     status resolved, closed_on in the period;
--   withdrawn    status withdrawn, closed_on in the period.
-- ?5 is the period's effective end, min(?3, ?4).  Each count is written so
-- that it reads a range of an index (escalation_raised, escalation_closed)
-- rather than every escalation of the partnership.
SELECT
	(SELECT count(*) FROM escalation
	 WHERE partnership = ?1 AND raised_on BETWEEN ?2 AND ?5),
	(SELECT count(*) FROM escalation
	 WHERE partnership = ?1 AND closed_on IS NULL AND raised_on <= ?5)
	+ (SELECT count(*) FROM escalation
	 WHERE partnership = ?1 AND closed_on > ?5 AND raised_on <= ?5),
	(SELECT count(*) FROM escalation
	 WHERE partnership = ?1 AND closed_on BETWEEN ?2 AND ?5 AND status = 'resolved'),
	(SELECT count(*) FROM escalation
	 WHERE partnership = ?1 AND closed_on BETWEEN ?2 AND ?5 AND status = 'withdrawn');
