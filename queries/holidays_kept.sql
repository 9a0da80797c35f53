-- holidays_kept: the holiday override files given to `oversight init`,
-- kept in meta (holidays:NNNN) to be replayed on every init, in order.
SELECT value FROM meta WHERE key LIKE 'holidays:%' ORDER BY key;
