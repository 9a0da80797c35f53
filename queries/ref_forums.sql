-- ref_forums: a partnership's forums, those of no stage first.
SELECT id, name, COALESCE(stage, 0), COALESCE(report, ''), COALESCE(reports_to, ''),
	COALESCE(description, '')
FROM forum WHERE partnership = :partnership ORDER BY stage, id;
