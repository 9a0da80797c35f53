-- partnership_clear: drop a partnership's reference rows before its
-- definition is loaded again.  Its local targets are kept aside in
-- temp.keep_local, to be put back (a plain `init` must not lose them).
CREATE TEMP TABLE IF NOT EXISTS keep_local AS SELECT * FROM timescale WHERE 0;
DELETE FROM temp.keep_local WHERE partnership = :partnership;
INSERT INTO temp.keep_local SELECT * FROM timescale
	WHERE partnership = :partnership AND source = 'local';
DELETE FROM timescale WHERE partnership = :partnership;
DELETE FROM stage WHERE partnership = :partnership;
DELETE FROM agency WHERE partnership = :partnership;
DELETE FROM forum WHERE partnership = :partnership;
