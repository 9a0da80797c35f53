-- meta_get: a value kept in the warehouse's meta table.
SELECT value FROM meta WHERE key = :key;
