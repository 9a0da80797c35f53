-- bulk_sort: building an index sorts in memory up to the page cache's
-- size, beside the cache itself: a smaller cache while the reports'
-- indexes are built keeps the two within the load's bound (etl/bulk.c;
-- load_pragmas sets it back).
PRAGMA cache_size=-8000;
