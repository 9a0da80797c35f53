-- scope_readings_on: the connection reads the stage events that have a
-- deadline under a protocol's other reading (temp.reading_due), with that
-- deadline as due_on, and the other reading's timescales as the timescale
-- table; m_timescales.sql then counts them by its one definition.
-- scope_readings_off.sql undoes it (and the subject restriction is put
-- back: report/scope.c).  CROSS JOIN keeps the few rows of reading_due
-- the outer loop (SQLite does not reorder it), each finding its stage
-- event by primary key, rather than the partnership's every stage event
-- read to find them.
DROP VIEW IF EXISTS temp.stage_event;
CREATE TEMP VIEW stage_event AS
	SELECT se.escalation_id, se.partnership, se.stage, se.entered_on, se.completed_on, r.due_on
	FROM temp.reading_due r
	CROSS JOIN main.stage_event se ON se.escalation_id = r.escalation_id AND se.stage = r.stage;
CREATE TEMP VIEW timescale AS
	SELECT partnership, stage, kind, days, source, cite FROM temp.reading_timescale;
