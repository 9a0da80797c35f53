-- timescale_delete_local: a partnership's local targets, replaced by a
-- targets file.
DELETE FROM timescale WHERE partnership = :partnership AND source = 'local';
