-- r_flags: escalations raised in the period (:from..:end) of partnership :partnership
-- that were a serious concern logged with the forum chair (Devon 3.2),
-- that were stuck with mediation offered (Devon 3.3), and differences
-- reported by the Independent Reviewing Unit (category iru, Devon 2.8);
-- then the same three among escalations open at the period's end.
SELECT
	count(*) FILTER (WHERE serious_concern = 1 AND raised_on >= :from),
	count(*) FILTER (WHERE stuck = 1 AND raised_on >= :from),
	count(*) FILTER (WHERE category = 'iru' AND raised_on >= :from),
	count(*) FILTER (WHERE serious_concern = 1 AND (closed_on IS NULL OR closed_on > :end)),
	count(*) FILTER (WHERE stuck = 1 AND (closed_on IS NULL OR closed_on > :end)),
	count(*) FILTER (WHERE category = 'iru' AND (closed_on IS NULL OR closed_on > :end))
FROM escalation
WHERE partnership = :partnership AND raised_on <= :end;
