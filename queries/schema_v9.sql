-- schema_v9: a case key (source_row.case_key, escalation.case_key) and a
-- row's digest (source_row.digest) are stored as their 16 bytes, not as
-- 32 hex digits: 16 bytes less in each of a million source rows, their
-- look-up by case, the escalations and the escalation_raised index, about
-- 8% of a warehouse (etl/srcwrite.c, etl/escwrite.c bind them with
-- wh_bind_key()).  The program still speaks of them in hex (model/pseudo.h);
-- a blob sorts as its hex does, so every order by key is the same.
--
-- Upgrades a version 8 warehouse in place (unhex_key() is core/wh.c's,
-- registered for the upgrade); the two indexes holding a case key are
-- dropped first and built again from the rewritten rows, in one sorted
-- pass, rather than changed entry by entry, and schema_v9_analyze.sql
-- gives them statistics again.
DROP INDEX IF EXISTS source_case;
DROP INDEX IF EXISTS escalation_raised;
UPDATE source_row SET digest = unhex_key(digest), case_key = unhex_key(case_key)
WHERE typeof(digest) = 'text' OR typeof(case_key) = 'text';
UPDATE escalation SET case_key = unhex_key(case_key) WHERE typeof(case_key) = 'text';
CREATE INDEX source_case ON source_row(partnership, case_key) WHERE superseded_by IS NULL AND case_key IS NOT NULL;
CREATE INDEX escalation_raised ON escalation(partnership, raised_on, raised_by, raised_with,
	subject, theme, category, case_key, immediate_risk);

PRAGMA user_version = 9;
