-- m_resolved_at_stage: escalations resolved in the period (status
-- resolved, closed_on in [:from, :end]) by the highest stage they reached.
SELECT top_stage, count(*) FROM escalation
WHERE partnership = :partnership AND status = 'resolved' AND closed_on BETWEEN :from AND :end
GROUP BY top_stage ORDER BY top_stage;
