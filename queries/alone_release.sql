-- alone_release: the first load lets go of the warehouse (its lock goes
-- at the next access: alone.c switches back to WAL mode, wh_writer).
PRAGMA locking_mode=NORMAL;
