-- source_current: the version of (partnership, ref) the warehouse holds now.
SELECT id, digest, load_id, case_key, escalation_id FROM source_row
WHERE partnership = :partnership AND ref = :ref AND superseded_by IS NULL;
