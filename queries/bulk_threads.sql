-- bulk_threads: while the reports' indexes are built, SQLite's sorter may
-- use one helper thread (etl/bulk.c; not under OVERSIGHT_THREADS=1): it
-- sorts and writes one run of index entries while the next is read from
-- the table, and merges them beside the main thread.  At 1,000,000 rows
-- this took the index builds from 8.1 to 5.8 seconds.  load_pragmas.sql
-- sets it back to none.
PRAGMA threads=1;
