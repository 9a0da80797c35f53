-- bulk_held: the current source rows the warehouse holds, from the
-- loader's own counts (etl/bulk.c).
SELECT coalesce(sum(n_current), 0) FROM load_source;
