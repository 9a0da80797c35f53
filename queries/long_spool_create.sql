-- The long shape's spool (etl/shape_long.c): a private temporary database
-- holding an export's rows until the end of the file, so the rows of one
-- escalation are read together whatever their order.  grp: each reference
-- and the position of its first row; item: every row (data: the fields
-- kept, encoded by shape_long.c) and every quarantined row (data NULL),
-- in the order of their group's first row, then of the file.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE grp (key TEXT PRIMARY KEY, first INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE item (
	first INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	line INTEGER NOT NULL,
	col INTEGER,
	field TEXT,
	reason TEXT,
	raw TEXT,
	data BLOB,
	PRIMARY KEY (first, seq)
) WITHOUT ROWID;
BEGIN;
