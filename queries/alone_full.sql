-- alone_full: in a rollback journal, a commit syncs the journal and the
-- warehouse, so that a power cut cannot leave half of it (etl/alone.c).
-- And SQLite does not check each row's REFERENCES: every parent a first
-- load's row names is one the same load wrote (its load, the escalation
-- of a stage event or a conflict, the source row that supersedes another),
-- and the loader deletes an escalation's stage events and conflicts itself
-- (etl/escwrite.c).  After the load, alone_release.sql has SQLite check
-- REFERENCES again.
PRAGMA synchronous=FULL;
PRAGMA foreign_keys=OFF;
