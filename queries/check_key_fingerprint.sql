-- check_key_fingerprint: the fingerprint of the key file (?1, see
-- etl/pseudo.h) against meta.key_fingerprint, which `oversight init`
-- recorded with the key that made every case_key.  Another key would
-- make new case_keys that never match the old ones, so reconciliation
-- would silently stop.  One row when they differ.
SELECT 'key file fingerprint ' || ?1 || ', the warehouse was made with ' ||
	coalesce(fp, 'no key (no meta.key_fingerprint)')
FROM (SELECT (SELECT value FROM meta WHERE key = 'key_fingerprint') AS fp)
WHERE fp IS NOT ?1;
