-- calendar_insert: one day of a jurisdiction's calendar (DESIGN.md
-- "Calendar"): working or not, its cumulative working-day number, and the
-- bank holiday's name when it is one.
INSERT INTO calendar(jurisdiction, day, is_working, wd_le, holiday)
VALUES (:jurisdiction, :day, :is_working, :wd_le, :holiday);
