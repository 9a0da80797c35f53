-- ref_stages: a partnership's stages, their names and tiers.
SELECT stage, name, tier FROM stage WHERE partnership = :partnership ORDER BY stage;
