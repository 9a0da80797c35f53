-- stage_insert: one stage of a partnership's protocol.
INSERT INTO stage(partnership, stage, name, holder, tier, cite)
VALUES (:partnership, :stage, :name, :holder, :tier, :cite);
