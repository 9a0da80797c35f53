-- load_seen_create: the refs already held that the file being loaded
-- repeats, with the line of their first occurrence (etl/store.c: a ref
-- repeated within a file is rejected even when its first occurrence was
-- unchanged and so stored nothing of this load).
CREATE TEMP TABLE IF NOT EXISTS load_seen(partnership TEXT, ref TEXT,
	line INTEGER, PRIMARY KEY (partnership, ref));
DELETE FROM temp.load_seen;
