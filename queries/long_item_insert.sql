-- A row of the long spool: a row of group :first, or a quarantined row
-- (:data NULL) standing alone.
INSERT INTO item (first, seq, line, col, field, reason, raw, data)
VALUES (:first, :seq, :line, :col, :field, :reason, :raw, :data);
