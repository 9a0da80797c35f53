-- workdays_jurisdiction: the jurisdiction of partnership :partnership,
-- whose calendar its working days are counted in.
SELECT jurisdiction FROM partnership WHERE id = :partnership;
