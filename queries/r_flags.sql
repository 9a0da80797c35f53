-- r_flags: escalations raised in the period (:from..:end) of partnership :partnership
-- that were a serious concern logged with the forum chair (Devon 3.2),
-- where the professional network was stuck (Devon 3.3), and differences
-- reported by the Independent Reviewing Unit (category iru, Devon 2.8);
-- then the same three among escalations open at the period's end: a row
-- for each, as the paper labels it.
--
-- The flags are on the escalation rows, in no index, so each escalation
-- counted is read.  Those open at the end are found, as m_headline counts
-- them, from the escalation_closed index entries after the end (never
-- closed, plus closed after it), or, when the end is nearer the
-- partnership's first escalation than its last, from those raised by the
-- end: the fewer rows, so a recent period does not read the
-- partnership's whole history.  Only the half chosen (early or not) is
-- read: its test is made once, before any row.  (The + keeps the planner,
-- which has no statistics to go on, from reading the entries raised by
-- the end instead of those closed after it.)
WITH early(yes) AS (
	SELECT julianday(:end)
			- julianday((SELECT min(raised_on) FROM main.escalation WHERE partnership = :partnership))
		< julianday((SELECT max(raised_on) FROM main.escalation WHERE partnership = :partnership))
			- julianday(:end)
),
open_e(serious_concern, stuck, category) AS MATERIALIZED (
	SELECT serious_concern, stuck, category FROM escalation
	WHERE NOT (SELECT yes FROM early)
		AND partnership = :partnership AND closed_on IS NULL AND raised_on <= :end
	UNION ALL
	SELECT serious_concern, stuck, category FROM escalation
	WHERE NOT (SELECT yes FROM early)
		AND partnership = :partnership AND closed_on > :end AND +raised_on <= :end
	UNION ALL
	SELECT serious_concern, stuck, category FROM escalation
	WHERE (SELECT yes FROM early)
		AND partnership = :partnership AND raised_on <= :end
		AND (closed_on IS NULL OR closed_on > :end)
),
v AS MATERIALIZED (
	SELECT n_concern, n_stuck, n_iru, open_concern, open_stuck, open_iru
	FROM (SELECT
		count(*) FILTER (WHERE serious_concern = 1) AS n_concern,
		count(*) FILTER (WHERE stuck = 1) AS n_stuck,
		count(*) FILTER (WHERE category = 'iru') AS n_iru
		FROM escalation
		WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end)
	CROSS JOIN (SELECT
		count(*) FILTER (WHERE serious_concern = 1) AS open_concern,
		count(*) FILTER (WHERE stuck = 1) AS open_stuck,
		count(*) FILTER (WHERE category = 'iru') AS open_iru
		FROM open_e)
)
SELECT 'Serious concern logged with the chair', n_concern, open_concern FROM v
UNION ALL
SELECT 'Professional network stuck', n_stuck, open_stuck FROM v
UNION ALL
SELECT 'Difference reported by the Independent Reviewing Unit', n_iru, open_iru FROM v;
