-- keep_local_restore: put back the local targets kept aside by
-- partnership_clear, for stages the definition still has and sets no
-- timescale for.
INSERT INTO timescale SELECT k.* FROM temp.keep_local k
WHERE k.partnership = :partnership
	AND EXISTS (SELECT 1 FROM stage s WHERE s.partnership = k.partnership AND s.stage = k.stage)
	AND NOT EXISTS (SELECT 1 FROM timescale t
		WHERE t.partnership = k.partnership AND t.stage = k.stage);
