-- rejects_list: quarantined rows with file, line, column, field and reason
-- (`oversight rejects`); :load_id a load id, or 0 for all loads.
SELECT l.file, r.line, r.col, r.field, r.reason, r.raw, r.load_id
FROM reject r JOIN load l ON l.id = r.load_id
WHERE :load_id = 0 OR r.load_id = :load_id
ORDER BY r.load_id, r.line;
