-- schema_v1: the warehouse, version 1 (PRAGMA user_version = 1).
--
-- Reference data (partnership, agency, stage, timescale, forum, theme,
-- calendar) is loaded from protocols/*.json by `oversight init`.
-- Facts: source_row holds every version of every row any agency sent
-- (history); escalation is derived from the current source rows (after
-- reconciliation); stage_event is derived from escalation.  Provenance:
-- load and reject.  Dates are ISO text 'YYYY-MM-DD'.  No column ever holds
-- a raw case reference or a person's name: case_key is a keyed HMAC.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE partnership (
	id           TEXT PRIMARY KEY,
	name         TEXT NOT NULL,
	short_name   TEXT,
	jurisdiction TEXT NOT NULL CHECK (jurisdiction IN ('england-wales', 'scotland')),
	subjects     TEXT NOT NULL,          -- comma-separated subjects covered
	adults_apart INTEGER NOT NULL DEFAULT 0,
	last_stage   INTEGER NOT NULL,
	definition   TEXT NOT NULL,          -- the JSON definition as loaded
	source_file  TEXT
) WITHOUT ROWID;

CREATE TABLE agency (
	partnership TEXT NOT NULL REFERENCES partnership(id),
	id          TEXT NOT NULL,
	name        TEXT NOT NULL,
	ord         INTEGER NOT NULL,
	PRIMARY KEY (partnership, id)
) WITHOUT ROWID;

CREATE TABLE stage (
	partnership TEXT NOT NULL REFERENCES partnership(id),
	stage       INTEGER NOT NULL,
	name        TEXT NOT NULL,
	holder      TEXT,
	tier        INTEGER NOT NULL CHECK (tier BETWEEN 0 AND 5),
	cite        TEXT,
	PRIMARY KEY (partnership, stage)
) WITHOUT ROWID;

-- At most one timescale per stage: the protocol's, or a local target where
-- the protocol sets none (a protocol timescale is never overridden).
CREATE TABLE timescale (
	partnership TEXT NOT NULL,
	stage       INTEGER NOT NULL,
	kind        TEXT NOT NULL CHECK (kind IN ('by_working_day', 'within_of_raising', 'within_of_entry')),
	days        INTEGER NOT NULL CHECK (days > 0),
	source      TEXT NOT NULL CHECK (source IN ('protocol', 'local')),
	cite        TEXT,
	PRIMARY KEY (partnership, stage),
	FOREIGN KEY (partnership, stage) REFERENCES stage(partnership, stage)
) WITHOUT ROWID;

CREATE TABLE forum (
	partnership TEXT NOT NULL REFERENCES partnership(id),
	id          TEXT NOT NULL,
	name        TEXT NOT NULL,
	stage       INTEGER,
	report      TEXT,
	reports_to  TEXT,
	description TEXT,
	PRIMARY KEY (partnership, id)
) WITHOUT ROWID;

CREATE TABLE theme (
	id          TEXT PRIMARY KEY,
	description TEXT NOT NULL,
	ord         INTEGER NOT NULL
) WITHOUT ROWID;

-- One row per day per jurisdiction.  wd_le counts the working days up to
-- and including the day, so "working days from A to B" (A < d <= B) is
-- wd_le(B) - wd_le(A).
CREATE TABLE calendar (
	jurisdiction TEXT NOT NULL,
	day          TEXT NOT NULL,
	is_working   INTEGER NOT NULL,
	wd_le        INTEGER NOT NULL,
	holiday      TEXT,
	PRIMARY KEY (jurisdiction, day)
) WITHOUT ROWID;
CREATE INDEX calendar_wd ON calendar(jurisdiction, wd_le, is_working);

CREATE TABLE load (
	id          INTEGER PRIMARY KEY,
	file        TEXT NOT NULL,           -- the file's name as given
	sha256      TEXT NOT NULL,           -- of its bytes
	profile     TEXT NOT NULL,
	loaded_at   TEXT NOT NULL,           -- UTC, ISO 8601
	n_read      INTEGER NOT NULL DEFAULT 0,
	n_loaded    INTEGER NOT NULL DEFAULT 0,
	n_updated   INTEGER NOT NULL DEFAULT 0,
	n_unchanged INTEGER NOT NULL DEFAULT 0,
	n_merged    INTEGER NOT NULL DEFAULT 0,
	n_rejected  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX load_sha ON load(sha256, profile);

CREATE TABLE escalation (
	id              INTEGER PRIMARY KEY,
	partnership     TEXT NOT NULL,
	pseudo          TEXT NOT NULL,       -- short pseudonymous reference for reports
	raised_by       TEXT NOT NULL,
	raised_with     TEXT NOT NULL,
	case_key        TEXT,
	subject         TEXT NOT NULL,
	raised_on       TEXT NOT NULL,
	theme           TEXT NOT NULL,
	category        TEXT NOT NULL,
	serious_concern INTEGER NOT NULL DEFAULT 0,
	stuck           INTEGER NOT NULL DEFAULT 0,
	stage1_on       TEXT,
	stage2_on       TEXT,
	stage3_on       TEXT,
	stage4_on       TEXT,
	stage5_on       TEXT,
	top_stage       INTEGER NOT NULL,    -- highest stage reached
	status          TEXT NOT NULL CHECK (status IN ('open', 'resolved', 'withdrawn')),
	closed_on       TEXT,
	learning        INTEGER NOT NULL DEFAULT 0,
	learning_theme  TEXT,
	n_sources       INTEGER NOT NULL DEFAULT 1
);
-- Covering for the counts by agency over a period (raised, received,
-- silent, one-way) as well as every "raised in the period" range.
CREATE INDEX escalation_raised ON escalation(partnership, raised_on, raised_by, raised_with);
-- Covering for the headline counts: open at a date (closed_on NULL or
-- later, raised by then) and resolved/withdrawn in a period.
CREATE INDEX escalation_closed ON escalation(partnership, closed_on, raised_on, status);

-- Every version of every source row; the current one has superseded_by NULL.
CREATE TABLE source_row (
	id              INTEGER PRIMARY KEY,
	partnership     TEXT NOT NULL,
	ref             TEXT NOT NULL,
	load_id         INTEGER NOT NULL REFERENCES load(id),
	line            INTEGER NOT NULL,
	superseded_by   INTEGER REFERENCES source_row(id),
	escalation_id   INTEGER,             -- derived; checked by `oversight check`
	digest          TEXT NOT NULL,       -- of the canonical values: "unchanged" test
	raised_by       TEXT NOT NULL,
	raised_with     TEXT NOT NULL,
	case_key        TEXT,
	subject         TEXT NOT NULL,
	raised_on       TEXT NOT NULL,
	theme           TEXT NOT NULL,
	category        TEXT NOT NULL,
	serious_concern INTEGER NOT NULL DEFAULT 0,
	stuck           INTEGER NOT NULL DEFAULT 0,
	stage1_on       TEXT,
	stage2_on       TEXT,
	stage3_on       TEXT,
	stage4_on       TEXT,
	stage5_on       TEXT,
	status          TEXT NOT NULL,
	closed_on       TEXT,
	learning        INTEGER NOT NULL DEFAULT 0,
	learning_theme  TEXT
);
CREATE UNIQUE INDEX source_current ON source_row(partnership, ref) WHERE superseded_by IS NULL;
CREATE INDEX source_case ON source_row(partnership, case_key) WHERE superseded_by IS NULL AND case_key IS NOT NULL;
CREATE INDEX source_escalation ON source_row(escalation_id) WHERE superseded_by IS NULL;

-- One row per stage an escalation entered (derived with the escalation).
-- completed_on: the next stage date above this stage, else closed_on when
-- this is the top stage and the escalation is closed (DESIGN "Stage
-- completion").  due_on: the deadline where the stage has a timescale.
CREATE TABLE stage_event (
	escalation_id INTEGER NOT NULL REFERENCES escalation(id) ON DELETE CASCADE,
	partnership   TEXT NOT NULL,
	stage         INTEGER NOT NULL,
	entered_on    TEXT NOT NULL,
	completed_on  TEXT,
	due_on        TEXT,
	PRIMARY KEY (escalation_id, stage)
) WITHOUT ROWID;
CREATE INDEX stage_event_entered ON stage_event(partnership, entered_on);
CREATE INDEX stage_event_due ON stage_event(partnership, due_on) WHERE due_on IS NOT NULL;

-- Where two reconciled sources disagree (listed by `oversight check`).
CREATE TABLE conflict (
	escalation_id INTEGER NOT NULL REFERENCES escalation(id) ON DELETE CASCADE,
	field         TEXT NOT NULL,
	kept          TEXT,
	other         TEXT
);
CREATE INDEX conflict_escalation ON conflict(escalation_id);

CREATE TABLE reject (
	id       INTEGER PRIMARY KEY,
	load_id  INTEGER NOT NULL REFERENCES load(id),
	line     INTEGER NOT NULL,
	col      INTEGER,
	field    TEXT,
	reason   TEXT NOT NULL,
	raw      TEXT                        -- the row, case reference masked
);
CREATE INDEX reject_load ON reject(load_id);

CREATE TABLE activity (
	partnership TEXT NOT NULL,
	agency      TEXT NOT NULL,
	quarter     TEXT NOT NULL,           -- 'YYYY-Qn'
	measure     TEXT NOT NULL,
	value       INTEGER NOT NULL CHECK (value >= 0),
	load_id     INTEGER NOT NULL REFERENCES load(id),
	PRIMARY KEY (partnership, agency, quarter, measure)
) WITHOUT ROWID;

-- The version this file brings the warehouse to (core/wh.c wh_migrate()).
PRAGMA user_version = 1;
