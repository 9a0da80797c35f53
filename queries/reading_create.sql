-- reading_create: the temporary tables of a protocol's other reading of
-- its stage timescales (report/metrics_readings.c), emptied: the
-- deadlines the other reading gives each stage event, and its timescales
-- in the shape of the timescale table.
CREATE TEMP TABLE IF NOT EXISTS reading_due (
	escalation_id INTEGER NOT NULL,
	stage         INTEGER NOT NULL,
	due_on        TEXT,
	PRIMARY KEY (escalation_id, stage)
) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS reading_timescale (
	partnership TEXT NOT NULL,
	stage       INTEGER NOT NULL,
	kind        TEXT NOT NULL,
	days        INTEGER NOT NULL,
	source      TEXT NOT NULL,
	cite        TEXT
);
DELETE FROM temp.reading_due;
DELETE FROM temp.reading_timescale;
