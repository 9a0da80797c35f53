-- escalation_delete: drop a derived escalation before re-deriving it
-- (its stage events and conflicts go with it).
DELETE FROM escalation WHERE id = :id;
