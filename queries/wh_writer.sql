-- wh_writer: a writable warehouse is in WAL mode, so readers never block
-- a load and a load never blocks readers.
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
