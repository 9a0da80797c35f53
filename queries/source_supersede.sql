-- source_supersede: an updated row replaces its earlier version, which
-- stays in the history with the load that brought it.
UPDATE source_row SET superseded_by = :superseded_by, escalation_id = NULL WHERE id = :id;
