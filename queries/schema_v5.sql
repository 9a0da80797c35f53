-- schema_v5: the two indexes of the escalations by day carry what the
-- period's figures read, so that they are read from the index alone, not
-- row by row from the table; and a subject restriction (--subject,
-- report/scope.c) is tested there too.  Upgrades a version 4 warehouse in
-- place; no row changes, and no B-tree is added (each escalation still has
-- one entry in each index, only a longer one).
--
-- escalation_raised: + subject, theme, category (raised in the period,
-- by subject, theme, category), case_key (repeat disagreements over the
-- last twelve months) and immediate_risk.  escalation_closed: + subject
-- and top_stage (resolved at each stage), raised_by, raised_with, outcome
-- and feedback_on (the outcomes of the escalations resolved in the
-- period).
DROP INDEX IF EXISTS escalation_raised;
CREATE INDEX escalation_raised ON escalation(partnership, raised_on, raised_by, raised_with,
	subject, theme, category, case_key, immediate_risk);
DROP INDEX IF EXISTS escalation_closed;
CREATE INDEX escalation_closed ON escalation(partnership, closed_on, raised_on, status,
	subject, top_stage, raised_by, raised_with, outcome, feedback_on);

PRAGMA user_version = 5;
