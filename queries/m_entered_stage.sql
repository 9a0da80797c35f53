-- m_entered_stage: escalations that entered stage N in the period
-- (stageN_on in [:from, :end]), for partnership :partnership; :end = min(end, as-of).
SELECT stage, count(*) FROM stage_event
WHERE partnership = :partnership AND entered_on BETWEEN :from AND :end
GROUP BY stage ORDER BY stage;
