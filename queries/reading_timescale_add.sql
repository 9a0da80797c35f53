-- reading_timescale_add: a stage's other reading of its timescale, as a
-- row of the timescale table (a protocol's, as the chosen reading is).
INSERT INTO temp.reading_timescale (partnership, stage, kind, days, source, cite)
VALUES (:partnership, :stage, :kind, :days, 'protocol', :cite);
