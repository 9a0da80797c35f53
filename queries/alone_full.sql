-- alone_full: in a rollback journal, a commit syncs the journal and the
-- warehouse, so that a power cut cannot leave half of it (etl/alone.c).
PRAGMA synchronous=FULL;
