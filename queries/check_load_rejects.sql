-- check_load_rejects: loads whose rejected count is not the number of
-- quarantined rows (reject) they hold: every rejected row must be kept
-- with its reason (DESIGN.md "Nothing lost").  One row per such load.
SELECT 'load ' || l.id || ' (' || l.file || '): rejected ' || l.n_rejected || ', but ' ||
	(SELECT count(*) FROM reject r WHERE r.load_id = l.id) || ' quarantined row(s)'
FROM load l
WHERE l.n_rejected <> (SELECT count(*) FROM reject r WHERE r.load_id = l.id)
ORDER BY l.id;
