-- m_by_subject: escalations raised in the period by subject (partnership ?1,
-- raised_on in [?2, ?5]).
SELECT subject, count(*) FROM escalation
WHERE partnership = ?1 AND raised_on BETWEEN ?2 AND ?5
GROUP BY subject ORDER BY subject;
