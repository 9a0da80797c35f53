-- load_insert: start the provenance record of one file's load.
-- :file the file name as given, :sha256 of its bytes, :profile.
INSERT INTO load(file, sha256, profile, loaded_at)
VALUES (:file, :sha256, :profile, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
