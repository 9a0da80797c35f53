-- wh_probe: fails unless the file is an SQLite database.
SELECT count(*) FROM sqlite_schema;
