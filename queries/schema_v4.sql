-- schema_v4: the optional columns of DESIGN.md "Outcome", "Informal
-- resolution" and immediate risk, on source rows and on the escalations
-- derived from them.  Upgrades a version 3 warehouse in place: every row
-- held keeps its values, and the new columns are blank (not recorded), so
-- every figure stays as it was.
--
-- stage0_on: the step before stage 1 (the protocol's pre_stage), stored
-- with the stage ladder's dates (its stage_event has stage 0); outcome:
-- 'changed', 'partly', 'upheld' or NULL (not recorded); feedback_on: the
-- day the practitioner was told the outcome; immediate_risk: 0 / 1.
ALTER TABLE source_row ADD COLUMN stage0_on TEXT;
ALTER TABLE source_row ADD COLUMN outcome TEXT;
ALTER TABLE source_row ADD COLUMN feedback_on TEXT;
ALTER TABLE source_row ADD COLUMN immediate_risk INTEGER NOT NULL DEFAULT 0;
ALTER TABLE escalation ADD COLUMN stage0_on TEXT;
ALTER TABLE escalation ADD COLUMN outcome TEXT
	CHECK (outcome IN ('changed', 'partly', 'upheld'));
ALTER TABLE escalation ADD COLUMN feedback_on TEXT;
ALTER TABLE escalation ADD COLUMN immediate_risk INTEGER NOT NULL DEFAULT 0;

PRAGMA user_version = 4;
