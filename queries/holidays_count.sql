-- holidays_count: how many holiday override files meta keeps.
SELECT count(*) FROM meta WHERE key LIKE 'holidays:%';
