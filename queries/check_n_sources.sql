-- check_n_sources: escalations whose n_sources is not the number of
-- current source rows that make them up (reconciliation, DESIGN.md: one
-- escalation holds both agencies' rows).
SELECT e.partnership || ' ' || e.pseudo || ': n_sources ' || e.n_sources ||
	', current source rows ' || count(s.id)
FROM escalation e
LEFT JOIN source_row s ON s.escalation_id = e.id AND s.superseded_by IS NULL
GROUP BY e.id
HAVING e.n_sources <> count(s.id)
ORDER BY e.id;
