-- scope_clear: the connection reads the warehouse's own tables again (see
-- scope_subject.sql): the temporary views and table of a restriction go.
DROP VIEW IF EXISTS temp.stage_event;
DROP VIEW IF EXISTS temp.escalation;
DROP TABLE IF EXISTS temp.scope_subject;
