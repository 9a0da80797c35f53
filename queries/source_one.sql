-- source_one: one source row, as source_group gives them (rows without a
-- case reference are never merged: each is its own escalation).
SELECT id, ref, raised_by, raised_with, subject, raised_on, theme, category,
	serious_concern, stuck, stage1_on, stage2_on, stage3_on, stage4_on, stage5_on,
	status, closed_on, learning, learning_theme, escalation_id,
	stage0_on, outcome, feedback_on, immediate_risk
FROM source_row WHERE id = :id;
