-- source_group: the current source rows of one pseudonymised case in a
-- partnership: the rows reconciliation may join (DESIGN.md
-- "Reconciliation").  etl/reconcile.c puts them in the order (raised_on,
-- ref), which makes the result depend on the set of rows only, never on
-- the order they were loaded in.
SELECT id, ref, raised_by, raised_with, subject, raised_on, theme, category,
	serious_concern, stuck, stage1_on, stage2_on, stage3_on, stage4_on, stage5_on,
	status, closed_on, learning, learning_theme, escalation_id,
	stage0_on, outcome, feedback_on, immediate_risk
FROM source_row
WHERE partnership = :partnership AND case_key = :case_key AND superseded_by IS NULL;
