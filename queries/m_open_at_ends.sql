-- m_open_at_ends: the escalations of partnership :partnership open at the
-- end of a period and of its two comparison periods, :t1, :t2 and :t3
-- (each period's effective end; DESIGN.md "Definitions": raised on or
-- before the end and not closed by it), in one query, a row each in
-- that order: report/metrics.c.
--
-- Open at the latest of them, :e, is counted one of two exact ways,
-- whichever reads the fewer index entries:
--   after:  never closed, plus closed after :e (each raised by it): the
--           entries of one index after :e, and the few never closed;
--   before: raised by :e, less those also closed by it (a NULL closed_on
--           is never <= :e): the entries of both indexes before :e.
-- "before" reads two ranges where "after" reads one, so it is the fewer
-- only for an end in the first third of the partnership's history: its
-- first and last raised_on in the tables themselves (two probes of an
-- index, whatever the subjects the reader counts) say which.  Only the
-- branch taken is read.  (North East Lincolnshire at 1,000,000 rows, ten
-- years: the two cost the same at 3.5 years in; at 4.7 years, 30 Jun
-- 2021, "before" took 16 ms and "after" 9 ms.)
--
-- It is counted once (latest, MATERIALIZED), not again for each end.
-- Open at an earlier end t is then open at :e, less those raised after t
-- (by :e), plus those closed after t (by :e): an escalation closed in
-- between was open at t if it was raised by t, and if it was raised after
-- t it is in both counts.  These are ranges of the indexes between the
-- dates, a year's at most for a quarter, rather than half the
-- partnership's history again for each.  (An escalation is never closed
-- before it was raised: etl/canon.c refuses such a row, and a reconciled
-- one is closed by one of its rows, raised no earlier than the
-- earliest.)
WITH ends(k, t) AS (VALUES (1, :t1), (2, :t2), (3, :t3)),
latest(n) AS MATERIALIZED (
	SELECT CASE WHEN 2 * (julianday(:e)
			- julianday((SELECT min(raised_on) FROM main.escalation WHERE partnership = :partnership)))
		< julianday((SELECT max(raised_on) FROM main.escalation WHERE partnership = :partnership))
			- julianday(:e)
	THEN (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND raised_on <= :e)
		- (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND closed_on <= :e AND raised_on <= :e)
	ELSE (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND closed_on IS NULL AND raised_on <= :e)
		+ (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND closed_on > :e AND raised_on <= :e)
	END
)
SELECT n - (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND raised_on > t AND raised_on <= :e)
	  + (SELECT count(*) FROM escalation
		WHERE partnership = :partnership AND closed_on > t AND closed_on <= :e
			AND raised_on <= :e)
FROM latest, ends
ORDER BY k;
