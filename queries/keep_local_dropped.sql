-- keep_local_dropped: the stages whose local target is dropped because
-- the partnership's new definition sets a timescale for them itself.
SELECT stage FROM temp.keep_local k WHERE partnership = :partnership
	AND EXISTS (SELECT 1 FROM timescale t WHERE t.partnership = k.partnership
		AND t.stage = k.stage);
