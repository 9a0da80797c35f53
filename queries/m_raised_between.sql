-- m_raised_between: the escalations of partnership :partnership raised in
-- [:from, :to] (no later than the as-of date :as_of): raised_on, raised_by,
-- raised_with, one row each, read once from the escalation_raised index.
-- metrics.c counts them by agency for three periods ending together in
-- this one pass: raised and received in the period itself (by_agency), and
-- for silent agencies (none raised this period or the one before) and
-- one-way challenge (received in the last four quarters, none raised).
--
-- The same read gives what repeat disagreements (DESIGN.md) are counted
-- from, the fourth column: over the twelve months ending with the period's
-- effective end :end (raised_on in (:end - 12 months, :end]), the case_key
-- (a keyed pseudonym; a case is never named) of each escalation with a
-- case reference, else NULL.  The range starts at the earlier of :from and
-- that window's first day, so that it holds both (a row before :from is
-- for the repeats alone: metrics.c counts no agency from it).
-- report/metrics_repeats.c counts:
--   cases: pseudonymised cases (case_key) with two or more escalations;
--   pairs: pairs of agencies (in either order, two different agencies)
--          that disagreed two or more times about the same case.
-- Escalations without a case reference are never a repeat.
SELECT raised_on, raised_by, raised_with,
	CASE WHEN case_key IS NOT NULL AND raised_on > date(:end, '-12 months')
		AND raised_on <= :end THEN case_key END
FROM escalation
WHERE partnership = :partnership
	AND raised_on BETWEEN min(:from, date(:end, '-12 months', '+1 day')) AND :to
	AND raised_on <= :as_of;
