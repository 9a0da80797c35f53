-- m_by_theme: escalations raised in the period by theme (partnership :partnership,
-- raised_on in [:from, :end]).
SELECT theme, count(*) FROM escalation
WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end
GROUP BY theme ORDER BY theme;
