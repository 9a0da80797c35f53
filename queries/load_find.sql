-- load_find: an earlier load of the same bytes with the same profile
-- ("a reload of the same bytes reads 0 and says so").
SELECT id, loaded_at FROM load WHERE sha256 = :sha256 AND profile = :profile
ORDER BY id LIMIT 1;
