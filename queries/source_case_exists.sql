-- source_case_exists: does any current row of the partnership carry
-- this pseudonymised case?  When none does, a new row is an escalation
-- of its own and needs no reconciliation.
SELECT EXISTS (SELECT 1 FROM source_row
	WHERE partnership = :partnership AND case_key = :case_key AND superseded_by IS NULL);
