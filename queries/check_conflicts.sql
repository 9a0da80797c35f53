-- check_conflicts: where two reconciled sources disagree (DESIGN.md
-- "Reconciliation": the disagreement is listed by `oversight check`): the
-- escalation's pseudonymous reference, the field, the value kept and the
-- other source's.  Never a case reference: conflict holds none.  The
-- fields that change a figure's category come first (theme, raised_by,
-- status, ...), then stage dates, then raised_on, which differs most often
-- and only by the day a receiving agency logged its copy; newest first.
SELECT e.partnership || ' ' || e.pseudo || ' ' || c.field || ': kept ' ||
	coalesce(nullif(trim(c.kept), ''), '(none)') || ', other ' ||
	coalesce(nullif(trim(c.other), ''), '(none)')
FROM conflict c
JOIN escalation e ON e.id = c.escalation_id
ORDER BY CASE WHEN c.field = 'raised_on' THEN 2 WHEN c.field LIKE 'stage%' THEN 1 ELSE 0 END,
	e.raised_on DESC, e.partnership, e.pseudo, c.field;
