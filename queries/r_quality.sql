-- r_quality: data-quality figures for partnership :partnership: rows quarantined by
-- the loads that brought its rows, escalations logged by two agencies
-- (reconciled) raised in the period, and of those the ones whose sources
-- disagree (listed by `oversight check`).
SELECT
	(SELECT count(*) FROM reject r WHERE r.load_id IN
		(SELECT DISTINCT load_id FROM source_row WHERE partnership = :partnership)),
	(SELECT count(*) FROM escalation WHERE partnership = :partnership AND n_sources > 1
		AND raised_on BETWEEN :from AND :end),
	(SELECT count(DISTINCT c.escalation_id) FROM conflict c JOIN escalation e ON e.id = c.escalation_id
		WHERE e.partnership = :partnership AND e.raised_on BETWEEN :from AND :end);
