-- r_pairs: escalations raised in the period (?2..?5) about theme ?6, by
-- the pair of agencies (raised by, raised with), most first.
SELECT raised_by, raised_with, count(*) FROM escalation
WHERE partnership = ?1 AND theme = ?6 AND raised_on BETWEEN ?2 AND ?5
GROUP BY raised_by, raised_with ORDER BY 3 DESC, 1, 2;
