-- timescale_insert: a stage's timescale, from the protocol (:source
-- 'protocol') or a partnership's local target ('local').
INSERT INTO timescale(partnership, stage, kind, days, source, cite)
VALUES (:partnership, :stage, :kind, :days, :source, :cite);
