-- wh_connection: every connection checks foreign keys and keeps
-- temporary tables in memory (the loader asks for files instead).
PRAGMA foreign_keys=ON;
PRAGMA temp_store=MEMORY;
