-- alone_lock: a first load keeps the warehouse to itself (etl/alone.c):
-- the lock it takes is held until it lets go.
PRAGMA locking_mode=EXCLUSIVE;
