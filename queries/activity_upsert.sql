-- activity_upsert: an agency's activity (the funnel's denominator) for a
-- quarter; a later file's value replaces an earlier one.
INSERT INTO activity(partnership, agency, quarter, measure, value, load_id)
VALUES (:partnership, :agency, :quarter, :measure, :value, :load_id)
ON CONFLICT(partnership, agency, quarter, measure)
DO UPDATE SET value = excluded.value, load_id = excluded.load_id;
