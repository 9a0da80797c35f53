-- m_entered_stage: escalations that entered stage N in the period
-- (stageN_on in [?2, ?5]), for partnership ?1; ?5 = min(end, as-of).
SELECT stage, count(*) FROM stage_event
WHERE partnership = ?1 AND entered_on BETWEEN ?2 AND ?5
GROUP BY stage ORDER BY stage;
