-- load_pragmas: a load keeps its temporary tables in files, so memory
-- stays bounded at a million rows, and a 32 MB page cache; its sorts use
-- no helper thread (bulk_threads.sql gives one to the index builds alone).
PRAGMA temp_store=FILE;
PRAGMA cache_size=-32000;
PRAGMA threads=0;
