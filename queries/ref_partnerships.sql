-- ref_partnerships: every partnership of the protocol model (model/proto.c).
SELECT id, name, jurisdiction, last_stage, adults_apart, subjects,
	COALESCE(short_name, ''), definition
FROM partnership ORDER BY id;
