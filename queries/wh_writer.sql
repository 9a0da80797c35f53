-- wh_writer: a writable warehouse is in WAL mode, so readers never block
-- a load and a load never blocks readers (but for a first load, which has
-- no reader to serve and holds the warehouse alone: etl/alone.h).
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
