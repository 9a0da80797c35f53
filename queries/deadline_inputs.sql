-- deadline_inputs: a text that changes whenever any stored deadline could
-- change (the timescales, the calendar's holidays, the partnerships'
-- jurisdictions); `oversight init` recomputes deadlines when it does.
SELECT (SELECT group_concat(partnership || stage || kind || days || source, ';')
		FROM (SELECT * FROM timescale ORDER BY partnership, stage)) || '|' ||
	(SELECT group_concat(jurisdiction || day, ';')
		FROM (SELECT * FROM calendar WHERE holiday IS NOT NULL ORDER BY jurisdiction, day)) || '|' ||
	(SELECT group_concat(id || jurisdiction, ';') FROM partnership);
