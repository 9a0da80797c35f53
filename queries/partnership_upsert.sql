-- partnership_upsert: a partnership's definition (protocols/<id>.json);
-- running `oversight init` again replaces it, keeping its escalations.
INSERT INTO partnership(id, name, short_name, jurisdiction, subjects, adults_apart,
	last_stage, definition, source_file)
VALUES (:id, :name, :short_name, :jurisdiction, :subjects, :adults_apart,
	:last_stage, :definition, :source_file)
ON CONFLICT(id) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
	jurisdiction = excluded.jurisdiction, subjects = excluded.subjects,
	adults_apart = excluded.adults_apart, last_stage = excluded.last_stage,
	definition = excluded.definition, source_file = excluded.source_file;
