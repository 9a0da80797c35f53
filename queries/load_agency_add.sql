-- load_agency_add: current rows of load :load_id for :partnership that
-- name agency :agency, added to its count (a negative :current: rows of
-- it superseded).  schema_v7.sql.
INSERT INTO load_agency (partnership, load_id, agency, n_current)
VALUES (:partnership, :load_id, :agency, :current)
ON CONFLICT (partnership, load_id, agency) DO UPDATE SET
	n_current = n_current + excluded.n_current;
