-- m_repeat_rows: what repeat disagreements (DESIGN.md) are counted from,
-- over the twelve months ending with the period's effective end
-- (raised_on in (:end - 12 months, :end]): one row per escalation with a
-- case reference (its case_key, a keyed pseudonym; a case is never named),
-- and its two agencies (which C puts the lesser first, so that a pair is
-- the same in either direction: min() and max() here cost more than the
-- rest of the row).  report/metrics_repeats.c counts:
--   cases: pseudonymised cases (case_key) with two or more escalations;
--   pairs: pairs of agencies (in either order, two different agencies)
--          that disagreed two or more times about the same case.
-- Escalations without a case reference are never a repeat.  Read from the
-- escalation_raised index alone (it holds case_key); the counting, a sort
-- of a few thousand rows, is done in C, where it costs a fraction of
-- SQLite's two GROUP BYs over them.
SELECT case_key, raised_by, raised_with
FROM escalation
WHERE partnership = :partnership AND case_key IS NOT NULL
	AND raised_on > date(:end, '-12 months') AND raised_on <= :end;
