-- read_begin: one read transaction, so a load running meanwhile is not
-- half seen (a deferred BEGIN: reading takes no write lock).
BEGIN;
