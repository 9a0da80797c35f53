-- m_by_theme: escalations raised in the period by theme (partnership ?1,
-- raised_on in [?2, ?5]).
SELECT theme, count(*) FROM escalation
WHERE partnership = ?1 AND raised_on BETWEEN ?2 AND ?5
GROUP BY theme ORDER BY theme;
