-- A reference seen for the first time, at row :first.
INSERT INTO grp (key, first) VALUES (:key, :first);
