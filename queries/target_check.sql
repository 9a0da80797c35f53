-- target_check: is the partnership known, has it the stage, and does a
-- timescale (with its source) already exist for it?
SELECT (SELECT count(*) FROM partnership WHERE id = :partnership),
	(SELECT count(*) FROM stage WHERE partnership = :partnership AND stage = :stage),
	(SELECT source FROM timescale WHERE partnership = :partnership AND stage = :stage);
