-- m_outcome_rows: the escalations resolved in the period (status
-- resolved, closed_on in [:from, :end]; DESIGN.md "Outcome"): the highest
-- stage each reached (0: resolved informally, at the step before stage
-- 1), its raising and receiving agencies, its outcome (NULL: not
-- recorded), the day it closed and, where the practitioner was told the
-- outcome by the as-of date, the day they were told.  Counted in C
-- (report/metrics_outcomes.c), with the working days from closed_on to
-- feedback_on (the days d with closed_on < d <= feedback_on, by the
-- partnership's calendar: report/workdays.c; 0 when they were told by the
-- day it closed) and their median.  The rows come in no order: C puts
-- them in the order of (top_stage, raised_by, raised_with) where the order
-- matters (the agency pairs), as an ORDER BY would.
SELECT e.top_stage, e.raised_by, e.raised_with, e.outcome, e.closed_on,
	CASE WHEN e.feedback_on IS NULL OR e.feedback_on > :as_of THEN NULL ELSE e.feedback_on END
FROM escalation e
WHERE e.partnership = :partnership AND e.status = 'resolved' AND e.closed_on BETWEEN :from AND :end;
