-- m_by_category: escalations raised in the period by category (partnership :partnership,
-- raised_on in [:from, :end]).
SELECT category, count(*) FROM escalation
WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end
GROUP BY category ORDER BY category;
