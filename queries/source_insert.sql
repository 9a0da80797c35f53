-- source_insert: a new version of a source row (case_key is the keyed
-- hash, never the raw case reference); :escalation_id its escalation when
-- known.
INSERT INTO source_row(partnership, ref, load_id, line, digest, raised_by, raised_with,
	case_key, subject, raised_on, theme, category, serious_concern, stuck,
	stage1_on, stage2_on, stage3_on, stage4_on, stage5_on, status, closed_on,
	learning, learning_theme, escalation_id, stage0_on, outcome, feedback_on, immediate_risk)
VALUES (:partnership, :ref, :load_id, :line, :digest, :raised_by, :raised_with,
	:case_key, :subject, :raised_on, :theme, :category, :serious_concern, :stuck,
	:stage1_on, :stage2_on, :stage3_on, :stage4_on, :stage5_on, :status, :closed_on,
	:learning, :learning_theme, :escalation_id, :stage0_on, :outcome, :feedback_on,
	:immediate_risk);
