-- The position of the first row of reference :key in the long spool.
SELECT first FROM grp WHERE key = :key;
