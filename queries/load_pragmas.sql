-- load_pragmas: a load keeps its temporary tables in files, so memory
-- stays bounded at a million rows, and a 32 MB page cache.
PRAGMA temp_store=FILE;
PRAGMA cache_size=-32000;
