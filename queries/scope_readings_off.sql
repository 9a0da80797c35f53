-- scope_readings_off: undo scope_readings_on.sql.
DROP VIEW IF EXISTS temp.timescale;
DROP VIEW IF EXISTS temp.stage_event;
