-- forum_insert: one forum of a partnership's definition.
INSERT INTO forum(partnership, id, name, stage, report, reports_to, description)
VALUES (:partnership, :id, :name, :stage, :report, :reports_to, :description);
