-- r_subject_split: key figures for children (subject child or unborn) and
-- adults apart, for a partnership that covers both: raised in the period,
-- resolved in it, open at its end, and the escalations that entered the
-- top two stages in it.  Rows: group, raised, resolved, open, entered
-- stage :last_stage - 1, entered stage :last_stage.
SELECT CASE WHEN e.subject = 'adult' THEN 'adults' ELSE 'children' END AS grp,
	count(*) FILTER (WHERE e.raised_on >= :from),
	count(*) FILTER (WHERE e.status = 'resolved' AND e.closed_on BETWEEN :from AND :end),
	count(*) FILTER (WHERE e.closed_on IS NULL OR e.closed_on > :end),
	count(*) FILTER (WHERE EXISTS (SELECT 1 FROM stage_event s WHERE s.escalation_id = e.id
		AND s.stage = :last_stage - 1 AND s.entered_on BETWEEN :from AND :end)),
	count(*) FILTER (WHERE EXISTS (SELECT 1 FROM stage_event s WHERE s.escalation_id = e.id
		AND s.stage = :last_stage AND s.entered_on BETWEEN :from AND :end))
FROM escalation e
WHERE e.partnership = :partnership AND e.raised_on <= :end AND e.subject <> 'none'
GROUP BY grp ORDER BY grp DESC;
