-- escalation_insert: one derived escalation (from one source row, or from
-- several reconciled ones), with the id the loader handed it (etl/escwrite.c:
-- ids are handed out in order, and one may be promised to a source row
-- before its escalation is written).
INSERT INTO escalation(id, partnership, pseudo, raised_by, raised_with, case_key, subject,
	raised_on, theme, category, serious_concern, stuck, stage1_on, stage2_on,
	stage3_on, stage4_on, stage5_on, top_stage, status, closed_on, learning,
	learning_theme, n_sources, stage0_on, outcome, feedback_on, immediate_risk)
VALUES (:id, :partnership, :pseudo, :raised_by, :raised_with, :case_key, :subject,
	:raised_on, :theme, :category, :serious_concern, :stuck, :stage1_on, :stage2_on,
	:stage3_on, :stage4_on, :stage5_on, :top_stage, :status, :closed_on, :learning,
	:learning_theme, :n_sources, :stage0_on, :outcome, :feedback_on, :immediate_risk);
