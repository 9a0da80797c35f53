-- check_conflict_fields: the headline of the conflicts note, after their
-- count: the reconciliation conflicts counted by field, most first
-- ("... by field: raised_on 79, theme 43, ...").
SELECT 'field(s) on which two reconciled sources disagree, by field: ' ||
	group_concat(field || ' ' || n, ', ')
FROM (SELECT field, count(*) AS n FROM conflict GROUP BY field ORDER BY n DESC, field);
