-- scope_subject: restrict every figure this connection reads to the
-- escalations about the subjects listed in temp.scope_subject (filled by
-- scope_subject_add.sql): `--subject children` (child, unborn) or `adults`
-- (adult), and the NEL SCP and SAB papers.
--
-- How: views named as the tables, in the temp schema, which SQLite
-- searches first for an unqualified name, so every query of queries/
-- reads them unchanged.  A view is flattened into the query that reads it,
-- so the tables' own indexes still serve.  escalation and stage_event are
-- the only tables a figure reads by escalation; the others follow through
-- joins with them (conflict) or are not split by subject (activity; loads,
-- sources and rejects: whose logs are in, per agency).
CREATE TEMP TABLE scope_subject (subject TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP VIEW escalation AS
	SELECT * FROM main.escalation
	WHERE subject IN (SELECT subject FROM temp.scope_subject);
CREATE TEMP VIEW stage_event AS
	SELECT se.* FROM main.stage_event se
	JOIN main.escalation e ON e.id = se.escalation_id
	WHERE e.subject IN (SELECT subject FROM temp.scope_subject);
