-- source_insert: a new version of a source row (case_key is the keyed
-- hash, never the raw case reference); ?24 its escalation when known.
INSERT INTO source_row(partnership, ref, load_id, line, digest, raised_by, raised_with,
	case_key, subject, raised_on, theme, category, serious_concern, stuck,
	stage1_on, stage2_on, stage3_on, stage4_on, stage5_on, status, closed_on,
	learning, learning_theme, escalation_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
	?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24);
