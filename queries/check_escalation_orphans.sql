-- check_escalation_orphans: escalations that no current source row
-- derives (every escalation is derived from its source rows, DESIGN.md
-- "Canonical escalation log"; one without is counted in no export).
SELECT e.partnership || ' ' || e.pseudo || ': no current source row'
FROM escalation e
WHERE NOT EXISTS (SELECT 1 FROM source_row s
	WHERE s.escalation_id = e.id AND s.superseded_by IS NULL)
ORDER BY e.id;
