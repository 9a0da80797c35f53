-- scope_subject_add: one subject (child, unborn, adult) the connection's
-- figures count (scope_subject.sql).
INSERT INTO temp.scope_subject (subject) VALUES (:subject);
