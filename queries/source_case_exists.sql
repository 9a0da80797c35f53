-- source_case_exists: does any current row of the partnership (?1) carry
-- this pseudonymised case (?2)?  When none does, a new row is an escalation
-- of its own and needs no reconciliation.
SELECT EXISTS (SELECT 1 FROM source_row
	WHERE partnership = ?1 AND case_key = ?2 AND superseded_by IS NULL);
