-- check_source_orphans: current source rows (superseded_by IS NULL) that
-- belong to no escalation: escalation_id is NULL or names an escalation
-- that is not there.  Every current row must count in some escalation
-- (DESIGN.md "Nothing lost").  Shown by file and line, never by case.
SELECT s.partnership || ' ' || coalesce(l.file, 'load ' || s.load_id) || ':' || s.line || ': ' ||
	CASE WHEN s.escalation_id IS NULL THEN 'no escalation'
		ELSE 'escalation ' || s.escalation_id || ' is not there' END
FROM source_row s
LEFT JOIN load l ON l.id = s.load_id
WHERE s.superseded_by IS NULL
	AND (s.escalation_id IS NULL
		OR NOT EXISTS (SELECT 1 FROM escalation e WHERE e.id = s.escalation_id))
ORDER BY s.id;
