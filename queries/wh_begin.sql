-- wh_begin: a write transaction, taken at once (concurrent loads wait
-- on the busy timeout instead of failing later).
BEGIN IMMEDIATE;
