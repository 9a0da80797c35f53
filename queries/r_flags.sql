-- r_flags: escalations raised in the period (:from..:end) of partnership :partnership
-- that were a serious concern logged with the forum chair (Devon 3.2),
-- where the professional network was stuck (Devon 3.3), and differences
-- reported by the Independent Reviewing Unit (category iru, Devon 2.8);
-- then the same three among escalations open at the period's end: a row
-- for each, as the paper labels it.
WITH v AS MATERIALIZED (
	SELECT
		count(*) FILTER (WHERE serious_concern = 1 AND raised_on >= :from) AS n_concern,
		count(*) FILTER (WHERE stuck = 1 AND raised_on >= :from) AS n_stuck,
		count(*) FILTER (WHERE category = 'iru' AND raised_on >= :from) AS n_iru,
		count(*) FILTER (WHERE serious_concern = 1 AND (closed_on IS NULL OR closed_on > :end)) AS open_concern,
		count(*) FILTER (WHERE stuck = 1 AND (closed_on IS NULL OR closed_on > :end)) AS open_stuck,
		count(*) FILTER (WHERE category = 'iru' AND (closed_on IS NULL OR closed_on > :end)) AS open_iru
	FROM escalation
	WHERE partnership = :partnership AND raised_on <= :end
)
SELECT 'Serious concern logged with the chair', n_concern, open_concern FROM v
UNION ALL
SELECT 'Professional network stuck', n_stuck, open_stuck FROM v
UNION ALL
SELECT 'Difference reported by the Independent Reviewing Unit', n_iru, open_iru FROM v;
