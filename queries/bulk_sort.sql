-- bulk_sort: building an index sorts in memory up to the page cache's
-- size, beside the cache itself: a smaller cache while the reports'
-- indexes are built keeps the two within the load's bound (etl/bulk.c;
-- load_pragmas sets it back).  With bulk_threads.sql a second sorter
-- sorts beside the first, each up to this size: 4 MB each, where one
-- sorter alone had 8 MB.
PRAGMA cache_size=-4000;
