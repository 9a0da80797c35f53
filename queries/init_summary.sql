-- init_summary: what `oversight init` reports it holds.
SELECT (SELECT count(*) FROM partnership), (SELECT count(*) FROM theme),
	(SELECT count(*) FROM timescale WHERE source = 'local');
