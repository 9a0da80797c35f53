-- escalation_next_id: the id after the warehouse's last escalation, the
-- first the load hands out (etl/escwrite.c).
SELECT coalesce(max(id), 0) + 1 FROM escalation;
