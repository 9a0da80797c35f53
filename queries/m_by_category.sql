-- m_by_category: escalations raised in the period by category (partnership ?1,
-- raised_on in [?2, ?5]).
SELECT category, count(*) FROM escalation
WHERE partnership = ?1 AND raised_on BETWEEN ?2 AND ?5
GROUP BY category ORDER BY category;
