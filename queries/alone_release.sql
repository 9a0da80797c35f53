-- alone_release: the first load lets go of the warehouse (its lock goes
-- at the next access: alone.c switches back to WAL mode, wh_writer), and
-- SQLite checks REFERENCES again (alone_full.sql).
PRAGMA locking_mode=NORMAL;
PRAGMA foreign_keys=ON;
