-- alone_journal: a first load writes its pages once, through a rollback
-- journal, not twice through the write-ahead log (etl/alone.c).  The mode
-- the warehouse is in after it is the row: 'wal' when it could not leave
-- WAL mode (another run has the warehouse open).
PRAGMA journal_mode=DELETE;
