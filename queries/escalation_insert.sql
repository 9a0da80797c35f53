-- escalation_insert: one derived escalation (from one source row, or from
-- several reconciled ones).
INSERT INTO escalation(partnership, pseudo, raised_by, raised_with, case_key, subject,
	raised_on, theme, category, serious_concern, stuck, stage1_on, stage2_on,
	stage3_on, stage4_on, stage5_on, top_stage, status, closed_on, learning,
	learning_theme, n_sources, stage0_on, outcome, feedback_on, immediate_risk)
VALUES (:partnership, :pseudo, :raised_by, :raised_with, :case_key, :subject,
	:raised_on, :theme, :category, :serious_concern, :stuck, :stage1_on, :stage2_on,
	:stage3_on, :stage4_on, :stage5_on, :top_stage, :status, :closed_on, :learning,
	:learning_theme, :n_sources, :stage0_on, :outcome, :feedback_on, :immediate_risk);
