-- m_entered_stage: escalations that entered stage N in the period
-- (stageN_on in [:from, :end]), for partnership :partnership; :end = min(end, as-of).
-- One pass over the stage_event_entered range counting each stage (0, the
-- step before stage 1, to 5, MODEL_STAGES), rather than a GROUP BY that
-- would sort the period's every stage event; a stage none entered gives 0.
WITH c(n0, n1, n2, n3, n4, n5) AS MATERIALIZED (
	SELECT count(*) FILTER (WHERE stage = 0), count(*) FILTER (WHERE stage = 1),
		count(*) FILTER (WHERE stage = 2), count(*) FILTER (WHERE stage = 3),
		count(*) FILTER (WHERE stage = 4), count(*) FILTER (WHERE stage = 5)
	FROM stage_event
	WHERE partnership = :partnership AND entered_on BETWEEN :from AND :end
)
SELECT 0, n0 FROM c UNION ALL SELECT 1, n1 FROM c UNION ALL SELECT 2, n2 FROM c
UNION ALL SELECT 3, n3 FROM c UNION ALL SELECT 4, n4 FROM c UNION ALL SELECT 5, n5 FROM c;
