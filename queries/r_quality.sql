-- r_quality: data-quality figures for partnership :partnership: rows quarantined by
-- the loads that brought its rows (load_source: every load that stored one),
-- escalations logged by two agencies (reconciled) raised in the period, and
-- of those the ones whose sources disagree (listed by `oversight check`;
-- only a reconciled escalation has a conflict).
SELECT
	(SELECT count(*) FROM reject r WHERE r.load_id IN
		(SELECT load_id FROM load_source WHERE partnership = :partnership)),
	(SELECT count(*) FROM escalation WHERE partnership = :partnership AND n_sources > 1
		AND raised_on BETWEEN :from AND :end),
	(SELECT count(*) FROM escalation e
		WHERE e.partnership = :partnership AND e.raised_on BETWEEN :from AND :end
		AND e.n_sources > 1
		AND EXISTS (SELECT 1 FROM conflict c WHERE c.escalation_id = e.id));
