-- load_source_add: rows stored by load :load_id for :partnership, and rows
-- of it superseded (a negative :current), added to its counts.
INSERT INTO load_source (partnership, load_id, n_stored, n_current)
VALUES (:partnership, :load_id, :stored, :current)
ON CONFLICT (partnership, load_id) DO UPDATE SET
	n_stored = n_stored + excluded.n_stored, n_current = n_current + excluded.n_current;
