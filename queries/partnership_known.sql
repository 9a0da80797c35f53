-- partnership_known: one row when partnership :partnership is defined.
SELECT 1 FROM partnership WHERE id = :partnership;
