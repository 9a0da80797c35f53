-- reject_insert: a quarantined row, with where it was and why.
INSERT INTO reject(load_id, line, col, field, reason, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6);
