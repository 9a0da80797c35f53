-- m_outcome_rows: the escalations resolved in the period (status
-- resolved, closed_on in [:from, :end]; DESIGN.md "Outcome"): the highest
-- stage each reached (0: resolved informally, at the step before stage
-- 1), its raising and receiving agencies, its outcome (NULL: not
-- recorded) and, where the practitioner was told the outcome by the as-of
-- date, the working days from closed_on to feedback_on (the days d with
-- closed_on < d <= feedback_on; 0 when they were told by the day it
-- closed).  Counted and the medians taken in C (report/metrics_outcomes.c).
-- The partnership's jurisdiction is read once (a constant subquery), not
-- joined row by row.
SELECT e.top_stage, e.raised_by, e.raised_with, e.outcome,
	CASE WHEN e.feedback_on IS NULL OR e.feedback_on > :as_of THEN NULL
		ELSE max(0, c2.wd_le - c1.wd_le) END
FROM escalation e
CROSS JOIN calendar c1 ON c1.jurisdiction = (SELECT jurisdiction FROM partnership WHERE id = :partnership)
	AND c1.day = e.closed_on
LEFT JOIN calendar c2 ON c2.jurisdiction = c1.jurisdiction AND c2.day = e.feedback_on
WHERE e.partnership = :partnership AND e.status = 'resolved' AND e.closed_on BETWEEN :from AND :end
ORDER BY e.top_stage, e.raised_by, e.raised_with;
