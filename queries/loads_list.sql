-- loads_list: every load, oldest first (`oversight loads`).
SELECT id, loaded_at, profile, file, n_read, n_loaded, n_updated, n_unchanged, n_merged, n_rejected
FROM load ORDER BY id;
