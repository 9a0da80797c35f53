-- reject_insert: a quarantined row, with where it was and why.
INSERT INTO reject(load_id, line, col, field, reason, raw) VALUES (:load_id, :line, :col, :field, :reason, :raw);
