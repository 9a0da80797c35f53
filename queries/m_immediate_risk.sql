-- m_immediate_risk: escalations raised in the period flagged as at
-- immediate risk (immediate_risk = 1), and how many of them reached their
-- first stage (the lowest of stage 1 .. 5 they entered, by the as-of date)
-- on the working day they were raised: by working day 1 as DESIGN.md's
-- "Working-day deadline" counts it (raised_on itself when it is a working
-- day, else the next working day), in the partnership's calendar.  The
-- working day is the first working day whose wd_le is one more than the
-- working days up to the day before raised_on.
WITH r AS (
	SELECT e.raised_on, p.jurisdiction,
		coalesce(e.stage1_on, e.stage2_on, e.stage3_on, e.stage4_on, e.stage5_on) AS first_on
	FROM escalation e
	CROSS JOIN partnership p ON p.id = e.partnership
	WHERE e.partnership = :partnership AND e.raised_on BETWEEN :from AND :end
		AND e.immediate_risk = 1
)
SELECT count(*),
	count(*) FILTER (WHERE r.first_on IS NOT NULL AND r.first_on <= :as_of AND r.first_on <= (
		SELECT min(c2.day) FROM calendar c1
		JOIN calendar c2 ON c2.jurisdiction = c1.jurisdiction AND c2.wd_le = c1.wd_le + 1
			AND c2.is_working = 1
		WHERE c1.jurisdiction = r.jurisdiction AND c1.day = date(r.raised_on, '-1 day')))
FROM r;
