-- pseudonym_of_ref: the short pseudonymous reference papers show for the
-- escalation an agency's current row :ref of :partnership belongs to.
SELECT e.pseudo
FROM source_row s JOIN escalation e ON e.id = s.escalation_id
WHERE s.partnership = :partnership AND s.ref = :ref AND s.superseded_by IS NULL;
