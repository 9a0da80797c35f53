-- m_resolved_at_stage: escalations resolved in the period (status
-- resolved, closed_on in [?2, ?5]) by the highest stage they reached.
SELECT top_stage, count(*) FROM escalation
WHERE partnership = ?1 AND status = 'resolved' AND closed_on BETWEEN ?2 AND ?5
GROUP BY top_stage ORDER BY top_stage;
