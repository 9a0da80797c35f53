-- r_flags: escalations raised in the period (?2..?5) of partnership ?1
-- that were a serious concern logged with the forum chair (Devon 3.2),
-- that were stuck with mediation offered (Devon 3.3), and differences
-- reported by the Independent Reviewing Unit (category iru, Devon 2.8);
-- then the same three among escalations open at the period's end.
SELECT
	count(*) FILTER (WHERE serious_concern = 1 AND raised_on >= ?2),
	count(*) FILTER (WHERE stuck = 1 AND raised_on >= ?2),
	count(*) FILTER (WHERE category = 'iru' AND raised_on >= ?2),
	count(*) FILTER (WHERE serious_concern = 1 AND (closed_on IS NULL OR closed_on > ?5)),
	count(*) FILTER (WHERE stuck = 1 AND (closed_on IS NULL OR closed_on > ?5)),
	count(*) FILTER (WHERE category = 'iru' AND (closed_on IS NULL OR closed_on > ?5))
FROM escalation
WHERE partnership = ?1 AND raised_on <= ?5;
