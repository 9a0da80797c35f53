-- m_by_subject: escalations raised in the period by subject (partnership :partnership,
-- raised_on in [:from, :end]).
SELECT subject, count(*) FROM escalation
WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end
GROUP BY subject ORDER BY subject;
