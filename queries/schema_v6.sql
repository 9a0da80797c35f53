-- schema_v6: the escalation table's two CHECK constraints written as
-- comparisons, not IN lists.  They accept exactly the same values (status
-- one of three, outcome one of three or none), but SQLite codes an IN list
-- of more than two values as a temporary table built each time a row is
-- written: that was most of the cost of writing an escalation (about 7 of
-- every 8 microseconds).  Upgrades a version 5 warehouse in place: only the
-- table's definition changes, no row (SQLite's documented way of changing
-- a CHECK constraint: lang_altertable.html, "Making Other Kinds Of Table
-- Schema Changes"; every row already satisfies the new constraint, as it
-- is the same).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(replace(sql,
	'CHECK (status IN (''open'', ''resolved'', ''withdrawn''))',
	'CHECK (status = ''open'' OR status = ''resolved'' OR status = ''withdrawn'')'),
	'CHECK (outcome IN (''changed'', ''partly'', ''upheld''))',
	'CHECK (outcome = ''changed'' OR outcome = ''partly'' OR outcome = ''upheld'')')
WHERE type = 'table' AND name = 'escalation';
PRAGMA writable_schema = OFF;
-- Statements change the schema's version number, so that every connection
-- reads the new definition.
CREATE TABLE schema_v6_step (x);
DROP TABLE schema_v6_step;

PRAGMA user_version = 6;
