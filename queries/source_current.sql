-- source_current: the version of (partnership, ref) the warehouse holds now,
-- and the agencies it names (for load_agency's counts: etl/tally.h).
SELECT id, digest, load_id, case_key, escalation_id, raised_by, raised_with FROM source_row
WHERE partnership = :partnership AND ref = :ref AND superseded_by IS NULL;
