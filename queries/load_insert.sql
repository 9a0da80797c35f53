-- load_insert: start the provenance record of one file's load.
-- ?1 file name as given, ?2 sha256 of its bytes, ?3 profile.
INSERT INTO load(file, sha256, profile, loaded_at)
VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
