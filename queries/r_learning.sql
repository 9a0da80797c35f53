-- r_learning: learning identified: escalations closed in the period
-- (?2..?5) with learning = y, grouped by their learning label (labels are
-- only ever shown as grouped counts, never beside a case).
SELECT COALESCE(NULLIF(trim(learning_theme), ''), '(no label)'), count(*)
FROM escalation
WHERE partnership = ?1 AND learning = 1 AND status <> 'open' AND closed_on BETWEEN ?2 AND ?5
GROUP BY 1 ORDER BY 2 DESC, 1;
