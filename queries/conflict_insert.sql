-- conflict_insert: two reconciled sources disagree on a field; the value
-- kept and the other are listed by `oversight check`.
INSERT INTO conflict(escalation_id, field, kept, other) VALUES (:escalation_id, :field, :kept, :other);
