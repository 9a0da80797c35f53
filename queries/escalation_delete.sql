-- escalation_delete: drop a derived escalation before re-deriving it
-- (etl/escwrite.c deletes its stage events and conflicts first:
-- stage_event_delete.sql, conflict_delete.sql).
DELETE FROM escalation WHERE id = :id;
